using System.ComponentModel.DataAnnotations;

namespace Pipeline.Storage.Telemetry;

/// <summary>
/// How the <c>pipeline</c> hosts export the runtime's OpenTelemetry traces and metrics. Bound from
/// <c>Pipeline:Telemetry</c>, e.g. <c>Pipeline__Telemetry__Exporter=console</c>. The Functions app exports to
/// Application Insights instead, when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set.
/// </summary>
public sealed class TelemetryOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Pipeline:Telemetry";

    /// <summary>The exporter.</summary>
    /// <value>
    /// Defaults to null: <see cref="TelemetryExporter.Otlp"/> when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or the
    /// traces or metrics variant) is set, else <see cref="TelemetryExporter.None"/>.
    /// </value>
    public TelemetryExporter? Exporter { get; set; }

    /// <summary>How often the work and poison queue depths are read for <c>pipeline.queue.depth</c>.</summary>
    /// <value>Defaults to 15 seconds (one queue request each per interval). Range 1 second to 1 hour.</value>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan QueueDepthInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The exporter in effect: <see cref="Exporter"/>, else chosen from the OTLP environment variables.</summary>
    /// <param name="environment">Reads an environment variable (<see cref="Environment.GetEnvironmentVariable(string)"/>).</param>
    public TelemetryExporter EffectiveExporter(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (Exporter is { } chosen)
        {
            return chosen;
        }

        string[] endpoints = ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"];
        return endpoints.Any(e => !string.IsNullOrWhiteSpace(environment(e))) ? TelemetryExporter.Otlp : TelemetryExporter.None;
    }
}
