using Azure;
using Azure.Storage.Blobs.Models;
using Pipeline.Core.Documents;
using Pipeline.Storage.Batches;
using Pipeline.Storage.Outputs;
using Pipeline.Storage.Runtime;

namespace Pipeline.Storage.Intake;

/// <summary>
/// Enqueues inputs again, marked <see cref="WorkItem.Resume"/> so their runs pick up any checkpoints: named ones
/// (their current version), every failed one, or every one without a result. <c>pipeline replay</c> and the web
/// view's replay button use it.
/// </summary>
public sealed class InputReplayer
{
    private readonly PipelineStorage _storage;
    private readonly WorkItemEnqueuer _enqueuer;
    private readonly BatchRecordReplayer? _batches;

    /// <summary>Creates the replayer.</summary>
    /// <param name="storage">The pipeline's storage.</param>
    /// <param name="enqueuer">Enqueues work items.</param>
    /// <param name="batches">Reruns a fanned-out batch's failed records; without it a batch is enqueued as a whole.</param>
    public InputReplayer(PipelineStorage storage, WorkItemEnqueuer enqueuer, BatchRecordReplayer? batches = null)
    {
        _storage = storage;
        _enqueuer = enqueuer;
        _batches = batches;
    }

    /// <summary>Enqueues the current version of a named input (a batch that was fanned out: its failed records).</summary>
    /// <param name="name">The blob's name in the raw container.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The work item, or null when the input is not in the raw container.</returns>
    public async Task<WorkItem?> ReplayAsync(string name, CancellationToken cancellationToken) =>
        (await ReplayInputAsync(name, cancellationToken).ConfigureAwait(false))?.Item;

    /// <summary>
    /// Enqueues the current version of a named input again. A batch whose fan-out is done is not fanned out again: its
    /// records whose runs failed are read again from the blob and rerun (<see cref="BatchRecordReplayer"/>), and the
    /// batch's summary is rewritten as they finish.
    /// </summary>
    /// <param name="name">The blob's name in the raw container.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>What was replayed, or null when the input is not in the raw container.</returns>
    public async Task<Replay?> ReplayInputAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await _storage.Raw.GetBlobClient(name).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            var item = new WorkItem(_storage.Raw.Name, name, properties.Value.ETag.ToString()) { Resume = true };
            if (_batches is not null && await _batches.ReplayFailedAsync(item, cancellationToken).ConfigureAwait(false) is { } records)
            {
                return new Replay(item, records);
            }

            await _enqueuer.EnqueueAsync(item, cancellationToken).ConfigureAwait(false);
            return new Replay(item, null);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The input names of every failed result, in listing order (one read per failed result).</summary>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public async IAsyncEnumerable<string> FailedInputsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var blob in _storage.Results.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, cancellationToken).ConfigureAwait(false))
        {
            if (blob.Metadata.TryGetValue(OutputWriter.StatusMetadata, out var status) && status == "failed")
            {
                var content = await _storage.Results.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
                yield return PipelineJson.Deserialize(content.Value.Content.ToMemory().Span).Source.Name;
            }
        }
    }

    /// <summary>Enqueues every input without a result for its current version, as listed (no read per blob).</summary>
    /// <param name="onEnqueued">Called with each input enqueued.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The names enqueued.</returns>
    public async Task<IReadOnlyList<string>> ReplayPendingAsync(Action<PendingInput>? onEnqueued, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var input in IntakeBacklog.PendingInputsAsync(_storage, cancellationToken).ConfigureAwait(false))
        {
            await _enqueuer.EnqueueAsync(new WorkItem(_storage.Raw.Name, input.Name, input.ETag) { Resume = true }, cancellationToken).ConfigureAwait(false);
            names.Add(input.Name);
            onEnqueued?.Invoke(input);
        }

        return names;
    }
}

/// <summary>What <see cref="InputReplayer.ReplayInputAsync"/> replayed.</summary>
/// <param name="Item">The input version's work item.</param>
/// <param name="FailedRecords">For a batch whose fan-out is done, the failed records sent again (empty when none had failed); null when the input itself was enqueued.</param>
public sealed record Replay(WorkItem Item, IReadOnlyList<long>? FailedRecords);
