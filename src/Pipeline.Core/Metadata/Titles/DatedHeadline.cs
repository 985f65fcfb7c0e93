using Pipeline.Core.Metadata.Bylines;
using Pipeline.Core.Metadata.Dates;
using Pipeline.Core.Metadata.Shared;
using Pipeline.Core.Structure;

namespace Pipeline.Core.Metadata.Titles;

/// <summary>
/// The headline as the line a few blocks above the article's date line ("Headline" / "Name" / "9 Apr 2020"), when nothing
/// else marks it: the date line is the most common piece of article furniture, and the headline sits just above it, with
/// only an author's name, a kicker, a credit or a standfirst between them. A date line with nothing headline-like above it
/// may follow the headline instead ("NEWS" / "24 September 2019" / "Headline").
/// </summary>
internal static class DatedHeadline
{
    // A date line is short: a dated sentence or a teaser list entry ("08/01/2014 Headline of another story") is not one.
    private const int DateLineLength = 100;

    // Blocks between the headline and its date line: a name, a role, a credit, a standfirst.
    private const int ReachBefore = 5;

    // A date line above the headline is right above it, with at most a section label between.
    private const int ReachAfter = 2;

    // Longer than a name, a role or an agency credit ("AFP/The Local"), which also stand above date lines.
    private const int MinimumWords = 4;

    // Shorter than a standfirst without a full stop, which also stands above date lines.
    private const int MaximumWords = 24;

    /// <summary>The page block of the headline, or -1 when no date line has one near it.</summary>
    public static int Find(PageHeader header)
    {
        var best = -1;
        for (var i = header.Start; i < header.End; i++)
        {
            if (!IsDateLine(header.Line(i)))
            {
                continue;
            }

            var found = Nearest(header, i, -1, ReachBefore);
            found = found >= 0 ? HeadlineOverStandfirst(header, found) : -1;
            var after = Nearest(header, i, 1, found < 0 || IsLabel(header, i + 1) ? ReachAfter : 1);
            if (after >= 0 && (found < 0 || (header.Page[after].Block.Kind != BlockKind.Paragraph &&
                HeadlineFinder.Distance(header, after) < HeadlineFinder.Distance(header, found))))
            {
                // A heading right under the date line and nearer the body than the line above: the date heads the article.
                found = after;
            }

            if (found >= 0 && (best < 0 || HeadlineFinder.Distance(header, found) < HeadlineFinder.Distance(header, best)))
            {
                best = found;
            }
        }

        return best;
    }

    // A section label over the headline ("Nordkorea", "CAMBIO CLIMÁTICO"): a word or two, no sentence.
    private const int LabelWords = 2;

    private static bool IsLabel(PageHeader header, int index) =>
        index < header.End && HeaderText.Clean(header.Line(index)) is { Length: > 0 } line && HeaderText.Words(line) <= LabelWords &&
        !".!?:".Contains(line[^1]);

    private static bool IsDateLine(ReadOnlySpan<char> line)
    {
        line = HeaderText.Clean(line);
        return line.Length is > 0 and <= DateLineLength && DateExtractor.FindDate(line, 0, null) is not null;
    }

    private static int Nearest(PageHeader header, int from, int step, int reach)
    {
        // Share, print and subscribe lines the rules removed stand between a headline and its date line on many pages:
        // they do not count against the reach.
        for (int j = from + step, k = 1; k <= reach; j += step)
        {
            if (j < header.Start || j >= header.End || IsDateLine(header.Line(j)))
            {
                return -1;
            }

            if (IsHeadline(header, j))
            {
                return step < 0 ? TitleAbove(header, j, from - reach) : j;
            }

            k += header.Page[j].IsRuleLine ? 0 : 1;
        }

        return -1;
    }

    /// <summary>The block the structurer took for the page's title when it stands above <paramref name="index"/> within reach, else <paramref name="index"/>.</summary>
    private static int TitleAbove(PageHeader header, int index, int limit)
    {
        for (var k = index - 1; k >= Math.Max(header.Start, limit); k--)
        {
            if (header.Page[k].Block.Kind == BlockKind.Title && IsHeadline(header, k))
            {
                return k;
            }
        }

        return index;
    }

    // The author's line stands above the date line too: a name printed twice, or a name and a role.
    private static bool IsHeadline(PageHeader header, int index) =>
        HeadlineFinder.IsCandidateAt(header, index) &&
        HeaderText.Words(header.Line(index)) is >= MinimumWords and <= MaximumWords &&
        HeaderText.Clean(header.Line(index)) is var line && !PersonNames.LooksLikePersonName(PersonNames.Undoubled(line)) &&
        HeaderBylineFinder.NameBeforeRole(line) is null;

    /// <summary>
    /// Of a headline and the standfirst under it, both headline-like lines, the headline: the shorter one above. A
    /// shorter line under a longer one is the headline under its kicker, and stays.
    /// </summary>
    private static int HeadlineOverStandfirst(PageHeader header, int index) =>
        index - 1 >= header.Start && IsHeadline(header, index - 1) &&
            HeaderText.Words(header.Line(index - 1)) < HeaderText.Words(header.Line(index))
            ? index - 1
            : index;
}
