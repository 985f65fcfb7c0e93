using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Cli.Hosting;
using Pipeline.Storage.Runtime;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline status [--json]</c>: counts by status, queue depths, poison count, latest errors.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the status as JSON." };
        var connection = PipelineHost.ConnectionOption();
        var hostJson = PipelineHost.HostJsonOption();
        var command = new Command("status", "Show results by status, queue depths and the latest errors.") { json, connection, hostJson };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = PipelineHost.CreateBuilder(parseResult.GetValue(connection), parseResult.GetValue(hostJson)).Build();
            if (!await StorageCommand.TryPrepareAsync(host.Services, cancellationToken).ConfigureAwait(false))
            {
                return StorageCommand.StorageError;
            }

            var status = await PipelineStatus.ReadAsync(host.Services.GetRequiredService<PipelineStorage>(), 5, cancellationToken).ConfigureAwait(false);
            if (parseResult.GetValue(json))
            {
                Console.WriteLine(status.ToJson());
                return 0;
            }

            var table = new Table().RoundedBorder().AddColumn("Status").AddColumn(new TableColumn("Results").RightAligned());
            foreach (var (name, count) in status.Counts)
            {
                table.AddRow(Markup.Escape(name), count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"raw blobs: {status.RawBlobs}   work queue: {status.WorkQueueDepth}   poison queue: {status.PoisonQueueDepth}");
            foreach (var error in status.LatestErrors)
            {
                AnsiConsole.MarkupLine($"[red]failed[/] {Markup.Escape(error.Name)}: {Markup.Escape(error.ErrorType)}: {Markup.Escape(error.Message)} ({error.Attempts} attempts)");
            }

            return 0;
        });
        return command;
    }
}
