using System.Buffers;
using System.Numerics;
using Pipeline.Core.Structure.Paragraphs;
using Pipeline.Core.Text;

namespace Pipeline.Core.Structure.Boilerplate;

/// <summary>
/// Measures blocks for <see cref="BoilerplateClassifier"/>: length, words, menu separators, and function words of the page's
/// language, which is the language whose list the page's words hit most (none when no list reaches
/// 5% of the words: a CJK page, or a language without a list).
/// </summary>
internal static class BlockMeasure
{
    /// <summary>Longest word looked up in the function-word lists.</summary>
    private const int MaxStopWordLength = 16;

    private static readonly SearchValues<char> SeparatorChars = SearchValues.Create("|·•/»›>~–—-:");

    public static void Measure(BlockSpans blocks, Span<BlockFeatures> features, StructureOptions options)
    {
        var n = blocks.Count;
        var languages = StopWords.Languages.Length;
        var hits = ArrayPool<int>.Shared.Rent(n * languages);
        Span<int> totals = stackalloc int[languages];
        totals.Clear();
        var allWords = 0;
        try
        {
            hits.AsSpan(0, n * languages).Clear();
            for (var i = 0; i < n; i++)
            {
                var block = blocks[i];
                var (weight, words, separators) = Count(block, hits.AsSpan(i * languages, languages));
                allWords += words;
                var flags = blocks.FlagsOf(i);
                var heading = (flags & ParagraphFlags.MarkedHeading) != 0 || HeadingClassifier.IsHeadingLike(block, options);
                features[i] = new BlockFeatures(
                    weight, words, -1, separators, ParagraphRebuilder.EndsSentence(block), heading, (flags & ParagraphFlags.ListItem) != 0,
                    BylineOrDatelineLine.Matches(block));
            }

            var best = -1;
            for (var i = 0; i < n; i++)
            {
                for (var l = 0; l < languages; l++)
                {
                    totals[l] += hits[(i * languages) + l];
                }
            }

            for (var l = 0; l < languages; l++)
            {
                if (totals[l] >= allWords * MinLanguageShare && (best < 0 || totals[l] > totals[best]))
                {
                    best = l;
                }
            }

            if (best >= 0)
            {
                for (var i = 0; i < n; i++)
                {
                    features[i] = features[i] with { StopWords = hits[(i * languages) + best] };
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(hits);
        }
    }

    /// <summary>The share of a page's words that must be function words of one language for its list to be used.</summary>
    private const double MinLanguageShare = 0.05;

    /// <summary>Weight, words and separators of a block; adds its function words per language to <paramref name="hits"/>.</summary>
    private static (int Weight, int Words, int Separators) Count(ReadOnlySpan<char> block, Span<int> hits)
    {
        var table = StopWords.Table;
        int weight = block.Length, words = 0, separators = 0;
        var i = 0;
        while (i < block.Length)
        {
            var c = block[i];
            if (c >= 128 && IsCjk(c))
            {
                weight += 2;
                i++;
                continue;
            }

            if (c < 128 ? !char.IsAsciiLetter(c) : !char.IsLetter(c))
            {
                // A separator standing alone between spaces: "A | B", "Home › News".
                if ((i == 0 || block[i - 1] == ' ') && (i + 1 == block.Length || block[i + 1] == ' ') && SeparatorChars.Contains(c))
                {
                    separators++;
                }

                i++;
                continue;
            }

            // The word's hash is taken as it is read, so the function-word lookup does not read it again.
            var start = i;
            var hash = WordTable<ushort>.EmptyHash;
            for (; i < block.Length; i++)
            {
                var w = block[i];
                if (w < 128 ? !char.IsAsciiLetter(w) : !IsWordChar(w))
                {
                    break;
                }

                hash = table.Add(hash, w);
            }

            words++;
            if (i - start <= MaxStopWordLength && table.TryGetValue(block[start..i], hash, out var mask))
            {
                while (mask != 0)
                {
                    var bit = BitOperations.TrailingZeroCount(mask);
                    hits[bit]++;
                    mask &= (ushort)(mask - 1);
                }
            }
        }

        return (weight, words, separators);
    }

    /// <summary>A letter or mark that continues a word (not CJK, which counts per character); ASCII decided without the Unicode tables.</summary>
    private static bool IsWordChar(char c) =>
        c < 128
            ? char.IsAsciiLetter(c)
            : (char.IsLetter(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark) && !IsCjk(c);

    /// <summary>Han, kana, hangul: scripts whose characters are about a word each.</summary>
    private static bool IsCjk(char c) => c is (>= '\u3040' and <= '\u30ff') or (>= '\u3400' and <= '\u9fff') or (>= '\uac00' and <= '\ud7af');
}
