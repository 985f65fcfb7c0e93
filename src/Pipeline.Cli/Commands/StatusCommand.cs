using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Cli.Hosting;
using Pipeline.Storage.Intake;
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

            var recoveryAge = host.Services.GetRequiredService<IOptions<IntakeOptions>>().Value.ReceiptRecoveryAge;
            var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            var status = await PipelineStatus.ReadAsync(host.Services.GetRequiredService<PipelineStorage>(), 5, recoveryAge, now, cancellationToken).ConfigureAwait(false);
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

            AnsiConsole.MarkupLine($"inputs without a result: {status.Pending}");
            if (status.OldestPending.Count > 0)
            {
                var pending = new Table().RoundedBorder().Title("oldest inputs without a result").AddColumn("Input").AddColumn(new TableColumn("Waiting").RightAligned());
                foreach (var input in status.OldestPending)
                {
                    pending.AddRow(Markup.Escape(input.Name), Age(input.Age));
                }

                AnsiConsole.Write(pending);
            }

            if (status.UnfinishedReceipts.Count > 0)
            {
                var receipts = new Table().RoundedBorder().Title($"receipts never followed by an enqueue (older than {recoveryAge})").AddColumn("Input").AddColumn(new TableColumn("Age").RightAligned());
                foreach (var receipt in status.UnfinishedReceipts)
                {
                    receipts.AddRow(Markup.Escape(receipt.Name ?? receipt.Receipt), Age(receipt.Age));
                }

                AnsiConsole.Write(receipts);
                AnsiConsole.MarkupLine("[yellow]A running scanner (pipeline worker) recovers these; `pipeline replay --pending` enqueues every input without a result now.[/]");
            }

            return 0;
        });
        return command;
    }

    private static string Age(TimeSpan age) => age switch
    {
        { TotalSeconds: < 0 } => "0s",
        { TotalMinutes: < 1 } => $"{(int)age.TotalSeconds}s",
        { TotalHours: < 1 } => $"{(int)age.TotalMinutes}m {age.Seconds}s",
        { TotalDays: < 1 } => $"{(int)age.TotalHours}h {age.Minutes}m",
        _ => $"{(int)age.TotalDays}d {age.Hours}h",
    };
}
