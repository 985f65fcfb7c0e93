using System.Text.Json.Serialization.Metadata;
using Pipeline.Storage.Runtime;

namespace Pipeline.Storage.Steps;

/// <summary>
/// A step whose outcome is stored under a deterministic name (<c>runs/{runId}/{step}.json</c>) and never
/// computed twice: a redelivered run loads it instead. Use it for a step with an effect outside the run or
/// a real cost; a pure, cheap step is better recomputed (a storage round trip costs more than it).
/// </summary>
/// <typeparam name="T">The step's outcome, serialisable with <see cref="OutcomeType"/>.</typeparam>
public abstract class CheckpointedStep<T> : IPipelineStep
    where T : class
{
    private readonly CheckpointStore _checkpoints;

    /// <summary>Creates the step over the checkpoint store.</summary>
    protected CheckpointedStep(CheckpointStore checkpoints) => _checkpoints = checkpoints;

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <summary>Source-generated JSON metadata of the outcome.</summary>
    protected abstract JsonTypeInfo<T> OutcomeType { get; }

    /// <inheritdoc />
    public virtual async ValueTask ExecuteAsync(RunContext run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);

        // Look first when the run may have checkpoints (a redelivery, a replay, a recovered intake); a plain first
        // delivery cannot, and skips the read. The conditional write below settles any race with a concurrent
        // delivery (first writer wins).
        var outcome = run.MayHaveCheckpoints
            ? await _checkpoints.TryLoadAsync(run.RunId, Name, OutcomeType, cancellationToken).ConfigureAwait(false)
            : null;
        if (outcome is null)
        {
            outcome = await RunAsync(run, cancellationToken).ConfigureAwait(false);
            outcome = await _checkpoints.SaveAsync(run.RunId, Name, outcome, OutcomeType, cancellationToken).ConfigureAwait(false);
        }

        Apply(run, outcome);
    }

    /// <summary>Computes the outcome (and performs the step's effect).</summary>
    protected abstract ValueTask<T> RunAsync(RunContext run, CancellationToken cancellationToken);

    /// <summary>Puts the outcome, fresh or loaded, on the run.</summary>
    protected abstract void Apply(RunContext run, T outcome);
}
