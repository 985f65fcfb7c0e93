using Pipeline.Storage.Steps;

namespace Pipeline.Storage.Runtime;

/// <summary>
/// Runs a work item through the steps in order: decode, normalize, deduplicate, extract, the steps users
/// added, publish. Storage requests inside the steps are retried by the clients' one retry layer (Polly, per
/// request); a step that still fails fails the delivery, and the queue redelivers the run, which resumes
/// from its checkpoints.
/// </summary>
public sealed class RunExecutor
{
    private readonly IReadOnlyList<IPipelineStep> _steps;
    private readonly IStepInterceptor[] _interceptors;

    /// <summary>Creates the executor with the built-in steps, any added ones, and the interceptors called before each step.</summary>
    public RunExecutor(
        DecodeStep decode,
        NormalizeStep normalize,
        DeduplicateStep deduplicate,
        ExtractStep extract,
        PublishStep publish,
        IEnumerable<IPipelineStep> addedSteps,
        IEnumerable<IStepInterceptor>? interceptors = null)
    {
        _interceptors = [.. interceptors ?? []];
        _steps = [decode, normalize, deduplicate, extract, .. addedSteps ?? [], publish];
        var duplicate = _steps.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two pipeline steps are named '{duplicate.Key}'; step names name checkpoints and must be unique.");
        }
    }

    /// <summary>The steps, in the order they run.</summary>
    public IReadOnlyList<IPipelineStep> Steps => _steps;

    /// <summary>Runs one delivery of a work item to the end, or until its input turns out to be superseded.</summary>
    public async Task<RunContext> ExecuteAsync(WorkItem item, long deliveryCount, CancellationToken cancellationToken)
    {
        var run = new RunContext(item, deliveryCount);
        foreach (var step in _steps)
        {
            foreach (var interceptor in _interceptors)
            {
                await interceptor.BeforeStepAsync(step, run, cancellationToken).ConfigureAwait(false);
            }

            await step.ExecuteAsync(run, cancellationToken).ConfigureAwait(false);
            if (run.SupersededReason is not null)
            {
                break;
            }
        }

        return run;
    }
}
