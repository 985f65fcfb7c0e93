namespace Pipeline.Storage.Steps;

/// <summary>
/// One durable step of a run. Steps run in registration order; each reads what earlier steps put on the
/// <see cref="RunContext"/> and adds its own. A step must be idempotent: run twice, it gives the same
/// outputs and no second copy of any effect. Register extra steps with
/// <c>services.AddPipelineStep&lt;TStep&gt;()</c>; they run after <c>extract</c> and before <c>publish</c>
/// and get retries, checkpoints (derive from <see cref="CheckpointedStep{T}"/>) and resume for free.
/// </summary>
public interface IPipelineStep
{
    /// <summary>The step's name: lowercase letters, digits and dashes; it names the step's checkpoint.</summary>
    string Name { get; }

    /// <summary>Runs the step on one run.</summary>
    /// <param name="run">The run's state so far.</param>
    /// <param name="cancellationToken">Cancels the step.</param>
    ValueTask ExecuteAsync(RunContext run, CancellationToken cancellationToken);
}
