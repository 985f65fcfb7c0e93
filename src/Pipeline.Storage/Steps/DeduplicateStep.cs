using System.Text.Json.Serialization.Metadata;
using Pipeline.Core.Deduplication;
using Pipeline.Core.Processing;
using Pipeline.Storage.Runtime;

namespace Pipeline.Storage.Steps;

/// <summary>
/// <c>deduplicate</c>: claims the document in the dedup index. Checkpointed: the claim is an effect
/// outside the run, and the decision must not change if the run is redelivered after later documents
/// have joined the index.
/// </summary>
public sealed class DeduplicateStep : CheckpointedStep<DedupDecision>
{
    private readonly IDedupIndex _index;

    /// <summary>Creates the step.</summary>
    public DeduplicateStep(CheckpointStore checkpoints, IDedupIndex index)
        : base(checkpoints) => _index = index;

    /// <inheritdoc />
    public override string Name => "deduplicate";

    /// <inheritdoc />
    protected override JsonTypeInfo<DedupDecision> OutcomeType => RuntimeJson.Default.DedupDecision;

    /// <inheritdoc />
    protected override async ValueTask<DedupDecision> RunAsync(RunContext run, CancellationToken cancellationToken)
    {
        var prepared = run.Prepared ?? throw new InvalidOperationException("normalize did not run.");
        if (prepared.IsRejected)
        {
            return DedupDecision.Canonical;
        }

        return await _index.ClaimAsync(DocumentProcessor.ClaimOf(prepared, run.RunId), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override void Apply(RunContext run, DedupDecision outcome) => run.Decision = outcome;

    /// <summary>Rejected documents are not claimed; nothing is stored for them either.</summary>
    public override ValueTask ExecuteAsync(RunContext run, CancellationToken cancellationToken) =>
        run?.Prepared is { IsRejected: true }
            ? SetCanonical(run)
            : base.ExecuteAsync(run!, cancellationToken);

    private static ValueTask SetCanonical(RunContext run)
    {
        run.Decision = DedupDecision.Canonical;
        return ValueTask.CompletedTask;
    }
}
