using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Core.Batches;
using Pipeline.Core.Processing;
using Pipeline.Storage.Outputs;
using Pipeline.Storage.Runtime;
using Pipeline.Storage.Steps;

namespace Pipeline.Storage.Batches;

/// <summary>
/// <c>fan-out</c>: the run of a batch input. Streams the batch's records (memory bounded by
/// <see cref="BatchOptions.MaxRecordBytes"/> times <see cref="BatchOptions.StagingConcurrency"/>, whatever the batch's
/// size) and sends one work item per record, with the record in it or, when larger than
/// <see cref="BatchOptions.InlineRecordBytes"/>, staged in the state container (a record the reader rejected gets its
/// result here instead), so the records spread over every
/// worker and each gets a file's guarantees (checkpoints, dedup, retries, its own poisoning). After every chunk of
/// <see cref="ChunkSize"/> records it saves a checkpoint: a redelivered fan-out resumes after the last saved chunk,
/// reading the blob from the next record's byte offset when the batch is not compressed, and from the start of the gzip
/// member that holds it when it is (Common Crawl's one member per record: nothing before it is decompressed again; a
/// single-member gzip's only member starts at 0, so it is decompressed again from the start, though its records are not
/// parsed, staged or sent again). A fan-out stopped between a chunk's sends and its checkpoint sends that chunk again: its
/// records' runs are deterministic, so the repeats find their results and change nothing.
/// </summary>
public sealed class BatchFanOutStep : IPipelineStep
{
    /// <summary>
    /// Records per chunk: the unit of the fan-out's checkpoint and of the fan-in. A hundred, so that a chunk's results
    /// are the ones whose zero-padded index shares all but the last two digits (one listing).
    /// </summary>
    public const int ChunkSize = 100;

    /// <summary>The step's name, and its checkpoint's.</summary>
    public const string StepName = "fan-out";

    private readonly PipelineStorage _storage;
    private readonly DocumentProcessor _processor;
    private readonly OutputWriter _writer;
    private readonly BatchSummaryWriter _summaries;
    private readonly RecordMessages _messages;
    private readonly BatchOptions _options;
    private readonly ILogger<BatchFanOutStep> _logger;

    /// <summary>Creates the step.</summary>
    public BatchFanOutStep(PipelineStorage storage, DocumentProcessor processor, OutputWriter writer, BatchSummaryWriter summaries, RecordMessages messages, IOptions<BatchOptions> options, ILogger<BatchFanOutStep> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _storage = storage;
        _processor = processor;
        _writer = writer;
        _summaries = summaries;
        _messages = messages;
        _options = options.Value;
        _logger = logger;
    }

    /// <inheritdoc />
    public string Name => StepName;

    /// <inheritdoc />
    public async ValueTask ExecuteAsync(RunContext run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var batch = run.Batch ?? throw new InvalidOperationException("decode found no batch.");
        await using var content = batch.Content;
        var checkpoint = run.MayHaveCheckpoints ? await _summaries.LoadCheckpointAsync(run.Item, cancellationToken).ConfigureAwait(false) : null;
        if (checkpoint is { Done: true })
        {
            run.FanOut = checkpoint;
            await _summaries.TryCompleteAsync(run.Item, checkpoint, repeated: true, cancellationToken).ConfigureAwait(false);
            return;
        }

        var reader = await OpenAsync(run, batch, content, checkpoint, cancellationToken).ConfigureAwait(false);

        // The first chunk after a resume may have been sent before the stop: its records' runs may have checkpoints.
        var resend = checkpoint is not null;
        var chunk = new List<Task<StagedRecord>>(ChunkSize);
        using var staging = new SemaphoreSlim(_options.StagingConcurrency);
        while (true)
        {
            var from = reader.ResumePoint;
            var record = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (record is not null)
            {
                await staging.WaitAsync(cancellationToken).ConfigureAwait(false);
                chunk.Add(StageAsync(run.Item, record, from, staging, cancellationToken));
            }

            if (chunk.Count == ChunkSize || record is null)
            {
                if (chunk.Count > 0)
                {
                    var records = await Task.WhenAll(chunk).ConfigureAwait(false);
                    chunk.Clear();
                    await SendAsync(run.Item, records, resend, cancellationToken).ConfigureAwait(false);
                    resend = false;
                }

                checkpoint = FanOutCheckpoint.Of(batch.Kind, reader, done: record is null);
                await SaveAsync(run.RunId, checkpoint, cancellationToken).ConfigureAwait(false);
            }

            if (record is null)
            {
                break;
            }
        }

        run.FanOut = checkpoint;
        Log.BatchFannedOut(_logger, run.Item.Name, checkpoint!.Format, checkpoint.NextIndex, checkpoint.Skipped);

        // Records that finished before this checkpoint could not see the fan-out done: look for them.
        await _summaries.TryCompleteAsync(run.Item, checkpoint, repeated: false, cancellationToken).ConfigureAwait(false);
    }

