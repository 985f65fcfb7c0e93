using System.Globalization;
using Pipeline.Core.Documents;
using Spectre.Console;

namespace Pipeline.Cli.Rendering;

/// <summary>Renders one record for a reader: status, metadata, and the start of the text.</summary>
internal static class RecordView
{
    public static void Write(DocumentRecord record)
    {
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string label, string? value) => grid.AddRow($"[grey]{label}[/]", Markup.Escape(value ?? "-"));
        grid.AddRow("[grey]status[/]", ResultTable.StatusMarkup(record.Status));
        Row("id", record.Id);
        Row("input", ResultTable.InputName(record));
        Row("encoding", record.Source.Encoding);
        Row("detail", ResultTable.Detail(record));
        if (record.Metadata is { } m)
        {
            Row("title", m.Title);
            Row("published", m.PublishedAt);
            Row("authors", string.Join(", ", m.Authors));
            Row("publisher", m.Publisher);
            Row("language", m.Language is null ? null : $"{m.Language} ({m.LanguageConfidence.ToString("0.00", CultureInfo.InvariantCulture)})");
            Row("words", m.WordCount.ToString("N0", CultureInfo.InvariantCulture) + $", {m.ReadingTimeMinutes} min read");
            Row("headings", string.Join(" | ", m.Headings));
            Row("citations", string.Join(" | ", m.Citations.Select(c => $"{c.Outlet}: \"{c.Title}\"")));
            Row("people", string.Join(", ", m.Entities.People));
            Row("organizations", string.Join(", ", m.Entities.Organizations));
            Row("places", string.Join(", ", m.Entities.Places));
        }

        AnsiConsole.Write(grid);
        if (record.Text is { } text)
        {
            var start = text.Length > 600 ? text[..600] + " …" : text;
            AnsiConsole.Write(new Panel(Markup.Escape(start)).Header("text").RoundedBorder());
        }
    }
}
