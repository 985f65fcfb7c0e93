using Pipeline.Core.Buffers;
using Pipeline.Core.Normalization;

namespace Pipeline.Core.Structure.Paragraphs;

/// <summary>
/// Rebuilds paragraphs from a whole-page text dump, whatever wrote it: lynx, w3m and elinks hard-wrap at a fixed width,
/// html2text also keeps Markdown marks (<c>#</c> headings, <c>*</c> bullets, <c>**</c> bold), BeautifulSoup puts every text
/// node on its own line so inline links split sentences, and a clean article has one paragraph per line.
/// </summary>
/// <remarks>
/// A line joins the one before it when it continues its sentence: the line before filled the wrap width of a hard-wrapped
/// dump, broke a word with a hyphen, or did not end a sentence while this one starts in lower case. Bullets, Markdown
/// headings and lines after a blank line always start a paragraph, so list items and menu entries stay lines.
/// Lines are ranges over the text; only joined or unmarked paragraphs are written to the joined buffer.
/// </remarks>
internal static class ParagraphRebuilder
{
    /// <summary>Widest wrap width a dumper is taken to use; one-paragraph-per-line text has longer lines.</summary>
    private const int MaxWrapWidth = 140;

    /// <summary>
    /// Adds the paragraphs of <paramref name="text"/> to <paramref name="paragraphs"/>; paragraphs made of several lines, or
    /// with Markdown emphasis taken out, are written into <paramref name="joined"/>.
    /// </summary>
    public static void Split(ReadOnlySpan<char> text, int maxWrappedLineLength, ref PooledList<SplitParagraph> paragraphs, PooledCharBuffer joined)
    {
        var lines = new PooledList<Line>(text.Count('\n') + 1); // sized once: a vectorised count is cheaper than regrowing
        try
        {
            ReadLines(text, ref lines);
            var width = WrapWidth(lines.Span, maxWrappedLineLength);
            var first = 0;
            for (var i = 1; i <= lines.Count; i++)
            {
                if (i < lines.Count && Continues(text, lines[i - 1], lines[i], width))
                {
                    continue;
                }

                Emit(text, lines.Span[first..i], ref paragraphs, joined);
                first = i;
            }
        }
        finally
        {
            lines.Dispose();
        }
    }

    /// <summary>
    /// The wrap width of a hard-wrapped text, or 0. Wrapped lines fill the width: most lines followed by another line of the same
    /// block end within a few words of the longest of them.
    /// </summary>
    private static int WrapWidth(ReadOnlySpan<Line> lines, int maxWrappedLineLength)
    {
        Span<int> histogram = stackalloc int[MaxWrapWidth + 2];
        var inner = 0;
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            if (lines[i + 1].AfterBlank)
            {
                continue;
            }

            var length = Math.Min(lines[i].Length, MaxWrapWidth + 1);
            histogram[length]++;
            inner += length >= 25 ? 1 : 0;
        }

        if (inner < 3)
        {
            return 0;
        }

        // The width is the length that 5% of the inner lines reach; wrapped text has many lines close below it.
        var seen = 0;
        var width = MaxWrapWidth + 1;
        for (; width > 0 && seen < inner / 20.0; width--)
        {
            seen += histogram[width];
        }

        width++;
        if (width > Math.Min(MaxWrapWidth, Math.Max(maxWrappedLineLength, 20)))
        {
            return 0;
        }

        var near = 0;
        for (var length = (int)(width * 0.7); length <= MaxWrapWidth + 1; length++)
        {
            near += histogram[length];
        }

