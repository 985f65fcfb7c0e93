using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Functions;
using Pipeline.Storage.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);

// The Functions host reads host.json itself; this worker process does not. Load the same file under the same
// prefix, below the app settings, so the shared runtime sees the values the host enforces (maxDequeueCount
// decides when WorkItemHandler writes a run's failed result) with the same AzureFunctionsJobHost__ overrides.
builder.Configuration.AddHostJsonBelowAppSettings(Path.Combine(AppContext.BaseDirectory, HostJson.FileName));

// The one registration shared with `pipeline worker`: storage clients from AzureWebJobsStorage (connection
// string or identity-based AzureWebJobsStorage__* settings), options, resilience, steps and intake.
builder.Services.AddPipelineRuntime();
builder.Services.AddHostedService<StorageInitializer>();

builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
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

await builder.Build().RunAsync().ConfigureAwait(false);
