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
    public static List<SplitParagraph> Split(string text, int maxWrappedLineLength)
    {
        var lines = new List<Range>(text.AsSpan().Count('\n') + 1); // sized once: a vectorised count is cheaper than regrowing
        var blockStarts = new List<int>();
        ReadBlocks(text, lines, blockStarts);
        var paragraphs = new List<SplitParagraph>(lines.Count);
        if (!IsHardWrapped(text, lines, blockStarts, maxWrappedLineLength))
        {
            foreach (var line in lines)
            {
                paragraphs.Add(new SplitParagraph(line, null));
            }

            return paragraphs;
        }

        for (var b = 0; b < blockStarts.Count; b++)
        {
            var first = blockStarts[b];
            var end = b + 1 < blockStarts.Count ? blockStarts[b + 1] : lines.Count;
            if (end - first == 1)
            {
                paragraphs.Add(new SplitParagraph(lines[first], null));
                continue;
            }

            var builder = new PooledCharBuffer(lines[end - 1].End.Value - lines[first].Start.Value);
            for (var i = first; i < end; i++)
            {
                var line = text.AsSpan(lines[i]);
                var written = builder.WrittenSpan;

                // "multi-" + "national": keep the hyphen, drop the break.
                var glue = written.Length > 1 && written[^1] == '-' && char.IsLetter(written[^2]) && char.IsLower(line[0]);
                if (written.Length > 0 && !glue)
                {
                    builder.Append(' ');
                }

                builder.Append(line);
            }

            paragraphs.Add(new SplitParagraph(default, builder.ToStringAndRelease()));
        }

        return paragraphs;
    }

    /// <summary>Non-empty trimmed lines (as ranges of the text), and the index of the first line of each blank-line separated block.</summary>
    private static void ReadBlocks(string text, List<Range> lines, List<int> blockStarts)
    {
        var inBlock = false;
        var position = 0;
        while (true)
        {
            var newline = text.AsSpan(position).IndexOf('\n');
            var lineEnd = newline < 0 ? text.Length : position + newline;
            var raw = text.AsSpan(position, lineEnd - position);
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

    private static bool IsHardWrapped(string text, List<Range> lines, List<int> blockStarts, int maxWrappedLineLength)
    {
        int inner = 0, shortLines = 0, openEnded = 0, longest = 0;
        for (var b = 0; b < blockStarts.Count; b++)
        {
            var end = b + 1 < blockStarts.Count ? blockStarts[b + 1] : lines.Count;
            for (var i = blockStarts[b]; i < end - 1; i++)
            {
                longest = Math.Max(longest, lines[i].GetOffsetAndLength(text.Length).Length);
            }
        }

        var nearWidth = 0;
        for (var b = 0; b < blockStarts.Count; b++)
        {
            var end = b + 1 < blockStarts.Count ? blockStarts[b + 1] : lines.Count;
            for (var i = blockStarts[b]; i < end - 1; i++)
            {
                var line = text.AsSpan(lines[i]);
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

/// <summary>A paragraph found by <see cref="ParagraphSplitter"/>: a line of the text, or wrapped lines joined into a string.</summary>
/// <param name="Line">The line's range in the text, when <paramref name="Joined"/> is null.</param>
/// <param name="Joined">The joined text of a hard-wrapped paragraph.</param>
internal readonly record struct SplitParagraph(Range Line, string? Joined)
{
    /// <summary>The paragraph's characters.</summary>
    public ReadOnlySpan<char> In(string text) => Joined is null ? text.AsSpan(Line) : Joined.AsSpan();

    /// <summary>The paragraph as a string; the text itself when the paragraph is all of it.</summary>
    public string ToString(string text)
    {
        if (Joined is not null)
        {
            return Joined;
        }

        var (start, length) = Line.GetOffsetAndLength(text.Length);
        return start == 0 && length == text.Length ? text : text.Substring(start, length);
    }
}