        return near >= 3 && near >= inner * 0.5 ? width : 0;
    }

    /// <summary>Whether <paramref name="next"/> continues the paragraph <paramref name="line"/> is in.</summary>
    private static bool Continues(ReadOnlySpan<char> text, Line line, Line next, int width)
    {
        if (next.AfterBlank || next.Mark != LineMark.None || line.Mark == LineMark.Heading)
        {
            return false;
        }

        var previous = text.Slice(line.ContentStart, line.ContentLength);
        var current = text.Slice(next.ContentStart, next.ContentLength);
        if (previous.IsEmpty || current.IsEmpty)
        {
            return false;
        }

        // "multi-" + "national": a word broken at the wrap.
        if (previous.Length > 1 && previous[^1] == '-' && char.IsLetter(previous[^2]) && char.IsLower(current[0]))
        {
            return true;
        }

        if (width > 0)
        {
            // The line before was full: the next word would not have fitted after it.
            var firstWord = current.IndexOf(' ');
            var wordLength = firstWord < 0 ? current.Length : firstWord;
            if (line.Length + 1 + wordLength > width - 2)
            {
                return true;
            }
        }

        // A line may not end a sentence on an article or preposition ("laut des", "auf der"): an inline link split it.
        return !EndsSentence(previous) && (StartsContinuation(current) || EndsOnFunctionWord(previous));
    }

    /// <summary>
    /// Whether the line has a few words and ends on an article, preposition or conjunction, which no sentence ends on
    /// ("laut des", "auf der", "the price of").
    /// </summary>
    private static bool EndsOnFunctionWord(ReadOnlySpan<char> line)
    {
        var space = line.LastIndexOf(' ');
        var word = line[(space + 1)..];
        return space > 0 && line.Count(' ') >= 2 && word.Length is > 0 and <= 5 && char.IsLower(word[0]) &&
            Boilerplate.StopWords.NonFinal.Contains(word);
    }

    /// <summary>A line starting in lower case, or with punctuation that cannot open a sentence.</summary>
    private static bool StartsContinuation(ReadOnlySpan<char> line) =>
        char.IsLower(line[0]) || line[0] is ',' or ';' or ')' or '%';

    /// <summary>True when the line, before any closing quotes or brackets, ends in sentence punctuation.</summary>
    internal static bool EndsSentence(ReadOnlySpan<char> line)
    {
        var end = line.Length - 1;
        while (end > 0 && line[end] is '"' or '\'' or '”' or '’' or ')' or ']' or '»' or '“')
        {
            end--;
        }

        return line[end] is '.' or '!' or '?' or ':' or '…' or '。' or '！' or '？';
    }

    /// <summary>Adds the paragraph made of <paramref name="lines"/>.</summary>
    private static void Emit(ReadOnlySpan<char> text, ReadOnlySpan<Line> lines, ref PooledList<SplitParagraph> paragraphs, PooledCharBuffer joined)
    {
        var flags = lines[0].Mark switch
        {
            LineMark.Heading => ParagraphFlags.MarkedHeading,
            LineMark.Bullet => ParagraphFlags.ListItem,
            _ => ParagraphFlags.None,
        };
        if (lines[0].AfterBlank)
        {
            flags |= ParagraphFlags.AfterBlank;
        }

        var single = text.Slice(lines[0].ContentStart, lines[0].ContentLength);
        if (lines.Length == 1 && single.IndexOf("**", StringComparison.Ordinal) < 0)
        {
            if (!single.IsEmpty)
            {
                paragraphs.Add(new SplitParagraph(lines[0].ContentStart, lines[0].ContentLength, Joined: false, flags));
            }

            return;
        }

        var start = joined.WrittenSpan.Length;
        foreach (var line in lines)
        {
            var content = text.Slice(line.ContentStart, line.ContentLength);
            var written = joined.WrittenSpan[start..];

            // "multi-" + "national": keep the hyphen, drop the break.
            var glue = written.Length > 1 && written[^1] == '-' && char.IsLetter(written[^2]) && content.Length > 0 && char.IsLower(content[0]);
            if (written.Length > 0 && !glue)
            {
                joined.Append(' ');
            }

            AppendWithoutBold(joined, content);
        }

        var length = joined.WrittenSpan.Length - start;
        if (length > 0 && !joined.WrittenSpan[start..].IsWhiteSpace())
        {
            paragraphs.Add(new SplitParagraph(start, length, Joined: true, flags));
        }
    }

    /// <summary>Appends <paramref name="content"/> without Markdown's <c>**</c> bold marks.</summary>
    private static void AppendWithoutBold(PooledCharBuffer joined, ReadOnlySpan<char> content)
    {
        while (true)
        {
            var bold = content.IndexOf("**", StringComparison.Ordinal);
            if (bold < 0)
            {
                joined.Append(content);
                return;
            }

            joined.Append(content[..bold]);
            content = content[(bold + 2)..];
        }
    }

    /// <summary>Non-empty trimmed lines, with their Markdown or bullet mark and whether a blank line precedes them.</summary>
    private static void ReadLines(ReadOnlySpan<char> text, ref PooledList<Line> lines)
    {
        var afterBlank = true;
        var position = 0;
        while (true)
        {
            var newline = text[position..].IndexOf('\n');
            var lineEnd = newline < 0 ? text.Length : position + newline;
            var raw = text.Slice(position, lineEnd - position);
            var line = raw.Trim();
            if (line.IsEmpty)
            {
                afterBlank = true;
            }
            else
            {
                var start = position + raw.Length - raw.TrimStart().Length;
                var (mark, skip) = ReadMark(line);
                var content = line[skip..].Trim();
                var contentStart = start + skip + (line.Length - skip - line[skip..].TrimStart().Length);
                lines.Add(new Line(line.Length, contentStart, content.Length, mark, afterBlank));
                afterBlank = false;
            }

            if (newline < 0)
            {
                return;
            }

            position = lineEnd + 1;
        }
    }

    /// <summary>A leading bullet (<c>*</c>, <c>•</c>, <c>+</c>, <c>·</c>, <c>-</c>) or Markdown heading mark, and how many characters it takes.</summary>
    private static (LineMark Mark, int Skip) ReadMark(ReadOnlySpan<char> line)
    {
        if (line[0] == '#')
        {
            var hashes = 0;
            while (hashes < line.Length && line[hashes] == '#')
            {
                hashes++;
            }

            return hashes <= 6 && (hashes == line.Length || line[hashes] == ' ') ? (LineMark.Heading, hashes) : (LineMark.None, 0);
        }

        if (line[0] is '*' or '•' or '+' or '·' or '◦' or '▪' or '■' or '–' or '-' && (line.Length == 1 || line[1] == ' '))
        {
            // A dash bullet keeps its dash in the text ("- 5 °C"); the other marks are taken out.
            var skip = line.Length == 1 ? 1 : 2;
            return (LineMark.Bullet, line[0] is '-' or '–' ? 0 : skip);
        }

        return (LineMark.None, 0);
    }

    /// <summary>A line: its trimmed length, where its content starts after any mark, and the content's length.</summary>
    private readonly record struct Line(int Length, int ContentStart, int ContentLength, LineMark Mark, bool AfterBlank);

    private enum LineMark : byte
    {
        None,
        Bullet,
        Heading,
    }
}
