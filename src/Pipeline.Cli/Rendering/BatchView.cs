using System.Globalization;
using Pipeline.Core.Documents;
using Pipeline.Storage.Batches;
using Spectre.Console;

namespace Pipeline.Cli.Rendering;

/// <summary>Renders a batch's summary for a reader: its counts, then its first failed records with their errors.</summary>
internal static class BatchView
{
    public static void Write(BatchSummary summary, IReadOnlyList<(BatchFailure Failure, DocumentRecord? Record)> failures)
    {
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("[grey]status[/]", "[blue]batch[/]");
        grid.AddRow("[grey]input[/]", Markup.Escape($"{summary.Source.Name} ({summary.Source.Format})"));
        grid.AddRow("[grey]id[/]", Markup.Escape(summary.Id));
        AnsiConsole.Write(grid);

        var counts = summary.Batch;
        var table = new Table().RoundedBorder().AddColumn("Records").AddColumn("Processed").AddColumn("Duplicate").AddColumn("Rejected").AddColumn("Failed").AddColumn("Skipped");
        table.AddRow(N(counts.Records), N(counts.Processed), N(counts.Duplicate), N(counts.Rejected), counts.Failed > 0 ? $"[red]{N(counts.Failed)}[/]" : "0", N(counts.Skipped));
        AnsiConsole.Write(table);
        if (failures.Count == 0)
        {
            return;
        }

        var failed = new Table().RoundedBorder().Title("first failed records").AddColumn("Record").AddColumn("Result").AddColumn("Error");
        foreach (var (failure, record) in failures)
        {
            var error = record?.Error is { } e ? $"{e.Type}: {e.Message} ({e.Attempts} attempts)" : "-";
            failed.AddRow(N(failure.Record), Markup.Escape(failure.Result), Markup.Escape(error));
        }

        AnsiConsole.Write(failed);
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
