using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Pipeline.Storage.Telemetry;

/// <summary>
/// The runtime's OpenTelemetry sources: one <see cref="ActivitySource"/> (a trace per run, a span per step) and
/// one <see cref="Meter"/> (runs by status, step durations, dedup decisions, queue depth, intake lag). Both are
/// named <see cref="Name"/>; an OpenTelemetry SDK listens with <c>AddSource(Name)</c> and <c>AddMeter(Name)</c>.
/// Without a listener they cost a null check per step.
/// </summary>
public static class PipelineTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "Pipeline.Runtime";

    /// <summary>The name of a run's root span.</summary>
    public const string RunSpan = "pipeline.run";

    /// <summary>The prefix of a step's span name (followed by the step's name).</summary>
    public const string StepSpanPrefix = "pipeline.step ";

    /// <summary>Attribute: the run id.</summary>
    public const string RunIdAttribute = "pipeline.run.id";

    /// <summary>Attribute: the input blob's name.</summary>
    public const string BlobNameAttribute = "pipeline.blob.name";

    /// <summary>Attribute: the run's outcome (processed, duplicate, rejected, failed, superseded).</summary>
    public const string StatusAttribute = "pipeline.status";

    /// <summary>Attribute: the step's name.</summary>
    public const string StepAttribute = "pipeline.step";

    /// <summary>Attribute: the delivery count of the run's message.</summary>
    public const string DeliveryAttribute = "pipeline.delivery";

    /// <summary>The traces of runs.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, typeof(PipelineTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>The runtime's metrics.</summary>
    public static Meter Meter { get; } = new(Name, typeof(PipelineTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary><c>pipeline.runs</c>: deliveries of runs by outcome (<see cref="StatusAttribute"/>).</summary>
    public static Counter<long> Runs { get; } = Meter.CreateCounter<long>("pipeline.runs", "{run}", "Runs (deliveries of a work item) by outcome.");

    /// <summary><c>pipeline.step.duration</c>: how long each step took, by step and outcome (ok or error).</summary>
    public static Histogram<double> StepDuration { get; } = Meter.CreateHistogram<double>("pipeline.step.duration", "s", "Duration of a step of a run.");

    /// <summary><c>pipeline.dedup.decisions</c>: dedup decisions by kind (canonical, exact, near, rejected).</summary>
    public static Counter<long> DedupDecisions { get; } = Meter.CreateCounter<long>("pipeline.dedup.decisions", "{decision}", "Dedup decisions by kind.");

    /// <summary><c>pipeline.intake.lag</c>: from a work item's enqueue to its first delivery starting.</summary>
    public static Histogram<double> IntakeLag { get; } = Meter.CreateHistogram<double>("pipeline.intake.lag", "s", "Time from a work item's enqueue to the start of its first delivery.");

    private static readonly ConcurrentDictionary<string, int> QueueDepths = new(StringComparer.Ordinal);

    /// <summary><c>pipeline.queue.depth</c>: the approximate depth of the work and poison queues, as last sampled by <see cref="QueueDepthSampler"/>.</summary>
    public static ObservableGauge<int> QueueDepth { get; } = Meter.CreateObservableGauge(
        "pipeline.queue.depth",
        () => QueueDepths.Select(q => new Measurement<int>(q.Value, new KeyValuePair<string, object?>("queue", q.Key))),
        "{message}",
        "Approximate number of messages in a pipeline queue.");

    /// <summary>Stores the latest depth of a queue, reported by <see cref="QueueDepth"/>.</summary>
    /// <param name="queue">The queue's role (<c>work</c> or <c>poison</c>).</param>
    /// <param name="depth">Its approximate message count.</param>
    public static void SetQueueDepth(string queue, int depth) => QueueDepths[queue] = depth;

    /// <summary>Records the wait of a work item delivered for the first time.</summary>
    /// <param name="enqueued">When the message was inserted.</param>
    /// <param name="now">When its delivery starts.</param>
    public static void RecordIntakeLag(DateTimeOffset enqueued, DateTimeOffset now)
    {
        if (IntakeLag.Enabled)
        {
            IntakeLag.Record(Math.Max(0, (now - enqueued).TotalSeconds));
        }
    }
}
