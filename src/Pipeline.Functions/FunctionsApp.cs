using Microsoft.ApplicationInsights.WorkerService;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Storage.Hosting;
using Pipeline.Storage.Telemetry;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Pipeline.Functions;

/// <summary>The app's registrations, in one place so that Program.cs and the tests build the same host.</summary>
public static class FunctionsApp
{
    /// <summary>
    /// Configures a builder from <c>FunctionsApplication.CreateBuilder</c>: host.json, the shared runtime, the trigger
    /// settings, storage creation at start, and Application Insights.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="hostJsonPath">host.json; by default the one copied beside the app.</param>
    /// <returns>The same builder.</returns>
    public static FunctionsApplicationBuilder Configure(FunctionsApplicationBuilder builder, string? hostJsonPath = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // The Functions host reads host.json itself; this worker process does not. Load the same file under the same
        // prefix, below the app settings, so the shared runtime sees the values the host enforces (maxDequeueCount
        // decides when the failed result is written) with the same AzureFunctionsJobHost__ overrides.
        builder.Configuration.AddHostJsonBelowAppSettings(hostJsonPath ?? Path.Combine(AppContext.BaseDirectory, HostJson.FileName));

        // The one registration shared with `pipeline worker`: storage clients from AzureWebJobsStorage (connection
        // string or identity-based AzureWebJobsStorage__* settings), options, resilience, steps and intake. No fault
        // injection: that lives in Pipeline.Development, which this app does not reference.
        builder.Services.AddPipelineRuntime();
        builder.Services.AddTriggerSettings();
        builder.Services.AddOptions<FunctionsAppOptions>().BindConfiguration(FunctionsAppOptions.SectionName);
        builder.Services.AddHostedService<StorageInitializer>();

        // The worker sends its own telemetry (traces, exceptions); the host's requests are sampled per host.json.
        // Adaptive sampling would drop run-result traces under load, and each is the only record of a run in the logs.
        builder.Services
            .AddApplicationInsightsTelemetryWorkerService(new ApplicationInsightsServiceOptions { EnableAdaptiveSampling = false })
            .ConfigureFunctionsApplicationInsights();

        // Application Insights adds a rule that keeps only warnings; the run results are logged at Information.
        builder.Logging.Services.Configure<LoggerFilterOptions>(options =>
        {
            var warningsOnly = options.Rules.FirstOrDefault(rule =>
                rule.ProviderName == "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider");
            if (warningsOnly is not null)
            {
                options.Rules.Remove(warningsOnly);
            }
        });
        AddRuntimeTelemetry(builder);
        return builder;
    }

    /// <summary>
    /// The runtime's OpenTelemetry traces (a trace per run, a span per step) and metrics go to Application Insights
    /// through the worker's OpenTelemetry support, when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set; with
    /// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> (<c>Authorization=AAD;ClientId=...</c>) they are sent with that
    /// managed identity, as the app's other telemetry is.
    /// </summary>
    private static void AddRuntimeTelemetry(FunctionsApplicationBuilder builder)
    {
        var connectionString = builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return;
        }

        var credential = AuthenticationCredential(builder.Configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        void Exporter(AzureMonitorExporterOptions options)
        {
            options.ConnectionString = connectionString;
            options.Credential = credential;
        }

        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<QueueDepthSampler>();
        builder.Services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddSource(PipelineTelemetry.Name).AddAzureMonitorTraceExporter(Exporter))
            .WithMetrics(metrics => metrics.AddMeter(PipelineTelemetry.Name).AddAzureMonitorMetricExporter(Exporter));
    }

    private static ManagedIdentityCredential? AuthenticationCredential(string? authentication)
    {
        if (string.IsNullOrWhiteSpace(authentication) || !authentication.Contains("Authorization=AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var clientId = authentication.Split(';').Select(p => p.Split('=', 2)).FirstOrDefault(p => p.Length == 2 && p[0].Trim().Equals("ClientId", StringComparison.OrdinalIgnoreCase))?[1].Trim();
        return clientId is { Length: > 0 } ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId)) : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
