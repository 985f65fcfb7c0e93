using Pipeline.Storage.Steps;
using Pipeline.Storage.Telemetry;

namespace Pipeline.Storage.Runtime;

/// <summary>
/// Runs a work item through the steps in order: decode, normalize, deduplicate, extract, the steps users
/// added, publish. Storage requests inside the steps are retried by the clients' one retry layer (Polly, per
/// request); a step that still fails fails the delivery, and the queue redelivers the run, which resumes
/// from its checkpoints. Every step runs inside <see cref="StepTelemetry"/> (its span, duration and log scope),
/// so steps carry no telemetry code of their own.
/// </summary>
public sealed class RunExecutor
{
    private readonly IReadOnlyList<IPipelineStep> _steps;
    private readonly IStepInterceptor[] _interceptors;
    private readonly StepTelemetry _telemetry;
    private readonly IPipelineStep? _fanOut;

    /// <summary>
    /// Creates the executor with the built-in steps, any added ones, the interceptors called before each step, the
    /// telemetry around each, and the batch steps: <paramref name="fanOut"/> runs instead of the document steps when
    /// <c>decode</c> finds a batch, <paramref name="fanIn"/> after <c>publish</c> (both required for batch inputs).
    /// </summary>
    public RunExecutor(
        DecodeStep decode,
        NormalizeStep normalize,
        DeduplicateStep deduplicate,
        ExtractStep extract,
        PublishStep publish,
        IEnumerable<IPipelineStep> addedSteps,
        IEnumerable<IStepInterceptor>? interceptors = null,
        StepTelemetry? telemetry = null,
        Batches.BatchFanOutStep? fanOut = null,
        Batches.BatchFanInStep? fanIn = null)
    {
        _interceptors = [.. interceptors ?? []];
        _telemetry = telemetry ?? new StepTelemetry();
        _fanOut = fanOut;
        _steps = fanIn is null
            ? [decode, normalize, deduplicate, extract, .. addedSteps ?? [], publish]
            : [decode, normalize, deduplicate, extract, .. addedSteps ?? [], publish, fanIn];
        var duplicate = _steps.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two pipeline steps are named '{duplicate.Key}'; step names name checkpoints and must be unique.");
        }
    }

    /// <summary>The steps, in the order they run.</summary>
    public IReadOnlyList<IPipelineStep> Steps => _steps;

    /// <summary>Runs one delivery of a work item to the end, or until its input turns out to be superseded, or through the fan-out of a batch.</summary>
    public async Task<RunContext> ExecuteAsync(WorkItem item, long deliveryCount, CancellationToken cancellationToken)
    {
        var run = new RunContext(item, deliveryCount);
        using var scope = _telemetry.StartRun(run);
        try
        {
            foreach (var step in _steps)
            {
                await RunStepAsync(step, run, cancellationToken).ConfigureAwait(false);
                if (run.SupersededReason is not null)
                {
                    break;
                }

                if (run.Batch is not null)
                {
                    // A batch is no document: its records get runs of their own.
                    await RunStepAsync(_fanOut ?? throw new InvalidOperationException($"{item.Name} is a batch input, and this executor has no fan-out step."), run, cancellationToken).ConfigureAwait(false);
                    break;
                }
            }
        }
        catch (Exception ex)
        {
            scope.Failed(ex);
            throw;
        }

        scope.Completed(run);
        return run;
    }

    private async Task RunStepAsync(IPipelineStep step, RunContext run, CancellationToken cancellationToken)
    {
        foreach (var interceptor in _interceptors)
        {
            await interceptor.BeforeStepAsync(step, run, cancellationToken).ConfigureAwait(false);
        }

        await _telemetry.ExecuteAsync(step, run, cancellationToken).ConfigureAwait(false);
    }
}
