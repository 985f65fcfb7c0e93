using Pipeline.Core.Metadata.Bylines;
using Pipeline.Core.Metadata.Dates;
using Pipeline.Core.Metadata.Shared;
using Pipeline.Core.Structure;

namespace Pipeline.Core.Metadata.Titles;

/// <summary>
/// Finds the headline among the page blocks above the article body (<see cref="PageHeader"/>), by what marks a headline
/// on a whole-page dump rather than by where it stands: the same line is part of the page's <c>&lt;title&gt;</c> text
/// ("Headline | Site"), or it is printed twice (once in a breadcrumb or teaser, once as the heading), or a byline follows it.
/// </summary>
internal static class HeadlineFinder
{
    private const int MinimumLength = 8;
    private const int MaximumLength = 300;

    // Menu entries are repeated in the page title lines and in the page ("Home", "Die Nachrichten"); headlines are longer.
    private const int PageTitleWords = 4;

    // A line printed twice must be longer still: short menu lines repeat on every page.
    private const int RepeatedWords = 5;

    // A headline is a line, not a paragraph: a sentence this long that ends with a full stop is running text.
    private const int SentenceWords = 14;

    /// <summary>The headline and its page block, or null when no block is marked as one.</summary>
    public static (string Text, int Index)? Find(PageHeader header)
    {
        var titles = PageTitles(header);
        var candidates = new Candidates(header);
        var best = -1;
        var bestDistance = int.MaxValue;
        for (var i = header.Start; i < header.End; i++)
        {
            if (!candidates.At(i) || HeaderText.Words(header.Line(i)) < PageTitleWords)
            {
                continue;
            }

            var folded = HeaderText.Fold(header.Line(i));
            foreach (var (title, line) in titles)
            {
                if (line != i && IsPieceOf(folded, title) && Distance(header, i) < bestDistance)
                {
                    best = i;
                    bestDistance = Distance(header, i);
                }
            }
        }

        if (best < 0)
        {
            best = BeforeByline(header, candidates);
        }

        if (best < 0)
        {
            best = Repeated(header, candidates);
        }

        if (best < 0)
        {
            best = DatedHeadline.Find(header);
        }

        return best < 0 ? null : (Complete(header, best), best);
    }

    /// <summary>A block that may be a headline: a line of a few words, not a date, byline, link or form.</summary>
    internal static bool IsCandidate(ReadOnlySpan<char> line)
    {
        line = HeaderText.Clean(line);
        if (line.Length is < MinimumLength or > MaximumLength || HeaderText.Words(line) < 2)
        {
            return false;
        }

        if (line.Contains("http", StringComparison.OrdinalIgnoreCase) || line.Contains("(BUTTON)", StringComparison.Ordinal) ||
            line.Contains("___", StringComparison.Ordinal) || line.Contains("IFRAME", StringComparison.OrdinalIgnoreCase) ||
            line.Contains('@') || line.Contains("[email", StringComparison.Ordinal) || line[^1] == ':' || IsGluedByline(line))
        {
            return false;
        }

        if (line[^1] == '.' && HeaderText.Words(line) >= SentenceWords)
        {
            return false;
        }

        return !Byline.IsBylineLine(line) && DateExtractor.FindDate(line, 0, null) is null;
    }

    /// <summary>A byline whose lead word a dumper glued to the name ("ByAlex Bozarjian").</summary>
    private static bool IsGluedByline(ReadOnlySpan<char> line) =>
        line.Length > 4 && line.StartsWith("By", StringComparison.Ordinal) && char.IsUpper(line[2]) && char.IsLower(line[3]);

    /// <summary>
    /// Whether page block <paramref name="index"/> may be the headline: a candidate line that is neither an image caption
    /// nor a share, subscribe or skip line the rules removed, however headline-like its words.
    /// </summary>
    internal static bool IsCandidateAt(PageHeader header, int index) =>
        !header.Page[index].IsRuleLineOrCaption && IsCandidate(header.Line(index));

    /// <summary>
    /// <see cref="IsCandidateAt"/> per page block, worked out once: the three searches ask about the same blocks, and each
    /// answer runs the byline and date patterns.
    /// </summary>
    private sealed class Candidates(PageHeader header)
    {
        private readonly sbyte[] _known = new sbyte[header.Page.Count];

