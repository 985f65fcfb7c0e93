using System.Text;

namespace Pipeline.Core.Structure;

/// <summary>
/// Splits text into paragraph strings. Text is either one paragraph per line, or hard-wrapped with blank
/// lines between paragraphs; the second is recognised when the lines inside multi-line blocks are mostly
/// short and mostly end mid-sentence, and then each block's lines are joined with a space.
/// </summary>
internal static class ParagraphSplitter
{
    public static List<string> Split(string text, int maxWrappedLineLength)
    {
        var blocks = ReadBlocks(text);
        var paragraphs = new List<string>();
        if (!IsHardWrapped(blocks, maxWrappedLineLength))
        {
            foreach (var block in blocks)
            {
                paragraphs.AddRange(block);
            }

            return paragraphs;
        }

        var builder = new StringBuilder();
        foreach (var block in blocks)
        {
            if (block.Count == 1)
            {
                paragraphs.Add(block[0]);
                continue;
            }

            builder.Clear();
            foreach (var line in block)
            {
                // "multi-" + "national": keep the hyphen, drop the break.
                var glue = builder.Length > 1 && builder[^1] == '-' && char.IsLetter(builder[^2]) && char.IsLower(line[0]);
                if (builder.Length > 0 && !glue)
                {
                    builder.Append(' ');
                }

                builder.Append(line);
            }

            paragraphs.Add(builder.ToString());
        }

        return paragraphs;
    }

    /// <summary>Non-empty trimmed lines, grouped into blank-line separated blocks.</summary>
    private static List<List<string>> ReadBlocks(string text)
    {
        var blocks = new List<List<string>>();
        List<string>? current = null;
        var span = text.AsSpan();
        while (true)
        {
            var newline = span.IndexOf('\n');
            var line = (newline < 0 ? span : span[..newline]).Trim();
            if (line.IsEmpty)
            {
                current = null;
            }
            else
            {
                if (current is null)
                {
                    blocks.Add(current = []);
                }

                current.Add(line.Length == (newline < 0 ? span.Length : newline) ? (newline < 0 ? span : span[..newline]).ToString() : line.ToString());
            }

            if (newline < 0)
            {
                return blocks;
            }

            span = span[(newline + 1)..];
        }
    }

    private static bool IsHardWrapped(List<List<string>> blocks, int maxWrappedLineLength)
    {
        int inner = 0, shortLines = 0, openEnded = 0, longest = 0;
        foreach (var block in blocks)
        {
            for (var i = 0; i < block.Count - 1; i++)
            {
                longest = Math.Max(longest, block[i].Length);
            }
        }

        var nearWidth = 0;
        foreach (var block in blocks)
        {
            for (var i = 0; i < block.Count - 1; i++)
            {
                var line = block[i];
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

    private static bool EndsSentence(string line)
    {
        var end = line.Length - 1;
        while (end > 0 && line[end] is '"' or '\'' or '”' or '’' or ')' or ']' or '»')
        {
            end--;
        }

        return line[end] is '.' or '!' or '?' or ':' or '…';
    }
}