    private async Task<BatchReader> OpenAsync(RunContext run, BatchContent batch, Stream content, FanOutCheckpoint? checkpoint, CancellationToken cancellationToken)
    {
        var options = _options.ToReaderOptions();
        if (checkpoint is not { NextIndex: > 0 })
        {
            return BatchReader.Open(content, batch.Kind, options);
        }

        if (checkpoint.ResumePoint(batch.Kind) is not { } point)
        {
            // A gzip checkpoint saved before member offsets were: decompress from the start, skipping the records done.
            Log.BatchResuming(_logger, run.Item.Name, checkpoint.NextIndex, 0, checkpoint.Position);
            var reader = BatchReader.Open(content, batch.Kind, options);
            await reader.SkipAsync(checkpoint.NextIndex, cancellationToken).ConfigureAwait(false);
            return reader;
        }

        // Read on from the next record's offset, or from the start of its gzip member (a single-member gzip's is 0).
        Log.BatchResuming(_logger, run.Item.Name, checkpoint.NextIndex, point.StreamOffset, point.Skip);
        await content.DisposeAsync().ConfigureAwait(false);
        var rest = await BatchBlob.OpenAtAsync(_storage, run.Item, point.StreamOffset, cancellationToken).ConfigureAwait(false);
        return await BatchReader.ResumeAsync(rest, batch.Kind, point, checkpoint.NextIndex, checkpoint.Skipped, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stages a record for its run; a record already rejected by the reader (invalid JSON, empty, too large, truncated)
    /// needs no run, nothing about it can fail or change on a retry: its result and event are written here.
    /// </summary>
    private async Task<StagedRecord> StageAsync(WorkItem batch, BatchRecord record, BatchResumePoint from, SemaphoreSlim staging, CancellationToken cancellationToken)
    {
        try
        {
            if (record.Rejection is not null)
            {
                var item = batch with { Record = record.Index };
                var prepared = BatchRecordInput.Prepare(_processor, batch.Name, record);
                var result = _processor.Complete(prepared, Core.Deduplication.DedupDecision.Canonical);
                result = result with { Source = result.Source with { ETag = batch.ETag } };
                var resultBlob = await _writer.WriteResultAsync(result, cancellationToken).ConfigureAwait(false);
                await _writer.SendEventAsync(item.RunId, result, resultBlob, cancellationToken).ConfigureAwait(false);
                return new StagedRecord(record.Index, NeedsRun: false, Inline: null, from);
            }

            var inline = await _messages.StageAsync(batch, record, cancellationToken).ConfigureAwait(false);
            return new StagedRecord(record.Index, NeedsRun: true, inline, from);
        }
        finally
        {
            staging.Release();
        }
    }

    private async Task SendAsync(WorkItem batch, StagedRecord[] records, bool resend, CancellationToken cancellationToken)
    {
        var direct = records.Where(r => !r.NeedsRun).Select(r => r.Index).ToList();
        if (direct.Count > 0)
        {
            // Their results are written: they count towards the chunk like the results of records' runs.
            await _summaries.RecordsCompletedAsync(batch, direct, records.Length, resend, cancellationToken).ConfigureAwait(false);
        }

        await Parallel.ForEachAsync(
            records.Where(r => r.NeedsRun),
            new ParallelOptions { MaxDegreeOfParallelism = _options.StagingConcurrency, CancellationToken = cancellationToken },
            async (record, ct) => await _messages.SendAsync(batch, record.Index, records.Length, record.Inline, record.From, resend, ct).ConfigureAwait(false)).ConfigureAwait(false);
    }

    private async Task SaveAsync(string runId, FanOutCheckpoint checkpoint, CancellationToken cancellationToken) =>
        await _storage.State.GetBlobClient(OutputNames.Checkpoint(runId, StepName))
            .UploadAsync(BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(checkpoint, RuntimeJson.Default.FanOutCheckpoint)), overwrite: true, cancellationToken)
            .ConfigureAwait(false);

    /// <summary>A record read: whether it needs a run (the reader did not reject it), and its content when it travels in its message.</summary>
    private sealed record StagedRecord(long Index, bool NeedsRun, BatchRecord? Inline, BatchResumePoint From);
}
