using System.Buffers;
using Pipeline.Core.Structure;

namespace Pipeline.Core.Metadata.Languages;

/// <summary>A bounded sample of paragraph text for language detection: half from the start, half from the middle.</summary>
internal static class LanguageSample
{
    /// <summary>
    /// The sample (at most <paramref name="maxChars"/> characters plus a separator), written into
    /// <paramref name="buffer"/>, an array rented from <see cref="ArrayPool{T}.Shared"/> that the caller returns, and how
    /// many letters it holds.
    /// </summary>
    public static (int Length, int Letters) Take(StructuredText text, int maxChars, out char[] buffer)
    {
        // The paragraphs, or every block when there is none; read in place, never joined into a string.
        var blocks = text.Blocks;
        var paragraphsOnly = false;
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            if (block.Kind == BlockKind.Paragraph)
            {
                paragraphsOnly = true;
                break;
            }
        }

        var count = 0;
        var total = 0;
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            if (!paragraphsOnly || block.Kind == BlockKind.Paragraph)
            {
                count++;
                total += block.Span.Length + 1;
            }
        }

        // Room for the sample: every Append may overrun its budget by its trailing space.
        buffer = ArrayPool<char>.Shared.Rent(Math.Max(16, Math.Min(total, maxChars) + 4));
        var length = 0;
        if (total <= maxChars)
        {
            var first = true;
            for (var b = 0; b < blocks.Count; b++)
            {
                var block = blocks[b];
                if (paragraphsOnly && block.Kind != BlockKind.Paragraph)
                {
                    continue;
                }

                if (!first)
                {
                    buffer[length++] = ' ';
                }

                first = false;
                block.Span.CopyTo(buffer.AsSpan(length));
                length += block.Span.Length;
            }
        }
        else
        {
            var half = maxChars / 2;
            Append(buffer, ref length, blocks, paragraphsOnly, 0, half);
            buffer[length++] = ' ';
            Append(buffer, ref length, blocks, paragraphsOnly, count / 2, maxChars - half);
        }

        var letters = 0;
        foreach (var c in buffer.AsSpan(0, length))
        {
            letters += char.IsLetter(c) ? 1 : 0;
        }

        return (length, letters);
    }

    /// <summary>Appends the sampled blocks from the <paramref name="from"/>-th on, until <paramref name="budget"/> characters are used.</summary>
    private static void Append(char[] buffer, ref int length, IReadOnlyList<TextBlock> blocks, bool paragraphsOnly, int from, int budget)
    {
        var index = -1;
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            if (paragraphsOnly && block.Kind != BlockKind.Paragraph)
            {
                continue;
            }

            if (++index < from)
            {
                continue;
            }

            if (budget <= 0)
            {
                return;
            }

            var p = block.Span;
            if (p.Length > budget)
            {
                // Cut at a word boundary so the detector does not see a broken word.
                var cut = p[..budget].LastIndexOf(' ');
                var part = p[..(cut > 0 ? cut : budget)];
                part.CopyTo(buffer.AsSpan(length));
                length += part.Length;
                return;
            }

            p.CopyTo(buffer.AsSpan(length));
            length += p.Length;
            buffer[length++] = ' ';
            budget -= p.Length + 1;
        }
    }
}
