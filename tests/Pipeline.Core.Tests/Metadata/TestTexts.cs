using System.Text;
using Pipeline.Core.Structure;

namespace Pipeline.Core.Tests.Metadata;

/// <summary>Builds <see cref="StructuredText"/> values by hand, standing in for the structurer.</summary>
internal static class TestTexts
{
    /// <summary>One block per line; lines listed in <paramref name="headings"/> are headings, <paramref name="title"/> is the title.</summary>
    public static StructuredText Build(string text, string? title = null, params string[] headings)
    {
        var blocks = new List<TextBlock>();
        if (title is not null)
        {
            blocks.Add(new TextBlock(BlockKind.Title, title));
        }

        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            blocks.Add(new TextBlock(headings.Contains(line) ? BlockKind.Heading : BlockKind.Paragraph, line));
        }

        return new StructuredText(blocks, [], new Dictionary<string, int>());
    }

    /// <summary>The shared news article as the structurer would give it (see the brief for the rules).</summary>
    public static StructuredText Corpus()
    {
        string[] headings =
        [
            "The West Got What it Wanted in Libya - And Created ISIS in the Process",
            "Using Another 9/11 to Justify Creating Another Libya",
        ];
        var raw = Encoding.UTF8.GetString(SharedCorpus.ReadBytes("scraped-news-article.txt"));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var blocks = new List<TextBlock>();
        var captions = new List<string>();
        foreach (var rawLine in raw.Split('\n'))
        {
            var line = FixGlued(rawLine.Trim());
            if (line.Length == 0 || !seen.Add(line))
            {
                continue;
            }

            if (line.StartsWith("Image:", StringComparison.Ordinal))
            {
                captions.Add(line);
                continue;
            }

            blocks.Add(new TextBlock(headings.Contains(line) ? BlockKind.Heading : BlockKind.Paragraph, line));
        }

        return new StructuredText(blocks, captions, new Dictionary<string, int>());
    }

    // What normalisation does before metadata sees the text: "word.Word" gets a space, "word“Quote" too.
    private static string FixGlued(string line)
    {
        var sb = new StringBuilder(line.Length + 8);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            sb.Append(c);
            if (i + 1 < line.Length && char.IsLower(c) && line[i + 1] == '“')
            {
                sb.Append(' ');
            }
            else if (c == '.' && i > 0 && i + 2 < line.Length && char.IsLower(line[i - 1]) && char.IsUpper(line[i + 1]) && char.IsLower(line[i + 2]))
            {
                sb.Append(' ');
            }
        }

        return sb.ToString();
    }
}
