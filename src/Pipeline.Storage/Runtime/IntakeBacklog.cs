using Azure.Storage.Blobs.Models;
using Pipeline.Storage.Outputs;

namespace Pipeline.Storage.Runtime;

/// <summary>
/// What intake has not finished: inputs in the raw container without a result for their current version, and
/// receipts whose enqueue never followed. Read by <c>pipeline status</c> and <c>pipeline replay --pending</c>;
/// both are listings (of results, raw and receipts), never one request per blob.
/// </summary>
public static class IntakeBacklog
{
    /// <summary>
    /// The inputs in <see cref="PipelineStorage.Raw"/> whose current version has no result, in listing order.
    /// Results are listed first (their metadata names the input version they are of), then raw is streamed.
    /// </summary>
    /// <param name="storage">The pipeline's storage.</param>
    /// <param name="cancellationToken">Cancels the listings.</param>
    public static async IAsyncEnumerable<PendingInput> PendingInputsAsync(PipelineStorage storage, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var results = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var result in storage.Results.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, cancellationToken).ConfigureAwait(false))
        {
            var etag = result.Metadata.TryGetValue(OutputWriter.InputETagMetadata, out var e) ? WorkItem.Normalize(e) : string.Empty;
            results.Add(VersionKey(result.Name, etag));
        }

        await foreach (var blob in storage.Raw.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.None }, cancellationToken).ConfigureAwait(false))
        {
            var etag = WorkItem.Normalize(blob.Properties.ETag?.ToString());
            if (!results.Contains(VersionKey(OutputNames.ResultBlob(blob.Name), etag)))
            {
                yield return new PendingInput(blob.Name, etag, blob.Properties.LastModified ?? DateTimeOffset.MinValue);
            }
        }
    }

    /// <summary>
    /// Receipts of <see cref="PipelineStorage.Raw"/>'s versions written at least <paramref name="olderThan"/> before
    /// <paramref name="now"/> and never stamped enqueued: an intake died (or storage failed) between the two, and a
    /// scanner recovers them. Seen here, they are stuck only if no scanner runs.
    /// </summary>
    /// <param name="storage">The pipeline's storage.</param>
    /// <param name="now">The current time.</param>
    /// <param name="olderThan">The receipt recovery age (<see cref="Intake.IntakeOptions.ReceiptRecoveryAge"/>).</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public static async IAsyncEnumerable<UnfinishedReceipt> UnfinishedReceiptsAsync(PipelineStorage storage, DateTimeOffset now, TimeSpan olderThan, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var listed = OutputNames.ReceiptsOf(storage.Raw.Name, string.Empty);
        foreach (var prefix in new[] { listed, OutputNames.ReceiptsPrefix + OutputNames.EscapedPrefix })
        {
            await foreach (var receipt in storage.State.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix, Traits = BlobTraits.Metadata }, cancellationToken).ConfigureAwait(false))
            {
                // Receipts of an earlier version hold JSON (size > 0) and no metadata: read by the scanner, not judged here.
                if (receipt.Metadata.ContainsKey(Receipt.EnqueuedMetadata) || receipt.Properties.ContentLength > 0 || receipt.Properties.LastModified is not { } written || now - written < olderThan)
                {
                    continue;
                }

                string? name = null, etag = null;
                if (prefix == listed && receipt.Name.LastIndexOf('/') is var slash && slash > listed.Length)
                {
                    name = receipt.Name[listed.Length..slash];
                    etag = receipt.Name[(slash + 1)..];
                }

                yield return new UnfinishedReceipt(receipt.Name, name, etag, written);
            }
        }
    }

    private static string VersionKey(string resultBlob, string etag) => resultBlob + "\n" + etag;
}

/// <summary>An input in raw whose current version has no result yet.</summary>
/// <param name="Name">The blob's name.</param>
/// <param name="ETag">The version (without quotes).</param>
/// <param name="LastModified">When the version was written.</param>
public sealed record PendingInput(string Name, string ETag, DateTimeOffset LastModified);

/// <summary>A receipt whose enqueue never followed.</summary>
/// <param name="Receipt">The receipt blob's name in the state container.</param>
/// <param name="Name">The input's name, when the receipt's name holds it (null for escaped names).</param>
/// <param name="ETag">The input version, when the receipt's name holds it.</param>
/// <param name="Written">When the receipt was last written.</param>
public sealed record UnfinishedReceipt(string Receipt, string? Name, string? ETag, DateTimeOffset Written);
