using Pipeline.Core.Metadata.Shared;
using Pipeline.Core.Metadata.Titles;

namespace Pipeline.Core.Metadata.Bylines;

/// <summary>
/// The authors a byline at the end of the article names ("Von Jana Roth", "Auteur : Anne Roux", "Geschrieben von A" in
/// an author box): many sites print the byline under the text rather than under the headline.
/// </summary>
internal static class FooterBylineFinder
{
    /// <summary>How many page blocks before the article's end are read: its last paragraphs may have been kept apart.</summary>
    private const int ReachBefore = 3;

    /// <summary>How many page blocks after the article's end are read: print and licence lines stand before an author box.</summary>
    private const int ReachAfter = 8;

    /// <summary>The authors of the byline nearest the article's end, or null when none is near.</summary>
    public static (IReadOnlyList<string> Authors, string? Publisher)? Find(PageHeader header)
    {
        var from = Math.Max(header.BodyStart + 1, header.BodyEnd - ReachBefore);
        var to = Math.Min(header.Page.Count, header.BodyEnd + ReachAfter);
        for (var i = from; i < to; i++)
        {
            var line = HeaderText.Clean(header.Line(i));
            var straight = BylineLead.Straighten(line);
            var read = (straight is { Length: > 2 } ? straight : null) ?? (Byline.IsBylineLine(line) ? line.ToString() : null);
            if ((straight is "By" || HeadlineFinder.IsBylineWord(line)) && i + 1 < header.Page.Count)
            {
                read = "By " + HeaderText.Clean(header.Line(i + 1)).ToString();
            }

            if (read is not null && Byline.TryReadBylineLine(BeforeNextLabel(read), out var authors, out var publisher))
            {
                return (Byline.Distinct(authors), publisher);
            }
        }

        return null;
    }

    /// <summary>
    /// <paramref name="byline"/> up to the label of the next field a dump joined onto it ("Von A Themen:", "Auteur : A
    /// mot-clé :"); the lead's own colon is kept.
    /// </summary>
    private static string BeforeNextLabel(string byline)
    {
        var lead = byline.IndexOf(' ');
        for (var at = byline.IndexOf(':', lead + 1); at > lead; at = byline.IndexOf(':', at + 1))
        {
            var start = byline.LastIndexOf(' ', at - 1) + 1;
            if (start > lead + 1 && at > start)
            {
                return byline[..start].TrimEnd();
            }
        }

        return byline;
    }
}