        public bool At(int index)
        {
            ref var known = ref _known[index];
            if (known == 0)
            {
                known = IsCandidateAt(header, index) ? (sbyte)1 : (sbyte)-1;
            }

            return known > 0;
        }
    }

    /// <summary>The folded first lines of the page, whole and cut at each separator ("Headline - Section | Site").</summary>
    private static List<(string Folded, int Index)> PageTitles(PageHeader header)
    {
        var titles = new List<(string Folded, int Index)>(PageHeader.TitleLines);
        for (var i = 0; i < Math.Min(PageHeader.TitleLines, header.Page.Count); i++)
        {
            var line = header.Line(i);
            if (line.Length is >= MinimumLength and <= 2 * MaximumLength && !line.StartsWith("Link:", StringComparison.Ordinal))
            {
                titles.Add((HeaderText.Fold(line), i));
            }
        }

        return titles;
    }

    /// <summary>Whether folded line <paramref name="line"/> is the page title or one of its pieces, whole.</summary>
    private static bool IsPieceOf(string line, string title)
    {
        if (line.Length < MinimumLength + 4 || line.Length > title.Length)
        {
            return false;
        }

        for (var at = title.IndexOf(line, StringComparison.Ordinal); at >= 0; at = title.IndexOf(line, at + 1, StringComparison.Ordinal))
        {
            if (HeaderText.StartsPiece(title, at) && HeaderText.EndsPiece(title, at + line.Length))
            {
                return true;
            }
        }

        return false;
    }

    // A byline stands under the headline, a wrapped line of it, a standfirst and a wrapped line of that.
    private const int TitleReach = 4;

    /// <summary>
    /// The nearest block to the body that a byline follows within two blocks; a heading before a standfirst is
    /// preferred to the standfirst.
    /// </summary>
    private static int BeforeByline(PageHeader header, Candidates candidates)
    {
        var best = -1;
        for (var i = header.Start + 1; i < header.End; i++)
        {
            if (!MarksByline(header.Line(i)))
            {
                continue;
            }

            var before = i;
            for (var k = i - 1; k >= Math.Max(header.Start, i - TitleReach); k--)
            {
                if (header.Page[k].Block.Kind == BlockKind.Title && candidates.At(k))
                {
                    before = k + 1;
                    break;
                }
            }

            before--;

            // A picture between headline and byline: its file name, its caption, a print or share line.
            for (var k = 0; k < TitleReach && before > header.Start && header.Page[before].IsRuleLineOrCaption; k++)
            {
                before--;
            }

            // A headline wrapped onto a short lower-case line ("... after" + "storm") starts on the line before it.
            if (before > header.Start && HeaderText.Clean(header.Line(before)) is { Length: > 0 and <= 60 } wrapped && char.IsLower(wrapped[0]))
            {
                before--;
            }

            if (header.Page[before].Block.Kind != BlockKind.Title && before - 1 >= header.Start && header.Page[before].Block.Kind == BlockKind.Paragraph &&
                header.Page[before - 1].Block.Kind != BlockKind.Paragraph && IsCandidate(header.Line(before - 1)) && HeaderText.Words(header.Line(before - 1)) >= 3)
            {
                before--;
            }

            if (before >= header.Start && candidates.At(before) && HeaderText.Words(header.Line(before)) >= 3 &&
                (best < 0 || Distance(header, before) < Distance(header, best)))
            {
                best = before;
            }
        }

        return best;
    }

    // A name, a place and a date: a line, not a sentence.
    private const int NameAndDateLength = 120;

    /// <summary>
    /// Whether a page line is a byline for the headline above it: a byline, its lead word alone, a name | place | date
    /// line, or a byline after a desk label. The line is cleaned once for all four.
    /// </summary>
    private static bool MarksByline(ReadOnlySpan<char> line)
    {
        line = HeaderText.Clean(line);
        return Byline.IsBylineLine(line) || IsBylineWord(line) || IsNameAndDateLine(line) || IsLabelledByline(line);
    }

    /// <summary>A byline printed without a lead word, as fields between bars: "Patricio Candia | Palma | 08/01/2014".</summary>
    private static bool IsNameAndDateLine(ReadOnlySpan<char> line)
    {
        var bar = line.IndexOf('|');
        return bar > 0 && line.Length <= NameAndDateLength && PersonNames.LooksLikePersonName(line[..bar].Trim()) &&
            DateExtractor.FindDate(line, 0, null) is not null;
    }

