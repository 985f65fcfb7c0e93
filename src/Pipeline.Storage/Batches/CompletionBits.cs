using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Pipeline.Storage.Batches;

/// <summary>
/// A set of completed indexes in one small blob, updated by compare-and-swap on its ETag: setting a bit twice changes
/// nothing (a chunk completed twice counts once), and concurrent setters retry until each bit is in. Meant for rare
/// updates (once per chunk of a batch): frequent concurrent setters collide and retry.
/// </summary>
internal static class CompletionBits
{
    private const int MaxAttempts = 50;

    /// <summary>Sets <paramref name="bits"/> in the set; returns how many bits the set then holds, and whether this call added any.</summary>
    public static async Task<(int Count, bool Added)> SetAsync(BlobClient blob, IReadOnlyCollection<int> bits, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            byte[] current;
            ETag? etag;
            try
            {
                var content = (await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value;
                current = content.Content.ToArray();
                etag = content.Details.ETag;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                current = [];
                etag = null;
            }

            var updated = With(current, bits);
            if (updated is null)
            {
                return (Count(current), false); // every bit was set already
            }

            try
            {
                await blob.UploadAsync(
                    BinaryData.FromBytes(updated),
                    new BlobUploadOptions { Conditions = etag is { } match ? new BlobRequestConditions { IfMatch = match } : new BlobRequestConditions { IfNoneMatch = ETag.All } },
                    cancellationToken).ConfigureAwait(false);
                return (Count(updated), true);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another setter won the race: read its set and add ours to it.
                await Task.Delay(Random.Shared.Next(1, 5 * Math.Min(attempt, 10)), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>How many bits the set holds (0 when it does not exist yet).</summary>
    public static async Task<int> CountAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            return Count((await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content.ToArray());
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }
    }

    private static byte[]? With(byte[] current, IReadOnlyCollection<int> bits)
    {
        var length = Math.Max(current.Length, bits.Count == 0 ? 0 : (bits.Max() / 8) + 1);
        var updated = new byte[length];
        current.CopyTo(updated, 0);
        var changed = false;
        foreach (var bit in bits)
        {
            var mask = (byte)(1 << (bit % 8));
            if ((updated[bit / 8] & mask) == 0)
            {
                updated[bit / 8] |= mask;
                changed = true;
            }
        }

        return changed ? updated : null;
    }

    private static int Count(byte[] bits) => bits.Sum(b => System.Numerics.BitOperations.PopCount(b));
}
