using Azure;
using Azure.Storage.Blobs.Models;
using Pipeline.Storage.Runtime;

namespace Pipeline.Storage.Batches;

/// <summary>Reads a batch input's blob from an offset: the version its work item names, never a newer one.</summary>
internal static class BatchBlob
{
    /// <summary>
    /// The blob's bytes from <paramref name="offset"/> on, or <paramref name="length"/> of them (a ranged download, <c>If-Match</c> the work item's ETag, so a
    /// batch overwritten since is not read as if it were the same version).
    /// </summary>
    /// <exception cref="RequestFailedException">The blob is gone (404) or was overwritten (412).</exception>
    public static async Task<Stream> OpenAtAsync(PipelineStorage storage, WorkItem batch, long offset, CancellationToken cancellationToken, long? length = null)
    {
        var blob = storage.Blobs.GetBlobContainerClient(batch.Container).GetBlobClient(batch.Name);
        var download = await blob.DownloadStreamingAsync(
            new BlobDownloadOptions { Range = new HttpRange(offset, length), Conditions = new BlobRequestConditions { IfMatch = new ETag(batch.ETag) } },
            cancellationToken).ConfigureAwait(false);
        return download.Value.Content;
    }
}
