using Pipeline.Core.Documents;
using Pipeline.Storage.Outputs;
using Pipeline.Storage.Runtime;

namespace Pipeline.Storage.Steps;

/// <summary>
/// <c>publish</c>: writes the canonical document and its text, the result record, then the event. The
/// writes are idempotent. The event is not: a redelivered run is not run again (and this step is skipped)
/// when the run's publish marker exists. The queue worker writes that marker when a completed run's message
/// outlives it (its delete failed, the worker stopped first, or its lease was lost: then before the delete),
/// the ways a completed run is delivered again; the Functions host, which cannot see the runtime's delete,
/// writes it as soon as the run completes. Written by the queue worker rather than here after every event,
/// it costs nothing in the usual case and leaves the same window for a repeat: a crash between the event and
/// the next request (the marker then, the delete now). A lost lease is covered only once the run completes:
/// the delivery that took the message over may publish in between. Events are at least once, with a stable
/// <see cref="PipelineEvent.EventId"/> for consumers to drop repeats.
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
    public string Name => StepName;

    /// <summary>The step's name, and the name of its marker checkpoint.</summary>
    public const string StepName = "publish";

    /// <inheritdoc />
    public async ValueTask ExecuteAsync(RunContext run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var record = run.Record ?? throw new InvalidOperationException("extract did not run.");
        if (run.MayHaveCheckpoints)
        {
            if (await _checkpoints.ExistsAsync(run.RunId, Name, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            // A second work item for a version (receipt recovery, replay) whose first already published: the
            // first one's message owns the event, and is redelivered until it is sent.
            if (run.Item.Resume && await _writer.HasPublishedResultAsync(run.Item.Name, run.Item.ETag, run.Item.Record, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }

        // The document and the result are the same JSON: serialise it once.
        var json = PipelineJson.SerializeToUtf8Bytes(record);
        if (record.Status == ResultStatus.Processed)
        {
            await _writer.WriteDocumentAsync(record, json, cancellationToken).ConfigureAwait(false);
        }

        var resultBlob = await _writer.WriteResultAsync(record, json, cancellationToken).ConfigureAwait(false);
        await _writer.SendEventAsync(run.RunId, record, resultBlob, cancellationToken).ConfigureAwait(false);
    }
}
