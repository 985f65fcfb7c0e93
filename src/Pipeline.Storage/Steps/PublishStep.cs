using Pipeline.Core.Documents;
using Pipeline.Storage.Outputs;
using Pipeline.Storage.Runtime;

namespace Pipeline.Storage.Steps;

/// <summary>
/// <c>publish</c>: writes the canonical document and its text, the result record, then the event, then
/// a marker checkpoint. The writes are idempotent; the marker keeps a redelivered run from sending its
/// event twice (a crash between the event and the marker can still repeat it: events are at least once,
/// and carry a stable <see cref="PipelineEvent.EventId"/> for consumers to drop repeats).
/// </summary>
public sealed class PublishStep : IPipelineStep
{
    private readonly OutputWriter _writer;
    private readonly CheckpointStore _checkpoints;

    /// <summary>Creates the step.</summary>
    public PublishStep(OutputWriter writer, CheckpointStore checkpoints)
    {
        _writer = writer;
        _checkpoints = checkpoints;
    }

    /// <inheritdoc />
    public string Name => "publish";

    /// <inheritdoc />
    public async ValueTask ExecuteAsync(RunContext run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var record = run.Record ?? throw new InvalidOperationException("extract did not run.");
        if (run.MayHaveCheckpoints && await _checkpoints.ExistsAsync(run.RunId, Name, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        // The document and the result are the same JSON: serialise it once.
        var json = PipelineJson.SerializeToUtf8Bytes(record);
        if (record.Status == ResultStatus.Processed)
        {
            await _writer.WriteDocumentAsync(record, json, cancellationToken).ConfigureAwait(false);
        }

        var resultBlob = await _writer.WriteResultAsync(record, json, cancellationToken).ConfigureAwait(false);
        await _writer.SendEventAsync(run.RunId, record, resultBlob, cancellationToken).ConfigureAwait(false);
        await _checkpoints.MarkAsync(run.RunId, Name, cancellationToken).ConfigureAwait(false);
    }
}
