using Pipeline.Storage.Steps;

namespace Pipeline.Storage.Batches;

/// <summary>
/// <c>fan-in</c>: the last step of a batch record's run, after <c>publish</c>: completes the record's chunk, and the
/// batch's summary when it was the last (<see cref="BatchSummaryWriter.RecordCompletedAsync"/>). Nothing for a file.
/// </summary>
public sealed class BatchFanInStep : IPipelineStep
{
    private readonly BatchSummaryWriter _summaries;

    /// <summary>Creates the step.</summary>
    public BatchFanInStep(BatchSummaryWriter summaries) => _summaries = summaries;

    /// <inheritdoc />
    public string Name => "fan-in";

    /// <inheritdoc />
    public async ValueTask ExecuteAsync(RunContext run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Item.Record is not null)
        {
            await _summaries.RecordCompletedAsync(run.Item, run.MayHaveCheckpoints, cancellationToken).ConfigureAwait(false);
        }
    }
}
