using Pipeline.Core.Normalization;
using Pipeline.Core.Structure;

namespace Pipeline.Core.Metadata;

/// <summary>A bounded sample of paragraph text for language detection: half from the start, half from the middle.</summary>
internal static class LanguageSample
{
    /// <summary>The sample (at most <paramref name="maxChars"/> characters plus a separator) and how many letters it holds.</summary>
    public static (PooledCharBuffer Sample, int Letters) Take(StructuredText text, int maxChars)
    {
        var paragraphs = text.Blocks.Where(b => b.Kind == BlockKind.Paragraph).Select(b => b.Text).ToList();
        if (paragraphs.Count == 0)
        {
            paragraphs = text.Blocks.Select(b => b.Text).ToList();
        }

        var total = paragraphs.Sum(p => p.Length + 1);
        var sb = new PooledCharBuffer(Math.Min(total, maxChars + 2));
        if (total <= maxChars)
        {
            for (var i = 0; i < paragraphs.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(' ');
                }

                sb.Append(paragraphs[i]);
            }
        }
        else
        {
            var half = maxChars / 2;
            Append(sb, paragraphs, 0, half);
            sb.Append(' ');
            Append(sb, paragraphs, paragraphs.Count / 2, maxChars - half);
        }

        var letters = 0;
        foreach (var c in sb.WrittenSpan)
        {
            letters += char.IsLetter(c) ? 1 : 0;
        }

        return (sb, letters);
    }

    private static void Append(PooledCharBuffer sb, List<string> paragraphs, int from, int budget)
    {
        for (var i = from; i < paragraphs.Count && budget > 0; i++)
        {
            var p = paragraphs[i];
            if (p.Length > budget)
            {
                // Cut at a word boundary so the detector does not see a broken word.
                var cut = p.LastIndexOf(' ', budget - 1);
                sb.Append(p, 0, cut > 0 ? cut : budget);
                return;
            }

            sb.Append(p).Append(' ');
            budget -= p.Length + 1;
        }
    }
}
