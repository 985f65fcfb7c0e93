namespace Pipeline.Storage.Telemetry;

/// <summary>Where the runtime's traces and metrics go.</summary>
public enum TelemetryExporter
{
    /// <summary>Nowhere (the sources still exist; nothing listens).</summary>
    None,

    /// <summary>OTLP, configured by the standard <c>OTEL_EXPORTER_OTLP_*</c> environment variables.</summary>
    Otlp,

    /// <summary>Spans and metrics printed to the console (<c>pipeline up --telemetry console</c>).</summary>
    Console,
}
