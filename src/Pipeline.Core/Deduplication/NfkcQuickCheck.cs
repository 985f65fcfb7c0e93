using System.Globalization;
using System.Text;

namespace Pipeline.Core.Deduplication;

/// <summary>
/// Whether text is in NFKC, answered without ICU for the characters news text is made of (Latin, Greek, Cyrillic,
/// curly quotes, dashes): the span overload of <c>IsNormalized</c> always calls ICU, which was a third of the structure
/// stage on ordinary pages.
/// </summary>
/// <remarks>
/// Unicode's quick check: text whose every character has NFKC_Quick_Check=Yes and canonical combining class 0 is
/// normalised. The table holds such characters below U+3000, found once by asking ICU about each character alone
/// (a character that is not NFKC alone is Quick_Check=No). Alone is not enough for Quick_Check=Maybe characters, which
/// may compose with the one before; those are combining marks and the Hangul medial and final jamo, so marks and the
/// jamo block are left out, as are all characters with a nonzero combining class (all marks). Anything else goes to ICU.
/// </remarks>
internal static class NfkcQuickCheck
{
    private const int TableSize = 0x3000;

    /// <summary>True when <paramref name="text"/> is in Unicode normalisation form KC.</summary>
    public static bool IsNormalized(ReadOnlySpan<char> text)
    {
        if (Ascii.IsValid(text))
        {
            return true;
        }

        var stable = Table.Stable;
        foreach (var c in text)
        {
            if (c >= TableSize || !stable[c])
            {
                return text.IsNormalized(NormalizationForm.FormKC);
            }
        }

        return true;
    }

    // A nested class, so the table is built on first use rather than with CanonicalForm.
    private static class Table
    {
        public static readonly bool[] Stable = Build();

        private static bool[] Build()
        {
            var stable = new bool[TableSize];
            try
            {
                for (var c = 0; c < TableSize; c++)
                {
                    var ch = (char)c;
                    if (c is >= 0x1100 and <= 0x11FF || char.IsSurrogate(ch) ||
                        char.GetUnicodeCategory(ch) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                    {
                        continue;
                    }

                    stable[c] = ch.ToString().IsNormalized(NormalizationForm.FormKC);
                }
            }
            catch (PlatformNotSupportedException)
            {
                // No normalisation data (invariant globalisation): every non-ASCII text goes to the runtime, as before.
                Array.Clear(stable);
            }

            return stable;
        }
    }
}
