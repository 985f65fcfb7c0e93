using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Documents;
using Pipeline.Storage.Outputs;
using Pipeline.Storage.Steps;

namespace Pipeline.Storage.Telemetry;

/// <summary>
/// Wraps the steps of a run with its telemetry, in one place for every step: the run's root span and log scope
/// (<see cref="StartRun"/>), and around each step a span, its duration and, after <c>deduplicate</c>, the decision.
/// The <see cref="Runtime.RunExecutor"/> calls it; steps know nothing of it.
/// </summary>
public sealed class StepTelemetry
{
    private readonly ILogger _logger;

    /// <summary>Creates the telemetry wrapper.</summary>
    /// <param name="logger">The logger whose scope carries the run id (null for none).</param>
    public StepTelemetry(ILogger<StepTelemetry>? logger = null) => _logger = logger ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    /// <summary>Starts a run's root span and log scope; dispose the result when the run ends.</summary>
    /// <param name="run">The run.</param>
    public RunScope StartRun(RunContext run)
    {
        ArgumentNullException.ThrowIfNull(run);

        // A root span of its own: a run is its own trace, whatever span the host had open (a Functions invocation links to it).
        var parent = Activity.Current;
        Activity.Current = null;
        var activity = PipelineTelemetry.ActivitySource.StartActivity(PipelineTelemetry.RunSpan, ActivityKind.Internal, default(ActivityContext),
            links: parent is null ? null : [new ActivityLink(parent.Context)]);
        activity?.SetTag(PipelineTelemetry.RunIdAttribute, run.RunId);
        activity?.SetTag(PipelineTelemetry.BlobNameAttribute, run.Item.Name);
        activity?.SetTag(PipelineTelemetry.DeliveryAttribute, run.DeliveryCount);
        var scope = _logger.BeginScope(new Dictionary<string, object> { ["RunId"] = run.RunId, ["BlobName"] = run.Item.Name });
        return new RunScope(activity, scope, parent);
    }

    /// <summary>Runs one step inside its span, timing it and recording a failure as an exception.</summary>
    /// <param name="step">The step.</param>
    /// <param name="run">The run.</param>
    /// <param name="cancellationToken">Cancels the step.</param>
    public async ValueTask ExecuteAsync(IPipelineStep step, RunContext run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(run);
        using var activity = PipelineTelemetry.ActivitySource.StartActivity(PipelineTelemetry.StepSpanPrefix + step.Name);
        activity?.SetTag(PipelineTelemetry.StepAttribute, step.Name);
        activity?.SetTag(PipelineTelemetry.RunIdAttribute, run.RunId);
        activity?.SetTag(PipelineTelemetry.BlobNameAttribute, run.Item.Name);
        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            await step.ExecuteAsync(run, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            outcome = "error";
            activity?.AddException(ex);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
        finally
        {
            PipelineTelemetry.StepDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new(PipelineTelemetry.StepAttribute, step.Name), new("outcome", outcome));
        }

        if (step.Name == "deduplicate" && run.Decision is { } decision)
        {
            var kind = run.Prepared?.IsRejected == true ? "rejected"
                : decision.DuplicateOf is { } of ? (of.Kind == DuplicateKind.Exact ? "exact" : "near")
                : "canonical";
            PipelineTelemetry.DedupDecisions.Add(1, new KeyValuePair<string, object?>("kind", kind));
        }
    }

    /// <summary>A run's span and log scope; ends both when disposed.</summary>
    public sealed class RunScope : IDisposable
    {
        private readonly Activity? _activity;
        private readonly IDisposable? _scope;
        private readonly Activity? _parent;
        private string? _status;

        internal RunScope(Activity? activity, IDisposable? scope, Activity? parent)
        {
            _activity = activity;
            _scope = scope;
            _parent = parent;
        }

        /// <summary>Records how the run ended.</summary>
        /// <param name="run">The run.</param>
        public void Completed(RunContext run)
        {
            ArgumentNullException.ThrowIfNull(run);
            _status = run.SupersededReason is not null ? "superseded" : run.Record is { } record ? OutputWriter.StatusName(record.Status) : run.FanOut is not null ? "batch" : "unknown";
        }

        /// <summary>Records that the delivery failed (it is retried, or its result is written failed).</summary>
        /// <param name="exception">Why.</param>
        public void Failed(Exception exception)
        {
            ArgumentNullException.ThrowIfNull(exception);
            _status = "failed";
            _activity?.AddException(exception);
            _activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
        }

        /// <inheritdoc />
        public void Dispose()
        {
            var status = _status ?? "failed";
            _activity?.SetTag(PipelineTelemetry.StatusAttribute, status);
            PipelineTelemetry.Runs.Add(1, new KeyValuePair<string, object?>(PipelineTelemetry.StatusAttribute, status));
            _activity?.Dispose();
            _scope?.Dispose();
            Activity.Current = _parent;
        }
    }
}
