namespace Pipeline.Storage.Steps;

/// <summary>
/// Called by the <see cref="Runtime.RunExecutor"/> before every step of every run, in registration order. It may
/// wait, or throw to fail the delivery as the step would. None is registered by the runtime itself; development
/// tooling (fault injection for reliability drills) registers one explicitly.
/// </summary>
public interface IStepInterceptor
{
    /// <summary>Runs before <paramref name="step"/> on <paramref name="run"/>.</summary>
    /// <param name="step">The step about to run.</param>
    /// <param name="run">The run.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    ValueTask BeforeStepAsync(IPipelineStep step, RunContext run, CancellationToken cancellationToken);
}