    // A desk or section label before the byline: "National Desk By National Desk The Plain Dealer on December 27, 2014".
    private const int LabelWords = 3;

    /// <summary>A byline after a label of a few words ("National Desk By ...").</summary>
    private static bool IsLabelledByline(ReadOnlySpan<char> line)
    {
        var by = line.IndexOf(" By ", StringComparison.Ordinal);
        return by > 0 && HeaderText.Words(line[..by]) <= LabelWords && Byline.IsBylineLine(line[(by + 1)..]);
    }

    /// <summary>A line that is only the lead word of a byline, its name on the next line ("Von", "By", "Par").</summary>
    internal static bool IsBylineWord(ReadOnlySpan<char> line) =>
        HeaderText.Clean(line) is var word && (word.Equals("by", StringComparison.OrdinalIgnoreCase) ||
            word.Equals("von", StringComparison.OrdinalIgnoreCase) || word.Equals("par", StringComparison.OrdinalIgnoreCase) ||
            word.Equals("por", StringComparison.OrdinalIgnoreCase) || word.Equals("autor/in", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A line of four words or more printed twice in the header (a breadcrumb or teaser, then the heading), the whole
    /// of one or the end of the other ("3. Headline" and "Headline"); the copy nearest the body.
    /// </summary>
    private static int Repeated(PageHeader header, Candidates candidates)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var best = -1;
        for (var i = header.Start; i < header.End; i++)
        {
            var line = header.Line(i);
            if (!candidates.At(i) || HeaderText.Words(line) < RepeatedWords)
            {
                continue;
            }

            var folded = HeaderText.Fold(line);
            if (seen.TryGetValue(folded, out var first) || TailSeen(seen, folded, out first))
            {
                var pick = HeaderText.Fold(header.Line(first)).Length <= folded.Length ? first : i;
                if (best < 0 || Distance(header, pick) < Distance(header, best))
                {
                    best = pick;
                }
            }

            seen.TryAdd(folded, i);
            TailAdd(seen, folded, i);
        }

        return best;
    }

    // A breadcrumb or kicker puts up to three words before the headline.
    private const int LeadingWords = 3;

    private static bool TailSeen(Dictionary<string, int> seen, string folded, out int index)
    {
        index = -1;
        var at = 0;
        for (var k = 0; k < LeadingWords; k++)
        {
            at = folded.IndexOf(' ', at) + 1;
            if (at <= 0)
            {
                return false;
            }

            if (seen.TryGetValue(folded[at..], out index) && HeaderText.Words(folded.AsSpan(at)) >= 4)
            {
                return true;
            }
        }

        return false;
    }

    private static void TailAdd(Dictionary<string, int> seen, string folded, int index)
    {
        var at = 0;
        for (var k = 0; k < LeadingWords; k++)
        {
            at = folded.IndexOf(' ', at) + 1;
            if (at <= 0 || HeaderText.Words(folded.AsSpan(at)) < RepeatedWords)
            {
                return;
            }

            seen.TryAdd(folded[at..], index);
        }
    }

    internal static int Distance(PageHeader header, int index) =>
        index < header.BodyStart ? header.BodyStart - index : 2 * (index - header.BodyStart) + 1;

    // The first half of a headline split at its colon is a clause, longer than a label ("Mehr zum Thema:").
    private const int SplitWords = 4;
    private const int SplitLength = 80;

    /// <summary>
    /// The headline's text, with the line a narrow dump wrapped it onto ("... it's being" + "reborn."): a short next block
    /// that starts in lower case.
    /// </summary>
    private static string Complete(PageHeader header, int index)
    {
        var line = HeaderText.Clean(header.Line(index));
        if (index > 0 && HeaderText.Clean(header.Line(index - 1)) is { Length: > 0 and <= SplitLength } first && first[^1] == ':' &&
            HeaderText.Words(first) >= SplitWords)
        {
            // A headline the dump split at its colon ("Tanz in der Lokremise:" + "Mit allen Wassern gewaschen").
            return string.Concat(first, " ", line);
        }

        if (index + 1 < header.Page.Count && !".!?\"”»".Contains(line[^1]) && !header.Page[index + 1].IsRuleLineOrCaption)
        {
            var next = HeaderText.Clean(header.Line(index + 1));
            if (next.Length is > 0 and <= 60 && char.IsLower(next[0]))
            {
                return string.Concat(line, " ", next);
            }
        }

        return line.ToString();
    }
}
