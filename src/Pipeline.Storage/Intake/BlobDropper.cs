using Azure.Storage.Blobs.Models;
using Pipeline.Storage.Runtime;

namespace Pipeline.Storage.Intake;

/// <summary>
/// Uploads files into the raw container and enqueues each new version at once (taking its receipt), so
/// the run starts without waiting for the next scan. <c>pipeline drop</c> and <c>pipeline up</c> use it.
/// </summary>
public sealed class BlobDropper
{
    /// <summary>
    /// Blob metadata key set (to <c>true</c>) on the blobs this dropper uploads, in the same request: it tells
    /// scanners that the uploader enqueues the version itself (see <see cref="IntakeOptions.DroppedBlobGrace"/>).
    /// </summary>
    public const string DroppedMetadata = "pipelinedrop";

    private readonly PipelineStorage _storage;
    private readonly WorkItemEnqueuer _enqueuer;

    /// <summary>Creates the dropper.</summary>
    public BlobDropper(PipelineStorage storage, WorkItemEnqueuer enqueuer)
    {
        _storage = storage;
        _enqueuer = enqueuer;
    }

    /// <summary>Uploads one file's bytes under <paramref name="blobName"/> and enqueues that version.</summary>
    /// <returns>The work item of the uploaded version.</returns>
    public async Task<WorkItem> DropAsync(string blobName, Stream content, CancellationToken cancellationToken)
    {
        var item = await UploadAsync(blobName, content, cancellationToken).ConfigureAwait(false);
        await _enqueuer.EnqueueDroppedAsync(item, cancellationToken).ConfigureAwait(false);
        return item;
    }

    /// <summary>Uploads one file's bytes under <paramref name="blobName"/> without enqueuing it.</summary>
    /// <returns>The work item of the uploaded version, for <see cref="WorkItemEnqueuer.TryEnqueueAsync"/>.</returns>
    public async Task<WorkItem> UploadAsync(string blobName, Stream content, CancellationToken cancellationToken)
    {
        var response = await _storage.Raw.GetBlobClient(blobName).UploadAsync(
            content,
            new BlobUploadOptions { Metadata = new Dictionary<string, string>(StringComparer.Ordinal) { [DroppedMetadata] = "true" } },
            cancellationToken).ConfigureAwait(false);
        return new WorkItem(_storage.Raw.Name, blobName, response.Value.ETag.ToString());
    }

    /// <summary>
    /// Uploads many files in parallel, then enqueues them in the order given, so that a single sequential
    /// worker decides duplicates in the same order as <c>pipeline process</c> does for the same files.
    /// </summary>
    /// <param name="plan">The files and their blob names, in order.</param>
    /// <param name="maxParallelUploads">How many uploads run at once.</param>
    /// <param name="onDropped">Called after each enqueue.</param>
    /// <param name="cancellationToken">Cancels the drop.</param>
    /// <returns>The work items, in plan order.</returns>
    public async Task<IReadOnlyList<WorkItem>> DropAllAsync(
        IReadOnlyList<(string Path, string BlobName)> plan, int maxParallelUploads, Action? onDropped, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var items = new WorkItem[plan.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, plan.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxParallelUploads), CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var stream = File.OpenRead(plan[i].Path);
                await using (stream.ConfigureAwait(false))
                {
                    items[i] = await UploadAsync(plan[i].BlobName, stream, ct).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
        foreach (var item in items)
        {
            await _enqueuer.TryEnqueueAsync(item, cancellationToken).ConfigureAwait(false);
            onDropped?.Invoke();
        }

        return items;
    }
}
