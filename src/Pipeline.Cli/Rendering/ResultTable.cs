using Pipeline.Core.Documents;
using Spectre.Console;

namespace Pipeline.Cli.Rendering;

/// <summary>Renders result records as a readable table.</summary>
internal static class ResultTable
{
    public static Table Create(IEnumerable<DocumentRecord> records)
    {
        var table = new Table().RoundedBorder()
            .AddColumn("Input")
            .AddColumn("Status")
            .AddColumn("Id")
            .AddColumn("Lang")
            .AddColumn(new TableColumn("Words").RightAligned())
            .AddColumn("Detail");
        foreach (var record in records)
        {
            table.AddRow(
                Markup.Escape(record.Source.Name),
                StatusMarkup(record.Status),
                Markup.Escape(record.Id[..12]),
                Markup.Escape(record.Metadata?.Language ?? "-"),
                record.Metadata?.WordCount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                Markup.Escape(Detail(record)));
        }

        return table;
    }

    public static string Summary(IReadOnlyCollection<DocumentRecord> records)
    {
        var counts = records.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
        string Count(ResultStatus status) => counts.TryGetValue(status, out var n) ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "0";
        return $"{records.Count} inputs: [green]{Count(ResultStatus.Processed)} processed[/], " +
               $"[yellow]{Count(ResultStatus.Duplicate)} duplicate[/], [blue]{Count(ResultStatus.Rejected)} rejected[/], " +
               $"[red]{Count(ResultStatus.Failed)} failed[/]";
    }

    public static string StatusMarkup(ResultStatus status) => status switch
    {
        ResultStatus.Processed => "[green]processed[/]",
        ResultStatus.Duplicate => "[yellow]duplicate[/]",
        ResultStatus.Rejected => "[blue]rejected[/]",
        _ => "[red]failed[/]",
    };

    public static string Detail(DocumentRecord record) => record.Status switch
    {
        ResultStatus.Duplicate when record.DuplicateOf is { } of =>
            $"{of.Kind.ToString().ToLowerInvariant()} duplicate of {of.Id[..12]} (similarity {of.Similarity:0.00})",
        ResultStatus.Rejected when record.Rejection is { } rejection => $"{rejection.Reason}: {rejection.Detail}",
        ResultStatus.Failed when record.Error is { } error => $"{error.Type}: {error.Message}",
        _ => record.Metadata?.Title ?? FirstWords(record.Text, 8),
    };

    private static string FirstWords(string? text, int words)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var parts = text.Split((char[]?)null, words + 1, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > words ? string.Join(' ', parts.Take(words)) + " …" : string.Join(' ', parts);
    }
}
