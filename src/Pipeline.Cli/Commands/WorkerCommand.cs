using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Pipeline.Cli.Hosting;
using Pipeline.Storage.Hosting;
using Pipeline.Storage.Runtime;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline worker</c>: intake scanner and step workers until stopped (Ctrl+C or SIGTERM).</summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var connection = PipelineHost.ConnectionOption();
        var hostJson = PipelineHost.HostJsonOption();
        var noIntake = new Option<bool>("--no-intake") { Description = "Run only the step workers, not the intake scanner." };
        var command = new Command("worker", "Run the intake scanner and the step workers until stopped; one log line per result.")
        {
            connection, hostJson, noIntake,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var builder = PipelineHost.CreateBuilder(parseResult.GetValue(connection), parseResult.GetValue(hostJson));
            builder.Services.AddPipelineWorker(withIntake: !parseResult.GetValue(noIntake));
            return await StorageCommand.RunHostAsync(builder.Build(), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
