using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Pipeline.Cli.Hosting;
using Pipeline.Storage.Hosting;
using Pipeline.Storage.Runtime;
using Pipeline.Storage.Telemetry;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline worker</c>: intake scanner and step workers until stopped (Ctrl+C or SIGTERM).</summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var connection = PipelineHost.ConnectionOption();
        var hostJson = PipelineHost.HostJsonOption();
        var noIntake = new Option<bool>("--no-intake") { Description = "Run only the step workers, not the intake scanner." };
        var telemetry = PipelineHost.TelemetryOption();
        var command = new Command("worker", "Run the intake scanner and the step workers until stopped; one log line per result.")
        {
            connection, hostJson, noIntake, telemetry,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var builder = PipelineHost.CreateBuilder(parseResult.GetValue(connection), parseResult.GetValue(hostJson));
            builder.Services.AddPipelineWorker(withIntake: !parseResult.GetValue(noIntake));
            builder.Services.AddPipelineTelemetry(builder.Configuration, "pipeline-worker", parseResult.GetValue(telemetry));
            return await StorageCommand.RunHostAsync(builder.Build(), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
