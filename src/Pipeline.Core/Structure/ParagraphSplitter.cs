using Pipeline.Core.Buffers;
using Pipeline.Core.Normalization;

namespace Pipeline.Core.Structure;

/// <summary>
/// Splits text into paragraphs. Text is either one paragraph per line, or hard-wrapped with blank
/// lines between paragraphs; the second is recognised when the lines inside multi-line blocks are mostly
/// short and mostly end mid-sentence, and then each block's lines are joined with a space.
/// Lines are ranges over the text, so a line that is dropped later (boilerplate, captions) never becomes a string.
/// </summary>
internal static class ParagraphSplitter
{
    /// <summary>
    /// Adds the paragraphs of <paramref name="text"/> to <paramref name="paragraphs"/>; the lines of a hard-wrapped paragraph are
    /// joined into <paramref name="joined"/>, so no paragraph becomes a string here.
    /// </summary>
    public static void Split(ReadOnlySpan<char> text, int maxWrappedLineLength, ref PooledList<SplitParagraph> paragraphs, PooledCharBuffer joined)
    {
        var lines = new PooledList<Range>(text.Count('\n') + 1); // sized once: a vectorised count is cheaper than regrowing
        var blockStarts = new PooledList<int>(16);
        try
        {
            ReadBlocks(text, ref lines, ref blockStarts);
            if (!IsHardWrapped(text, lines.Span, blockStarts.Span, maxWrappedLineLength))
            {
                foreach (var line in lines.Span)
                {
                    paragraphs.Add(SplitParagraph.Of(line, text.Length));
                }

                return;
            }

            for (var b = 0; b < blockStarts.Count; b++)
            {
                var first = blockStarts[b];
                var end = b + 1 < blockStarts.Count ? blockStarts[b + 1] : lines.Count;
                if (end - first == 1)
                {
                    paragraphs.Add(SplitParagraph.Of(lines[first], text.Length));
                    continue;
                }

                var start = joined.WrittenSpan.Length;
                for (var i = first; i < end; i++)
                {
                    var line = text[lines[i]];
                    var written = joined.WrittenSpan[start..];

                    // "multi-" + "national": keep the hyphen, drop the break.
                    var glue = written.Length > 1 && written[^1] == '-' && char.IsLetter(written[^2]) && char.IsLower(line[0]);
                    if (written.Length > 0 && !glue)
                    {
                        joined.Append(' ');
                    }

                    joined.Append(line);
                }

                paragraphs.Add(new SplitParagraph(start, joined.WrittenSpan.Length - start, Joined: true));
            }
        }
        finally
        {
            lines.Dispose();
            blockStarts.Dispose();
        }
    }

    /// <summary>Non-empty trimmed lines (as ranges of the text), and the index of the first line of each blank-line separated block.</summary>
    private static void ReadBlocks(ReadOnlySpan<char> text, ref PooledList<Range> lines, ref PooledList<int> blockStarts)
    {
        var inBlock = false;
        var position = 0;
        while (true)
        {
            var newline = text[position..].IndexOf('\n');
            var lineEnd = newline < 0 ? text.Length : position + newline;
            var raw = text.Slice(position, lineEnd - position);
            var line = raw.Trim();
            if (line.IsEmpty)
            {
                inBlock = false;
            }
            else
            {
                if (!inBlock)
                {
                    blockStarts.Add(lines.Count);
                    inBlock = true;
                }

                var start = position + raw.Length - raw.TrimStart().Length;
                lines.Add(new Range(start, start + line.Length));
            }

            if (newline < 0)
            {
                return;
            }

            position = lineEnd + 1;
        }
    }

    private static bool IsHardWrapped(ReadOnlySpan<char> text, ReadOnlySpan<Range> lines, ReadOnlySpan<int> blockStarts, int maxWrappedLineLength)
    {
        int inner = 0, shortLines = 0, openEnded = 0, longest = 0;
        for (var b = 0; b < blockStarts.Length; b++)
        {
            var end = b + 1 < blockStarts.Length ? blockStarts[b + 1] : lines.Length;
            for (var i = blockStarts[b]; i < end - 1; i++)
            {
                longest = Math.Max(longest, lines[i].GetOffsetAndLength(text.Length).Length);
            }
        }

        var nearWidth = 0;
        for (var b = 0; b < blockStarts.Length; b++)
        {
            var end = b + 1 < blockStarts.Length ? blockStarts[b + 1] : lines.Length;
            for (var i = blockStarts[b]; i < end - 1; i++)
            {
                var line = text[lines[i]];
                inner++;
                shortLines += line.Length <= maxWrappedLineLength ? 1 : 0;
                openEnded += EndsSentence(line) ? 0 : 1;
                nearWidth += line.Length >= longest * 0.6 ? 1 : 0;
            }
        }

        // Wrapped lines are short, of similar length (they fill the wrap width) and mostly break mid-sentence;
        // one-paragraph-per-line text varies in length and ends lines on a full stop.
        return inner >= 3 && shortLines >= inner * 0.8 && nearWidth >= inner * 0.8 && openEnded >= inner * 0.7;
    }

    private static bool EndsSentence(ReadOnlySpan<char> line)
    {
        var end = line.Length - 1;
        while (end > 0 && line[end] is '"' or '\'' or '”' or '’' or ')' or ']' or '»')
        {
            end--;
        }

        return line[end] is '.' or '!' or '?' or ':' or '…';
    }
}

/// <summary>
/// A paragraph found by <see cref="ParagraphSplitter"/>: a range of the text, or of the buffer the lines of hard-wrapped
/// paragraphs are joined into.
/// </summary>
/// <param name="Start">Where it starts.</param>
/// <param name="Length">Its length.</param>
/// <param name="Joined">Whether it is in the joined-lines buffer rather than the text.</param>
internal readonly record struct SplitParagraph(int Start, int Length, bool Joined)
{
    public static SplitParagraph Of(Range line, int textLength)
    {
        var (start, length) = line.GetOffsetAndLength(textLength);
        return new SplitParagraph(start, length, Joined: false);
    }

    /// <summary>The paragraph's characters.</summary>
    public ReadOnlySpan<char> In(ReadOnlySpan<char> text, ReadOnlySpan<char> joined) => (Joined ? joined : text).Slice(Start, Length);
}
