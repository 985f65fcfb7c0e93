using Pipeline.Core.Documents;
using Spectre.Console;

namespace Pipeline.Cli.Rendering;

/// <summary>Renders result records as a readable table.</summary>
internal static class ResultTable
{
    public static Table Create(IEnumerable<DocumentRecord> records) => Create(records.Select(ResultRow.Of));

    public static Table Create(IEnumerable<ResultRow> rows)
    {
        var table = new Table().RoundedBorder()
            .AddColumn("Input")
            .AddColumn("Status")
            .AddColumn("Id")
            .AddColumn("Lang")
            .AddColumn(new TableColumn("Words").RightAligned())
            .AddColumn("Detail");
        foreach (var row in rows)
        {
            table.AddRow(
                Markup.Escape(row.Input),
                StatusMarkup(row.Status),
                Markup.Escape(row.Id),
                Markup.Escape(row.Language ?? "-"),
                row.Words?.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                Markup.Escape(row.Detail));
        }

        return table;
    }

    public static string Summary(IReadOnlyCollection<DocumentRecord> records) => Summary(records.Select(r => r.Status).ToList());

    public static string Summary(IReadOnlyCollection<ResultRow> rows) => Summary(rows.Select(r => r.Status).ToList());

    private static string Summary(List<ResultStatus> statuses)
    {
        var counts = statuses.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        string Count(ResultStatus status) => counts.TryGetValue(status, out var n) ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "0";
        return $"{statuses.Count} inputs: [green]{Count(ResultStatus.Processed)} processed[/], " +
               $"[yellow]{Count(ResultStatus.Duplicate)} duplicate[/], [blue]{Count(ResultStatus.Rejected)} rejected[/], " +
               $"[red]{Count(ResultStatus.Failed)} failed[/]";
    }

    /// <summary>The input's name, with the record's index for a record of a batch (<c>crawl.jsonl #3</c>).</summary>
    public static string InputName(DocumentRecord record) =>
        record.Source.Record is { } index ? $"{record.Source.Name} #{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : record.Source.Name;

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
