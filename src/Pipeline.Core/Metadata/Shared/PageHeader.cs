using Pipeline.Core.Structure;

namespace Pipeline.Core.Metadata.Shared;

/// <summary>
/// The stretch of the whole page (kept and removed blocks, in page order) around where the article body begins, with
/// the page's first lines (where a dump keeps the <c>&lt;title&gt;</c> text). The headline, the byline and the date line
/// usually sit just above the body, and the boilerplate classifier often takes them for furniture, so they are read
/// here rather than from the clean text.
/// </summary>
internal sealed class PageHeader
{
    /// <summary>Page blocks above the body start that may still hold the headline: menus above them are not read.</summary>
    internal const int ReachBefore = 60;

    /// <summary>Page blocks after the body start that are read: a headline or byline can follow a kept teaser line.</summary>
    internal const int ReachAfter = 12;

    /// <summary>How many removed blocks in a row the article's kept text may have between its parts.</summary>
    internal const int RunGap = 3;

    /// <summary>A stretch of kept text is the article's when it holds at least this share (one in N) of the longest one.</summary>
    internal const int MainRunShare = 4;

    /// <summary>How many of the page's first blocks may be its <c>&lt;title&gt;</c> line.</summary>
    internal const int TitleLines = 3;

    private PageHeader(IReadOnlyList<PageBlock> page, int start, int end, int bodyStart, int bodyEnd)
    {
        BodyEnd = bodyEnd;
        Page = page;
        Start = start;
        End = end;
        BodyStart = bodyStart;
    }

    /// <summary>Every block of the page.</summary>
    public IReadOnlyList<PageBlock> Page { get; }

    /// <summary>The first page block of the header window.</summary>
    public int Start { get; }

    /// <summary>The page block after the header window.</summary>
    public int End { get; }

    /// <summary>The page block where the article body begins: the first kept block that reads as running text.</summary>
    public int BodyStart { get; }

    /// <summary>The header of <paramref name="text"/>, or null when the text carries no page blocks.</summary>
    public static PageHeader? Of(StructuredText text)
    {
        var page = text.PageBlocks;
        if (page.Count == 0)
        {
            return null;
        }

        var (runStart, runEnd) = MainRun(page);
        var bodyStart = -1;
        var firstKept = -1;
        for (var i = runStart; i < runEnd; i++)
        {
            if (!page[i].IsKept)
            {
                continue;
            }

            firstKept = firstKept < 0 ? i : firstKept;
            if (IsRunningText(page[i].Block.Span))
            {
                bodyStart = i;
                break;
            }
        }

        bodyStart = bodyStart >= 0 ? bodyStart : Math.Max(0, firstKept);
        var start = Math.Max(0, bodyStart - ReachBefore);
        var end = Math.Min(page.Count, bodyStart + ReachAfter);
        return new PageHeader(page, start, end, bodyStart, Math.Max(runEnd, bodyStart + 1));
    }

    /// <summary>
    /// The first stretch of kept blocks holding a good part of the page's kept text, gaps of a few removed blocks (a caption, a share line) allowed:
    /// the article, rather than a consent notice or a browser warning the classifier kept above the page's menus.
    /// </summary>
    private static (int Start, int End) MainRun(IReadOnlyList<PageBlock> page)
    {
        var runs = new List<(int Start, int End, int Length)>();
        var (start, end, length, gap) = (-1, -1, 0, 0);
        for (var i = 0; i < page.Count; i++)
        {
            if (!page[i].IsKept)
            {
                if (++gap > RunGap && start >= 0)
                {
                    runs.Add((start, end, length));
                    (start, length) = (-1, 0);
                }

                continue;
            }

            (start, end, gap) = (start < 0 ? i : start, i + 1, 0);
            length += page[i].Block.Span.Length;
        }

        if (start >= 0)
        {
            runs.Add((start, end, length));
        }

        var longest = 0;
        foreach (var run in runs)
        {
            longest = Math.Max(longest, run.Length);
        }

        // The first substantial stretch: comments kept under a long article can hold more text than the article.
        foreach (var run in runs)
        {
            if (run.Length * MainRunShare >= longest)
            {
                return (run.Start, run.End);
            }
        }

        return (0, page.Count);
    }

    /// <summary>The page block after the article's stretch of kept text: where a closing byline or author box follows.</summary>
    public int BodyEnd { get; }

    /// <summary>The text of page block <paramref name="index"/>.</summary>
    public ReadOnlySpan<char> Line(int index) => Page[index].Block.Span;

    /// <summary>A paragraph of running text: long, with several words (or, in CJK text, many characters).</summary>
    internal static bool IsRunningText(ReadOnlySpan<char> s)
    {
        if (s.Length < 80)
        {
            return false;
        }

        // A long headline has as many words, but no closing full stop.
        var ended = s.Length >= 200 || ".!?\"”»…)".Contains(s[^1]);
        var spaces = s.Count(' ');
        return ended && (spaces >= 10 || (spaces < 3 && CountIdeographs(s) >= 40));
    }

    /// <summary>How many CJK ideographs or Hangul syllables <paramref name="s"/> holds.</summary>
    internal static int CountIdeographs(ReadOnlySpan<char> s)
    {
        var n = 0;
        foreach (var c in s)
        {
            n += c is >= '\u3040' and <= '\u9fff' or >= '\uac00' and <= '\ud7af' ? 1 : 0;
        }

        return n;
    }
}
