using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Development.Azurite;
using Pipeline.Development.FaultInjection;
using Pipeline.Storage.Hosting;
using Pipeline.Storage.Telemetry;

namespace Pipeline.Cli.Hosting;

/// <summary>
/// Builds the Generic Host the storage commands run in, configured as a Functions app is: host.json, then
/// environment variables (<c>AzureWebJobsStorage</c>, <c>AzureFunctionsJobHost__...</c>, <c>Pipeline__...</c>),
/// then the command line's <c>--connection</c>.
/// </summary>
internal static class PipelineHost
{
    public static Option<string?> ConnectionOption() => new("--connection")
    {
        Description = "Storage connection string (default: the AzureWebJobsStorage setting, else UseDevelopmentStorage=true).",
    };

    public static Option<string?> HostJsonOption() => new("--host-json")
    {
        Description = "Path of host.json (default: ./host.json, else the repository's).",
    };

    public static Option<TelemetryExporter?> TelemetryOption() => new("--telemetry")
    {
        Description = "Where traces and metrics go: none, otlp (OTEL_EXPORTER_OTLP_* variables) or console (default: the Pipeline:Telemetry:Exporter setting, else otlp when OTEL_EXPORTER_OTLP_ENDPOINT is set, else none).",
    };

    public static HostApplicationBuilder CreateBuilder(string? connection, string? hostJson, LogLevel minimumLevel = LogLevel.Information)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = false,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        Configure(builder, connection, hostJson, minimumLevel);
        return builder;
    }

    /// <summary>
    /// Configures any host (the Generic Host, or the web view's <c>WebApplicationBuilder</c>) as the storage commands
    /// are: host.json below the environment, <c>--connection</c> on top, one-line console logs, the runtime.
    /// </summary>
    public static void Configure(IHostApplicationBuilder builder, string? connection, string? hostJson, LogLevel minimumLevel = LogLevel.Information)
    {
        // host.json sits below the environment, as in Functions, so app settings override it.
        var path = hostJson ?? FindHostJson();
        builder.Configuration.AddHostJsonBelowAppSettings(path ?? HostJson.FileName, optional: path is null);
        if (!string.IsNullOrWhiteSpace(connection))
        {
            builder.Configuration["AzureWebJobsStorage"] = connection;
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.SetMinimumLevel(minimumLevel);
        builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Azure", LogLevel.Warning);
        builder.Services.AddPipelineRuntime();

        // A development host: reliability drills switch faults on with Pipeline__FaultInjection__* settings.
        builder.Services.AddFaultInjection();
    }

    /// <summary>Finds host.json in the current folder, else in the repository (beside Pipeline.sln).</summary>
    public static string? FindHostJson()
    {
        var local = Path.Combine(Directory.GetCurrentDirectory(), HostJson.FileName);
        if (File.Exists(local))
        {
            return local;
        }

        var root = RepositoryLocator.FindRoot();
        var inRepo = root is null ? null : Path.Combine(root, HostJson.FileName);
        return inRepo is not null && File.Exists(inRepo) ? inRepo : null;
    }
}
