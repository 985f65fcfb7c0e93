using System.Globalization;

using Pipeline.Core.Text;

namespace Pipeline.Core.Metadata.Languages;

/// <summary>
/// The fast pass of language detection: counts, for each language of <see cref="StopwordProfiles"/>, how many words
/// of a text are among its function words, and names a language only when one clearly wins.
/// </summary>
/// <remarks>
/// Each word of a text counts towards every language whose list holds it, weighted by 1/(number of such languages).
/// A win needs enough words (<see cref="MinimumWords"/>), enough hits (<see cref="MinimumHits"/>, and at least
/// <see cref="MinimumHitShare"/> of the words, so a text in another language that happens to share a few short
/// words is not claimed), and a margin over the runner-up (<see cref="MinimumRatio"/>), which is what separates
/// close relatives (Spanish, Portuguese, Catalan; Danish, Norwegian, Swedish). The winner must also lead in both
/// halves of the text (the sample is taken from the start and the middle), so a text that changes language half way
/// is "mixed". Anything less is "unsure".
/// </remarks>
internal static class StopwordLanguageGuess
{
    /// <summary>Fewest words a text needs before the fast pass decides.</summary>
    public const int MinimumWords = 20;

    /// <summary>Lowest weighted function-word score the winner needs.</summary>
    public const double MinimumHits = 6;

    /// <summary>Smallest winner's score, as a share of the text's words.</summary>
    public const double MinimumHitShare = 0.1;

    /// <summary>How many times the runner-up's hits the winner needs.</summary>
    public const double MinimumRatio = 2.0;

    // Longest word looked up; function words are short, and longer runs are skipped without lowercasing.
    private const int MaxWordLength = 16;

    /// <summary>
    /// The clear winner of <paramref name="text"/>, with a confidence of winner / (winner + runner-up) scores,
    /// or false when the fast pass is unsure.
    /// </summary>
    public static bool TryDetect(ReadOnlySpan<char> text, out string? code, out double confidence)
    {
        var languages = StopwordProfiles.Codes.Length;
        Span<double> halves = stackalloc double[2 * languages];
        halves.Clear();
        var middle = text.Length / 2;
        var words = 0;
        var foreignLetters = 0;
        var table = StopwordProfiles.Lookup;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            // The word's hash is taken as it is read, so the lookup does not read it again.
            var start = i;
            var hash = WordTable<uint>.EmptyHash;
            while (i < text.Length && IsWordChar(text[i]))
            {
                foreignLetters += IsCoveredScript(text[i]) ? 0 : 1;
                hash = table.Add(hash, text[i]);
                i++;
            }

            words++;
            if (i - start <= MaxWordLength && table.TryGetValue(text[start..i], hash, out var mask))
            {
                // A word shared by k languages is worth 1/k to each: "de" says little, "y" or "och" says a lot.
                var weight = 1.0 / System.Numerics.BitOperations.PopCount(mask);
                var hits = start < middle ? halves[..languages] : halves[languages..];
                while (mask != 0)
                {
                    hits[System.Numerics.BitOperations.TrailingZeroCount(mask)] += weight;
                    mask &= mask - 1;
                }
            }
        }

        var best = -1;
        double first = 0, second = 0;
        for (var l = 0; l < languages; l++)
        {
            var score = halves[l] + halves[languages + l];
            if (score > first)
            {
                second = first;
                first = score;
                best = l;
            }
            else if (score > second)
            {
                second = score;
            }
        }

        if (foreignLetters > words || words < MinimumWords || !LeadsIn(halves[..languages], best) || !LeadsIn(halves[languages..], best) || first < MinimumHits || first < MinimumHitShare * words || first < MinimumRatio * second)
        {
            code = null;
            confidence = 0;
            return false;
        }

        code = StopwordProfiles.Codes[best];
        confidence = first / (first + second);
        return true;
    }

    // A half with a few function words must not favour another language: a text of two languages is "mixed".
    private static bool LeadsIn(ReadOnlySpan<double> half, int best)
    {
        double total = 0, top = 0;
        foreach (var score in half)
        {
            total += score;
            top = Math.Max(top, score);
        }

        return total < MinimumHits / 2 || half[best] >= top;
    }

    // Latin (with Vietnamese) and Cyrillic; a text with more letters in other scripts than it has words (a few
    // Latin words in Chinese or Arabic text) is left to the fallback.
    private static bool IsCoveredScript(char c) => c < '\u0530' || c is >= '\u1E00' and <= '\u1EFF';

    // Letters and combining marks (Vietnamese tones when not precomposed); apostrophes split ("l'année").
    private static bool IsWordChar(char c) =>
        char.IsLetter(c) || (c >= '\u0300' && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark);
}
