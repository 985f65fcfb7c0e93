using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Core.Batches;
using Pipeline.Storage.Runtime;

namespace Pipeline.Storage.Batches;

/// <summary>
/// Reruns the records of a batch whose runs failed for good (<c>pipeline replay NAME</c>): each is read again from the
/// untouched raw blob, starting where its run kept it (<see cref="BatchRecordSource"/>: a ranged read from the record's
/// offset, or from its gzip member), and sent as a work item again, marked to resume, so its run picks up its
/// checkpoints, overwrites its <c>failed</c> result, and its fan-in rewrites the batch's summary with the new counts.
/// A failed record without a kept source (its message predates it) is found by reading the batch from its start.
/// </summary>
public sealed class BatchRecordReplayer
{
    private readonly PipelineStorage _storage;
    private readonly BatchSummaryWriter _summaries;
    private readonly CheckpointStore _checkpoints;
    private readonly RecordMessages _messages;
    private readonly BatchOptions _options;
    private readonly ILogger<BatchRecordReplayer> _logger;

    /// <summary>Creates the replayer.</summary>
    public BatchRecordReplayer(PipelineStorage storage, BatchSummaryWriter summaries, CheckpointStore checkpoints, RecordMessages messages, IOptions<BatchOptions> options, ILogger<BatchRecordReplayer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _storage = storage;
        _summaries = summaries;
        _checkpoints = checkpoints;
        _messages = messages;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>
    /// Sends the failed records of a batch version whose fan-out is done again; returns their indexes (none when no
    /// record failed), or null when the version has no finished fan-out (not a batch, or still being fanned out).
    /// </summary>
    /// <param name="batch">The batch version's own work item.</param>
    /// <param name="cancellationToken">Cancels the reads and sends.</param>
    /// <exception cref="RequestFailedException">The blob was overwritten or deleted since (412, 404).</exception>
    public async Task<IReadOnlyList<long>?> ReplayFailedAsync(WorkItem batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (await _summaries.LoadCheckpointAsync(batch, cancellationToken).ConfigureAwait(false) is not { Done: true } done)
        {
            return null;
        }

        var failed = await _summaries.FailedRecordsAsync(batch, done, cancellationToken).ConfigureAwait(false);
        if (failed.Count == 0)
        {
            return failed;
        }

        var kind = await SniffAsync(batch, cancellationToken).ConfigureAwait(false);
        foreach (var index in failed)
        {
            var source = await _checkpoints.TryLoadAsync((batch with { Record = index }).RunId, BatchRecordSource.StepName, RuntimeJson.Default.BatchRecordSource, cancellationToken).ConfigureAwait(false);
            var (from, first) = source is null ? (BatchResumePoint.Start, 0L) : (source.From, index);
            var record = await ReadAsync(batch, kind, from, first, index, cancellationToken).ConfigureAwait(false);
            var inline = await _messages.StageAsync(batch, record, cancellationToken).ConfigureAwait(false);
            await _messages.SendAsync(batch, index, RecordMessages.ChunkRecords(index, done.NextIndex), inline, source?.From, resume: true, cancellationToken).ConfigureAwait(false);
            Log.BatchRecordReplayed(_logger, batch.Name, index, from.StreamOffset, from.Skip);
        }

        return failed;
    }

    // Reads record `index` from a point where record `first` starts (the record itself, or the batch's start).
    private async Task<BatchRecord> ReadAsync(WorkItem batch, BatchKind kind, BatchResumePoint from, long first, long index, CancellationToken cancellationToken)
    {
        await using var stream = await BatchBlob.OpenAtAsync(_storage, batch, from.StreamOffset, cancellationToken).ConfigureAwait(false);
        var reader = await BatchReader.ResumeAsync(stream, kind, from, first, 0, _options.ToReaderOptions(), cancellationToken).ConfigureAwait(false);
        await reader.SkipAsync(index - first, cancellationToken).ConfigureAwait(false);
        var record = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return record is { Rejection: null } && record.Index == index
            ? record
            : throw new InvalidDataException($"Record {index} of {batch.Name} could not be read again (found {record?.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "the end"}{(record?.Rejection is { } r ? ", " + r.Reason : string.Empty)}).");
    }

    private async Task<BatchKind> SniffAsync(WorkItem batch, CancellationToken cancellationToken)
    {
        await using var stream = await BatchBlob.OpenAtAsync(_storage, batch, 0, cancellationToken, BatchSniffer.HeadLength).ConfigureAwait(false);
        var head = await Steps.DecodeStep.ReadHeadAsync(stream, 0, cancellationToken).ConfigureAwait(false);
        return BatchSniffer.Sniff(batch.Name, head)
            ?? throw new InvalidDataException($"{batch.Name} has a finished fan-out but does not read as a batch.");
    }
}
