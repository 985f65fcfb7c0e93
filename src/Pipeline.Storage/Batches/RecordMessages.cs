using System.Text.Json;
using Microsoft.Extensions.Options;
using Pipeline.Core.Batches;
using Pipeline.Storage.Outputs;
using Pipeline.Storage.Runtime;

namespace Pipeline.Storage.Batches;

/// <summary>
/// The work item of one record of a batch, as the fan-out sends it and as a replay of a failed record sends it again:
/// the record inside the message when it is small enough (<see cref="BatchOptions.InlineRecordBytes"/>), else staged in
/// the state container for its run to read (and delete once it has published).
/// </summary>
public sealed class RecordMessages
{
    private readonly PipelineStorage _storage;
    private readonly BatchOptions _options;

    /// <summary>Creates the sender.</summary>
    public RecordMessages(PipelineStorage storage, IOptions<BatchOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _storage = storage;
        _options = options.Value;
    }

    /// <summary>
    /// Makes a record ready to send: returns it when it travels in its message, or stages it and returns null.
    /// </summary>
    /// <param name="batch">The batch's own work item.</param>
    /// <param name="record">A record the reader did not reject.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    public async Task<BatchRecord?> StageAsync(WorkItem batch, BatchRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(record);
        var json = JsonSerializer.SerializeToUtf8Bytes(record, RuntimeJson.Default.BatchRecord);
        if (json.Length <= _options.InlineRecordBytes)
        {
            return record;
        }

        await _storage.State.GetBlobClient(OutputNames.StagedRecord(batch.RunId, record.Index))
            .UploadAsync(BinaryData.FromBytes(json), overwrite: true, cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>Sends a record's work item.</summary>
    /// <param name="batch">The batch's own work item.</param>
    /// <param name="index">The record's index.</param>
    /// <param name="chunkRecords">How many records its fan-in chunk holds.</param>
    /// <param name="inline">The record when it travels in the message (from <see cref="StageAsync"/>), else null.</param>
    /// <param name="from">Where the record starts in the batch blob, kept so that a failed record can be read again.</param>
    /// <param name="resume">Whether the record's run may have checkpoints already.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    public async Task SendAsync(WorkItem batch, long index, int chunkRecords, BatchRecord? inline, BatchResumePoint? from, bool resume, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var item = batch with { Record = index, ChunkRecords = chunkRecords, Content = inline, Source = from, Resume = resume };
        await _storage.Work.SendMessageAsync(JsonSerializer.Serialize(item, RuntimeJson.Default.WorkItem), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How many records the fan-in chunk of record <paramref name="index"/> holds, in a batch of <paramref name="records"/>.</summary>
    public static int ChunkRecords(long index, long records)
    {
        var first = index / BatchFanOutStep.ChunkSize * BatchFanOutStep.ChunkSize;
        return (int)Math.Min(BatchFanOutStep.ChunkSize, records - first);
    }
}
