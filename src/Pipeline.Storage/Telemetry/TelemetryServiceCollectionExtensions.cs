using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Pipeline.Storage.Telemetry;

/// <summary>Registers OpenTelemetry for the runtime's sources with the exporter chosen by <see cref="TelemetryOptions"/>.</summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Adds OpenTelemetry tracing and metrics for <see cref="PipelineTelemetry.Name"/> with the configured exporter
    /// (none, OTLP from the <c>OTEL_EXPORTER_OTLP_*</c> variables, or console), and the queue depth sampler when
    /// there is an exporter. <paramref name="exporterOverride"/> (the command line's <c>--telemetry</c>) wins over the setting.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The host's configuration (read now to choose the exporters).</param>
    /// <param name="serviceName">The OpenTelemetry service name (<c>OTEL_SERVICE_NAME</c> overrides it).</param>
    /// <param name="exporterOverride">The exporter asked for on the command line, if any.</param>
    /// <returns>The exporter in effect.</returns>
    public static TelemetryExporter AddPipelineTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName, TelemetryExporter? exporterOverride = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var exporter = exporterOverride ?? options.EffectiveExporter(Environment.GetEnvironmentVariable);
        if (exporter == TelemetryExporter.None)
        {
            return exporter;
        }

        services.AddHostedService<QueueDepthSampler>();
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(PipelineTelemetry.Name);
                _ = exporter == TelemetryExporter.Console ? tracing.AddConsoleExporter() : tracing.AddOtlpExporter();
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(PipelineTelemetry.Name);
                _ = exporter == TelemetryExporter.Console ? metrics.AddConsoleExporter() : metrics.AddOtlpExporter();
            });
        return exporter;
    }
}
