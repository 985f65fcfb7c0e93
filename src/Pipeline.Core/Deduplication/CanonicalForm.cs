using System.Buffers;
using System.Globalization;
using System.Text;

namespace Pipeline.Core.Deduplication;

/// <summary>
/// The canonical form of a text, the key for exact-duplicate hashing and the input of shingling:
/// NFKC, lower-cased (invariant), apostrophes dropped, every other character that is not a letter,
/// digit or combining mark turned into a space, whitespace folded to single spaces and trimmed.
/// </summary>
/// <remarks>
/// Apostrophes are dropped rather than spaced so that <c>it’s</c> and <c>it's</c> and <c>its</c>-style
/// variants fold to one word; dashes, quotes and other punctuation become spaces so that
/// <c>well-known</c> equals <c>well known</c>.
/// </remarks>
public static class CanonicalForm
{
    /// <summary>Returns the canonical form of <paramref name="text"/> (empty for null or blank input).</summary>
    /// <param name="text">Any text.</param>
    /// <returns>The canonical form; only letters, digits, marks and single spaces.</returns>
    public static string Create(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // NFKC only when needed, and the check itself mostly without ICU.
        if (!NfkcQuickCheck.IsNormalized(text))
        {
            text = text.Normalize(NormalizationForm.FormKC);
        }

        char[]? rented = null;
        Span<char> buffer = text.Length <= 512
            ? stackalloc char[512]
            : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        try
        {
            var length = Fold(text, buffer);
            return length == 0 ? string.Empty : new string(buffer[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Writes the canonical form into a buffer rented from <see cref="ArrayPool{T}.Shared"/> (the caller returns
    /// <paramref name="rented"/>), for hashing without allocating the canonical string.
    /// </summary>
    internal static ReadOnlySpan<char> CreateRented(ReadOnlySpan<char> text, out char[] rented)
    {
        // The span overload of IsNormalized always calls ICU; the quick check mostly does not.
        if (!NfkcQuickCheck.IsNormalized(text))
        {
            text = text.ToString().Normalize(NormalizationForm.FormKC);
        }

        rented = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        return rented.AsSpan(0, Fold(text, rented));
    }

    /// <summary>Folds into <paramref name="output"/> (at least the input's length; the output is never longer) and returns the length written.</summary>
    private static int Fold(ReadOnlySpan<char> input, Span<char> output)
    {
        var length = 0;
        var pendingSpace = false;
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            if (c < 128)
            {
                // From a table: the character it folds to, 0 for a separator, 1 for the apostrophe (dropped).
                var folded = AsciiFolds[c];
                if (folded > 1)
                {
                    if (pendingSpace && length > 0)
                    {
                        output[length++] = ' ';
                    }

                    pendingSpace = false;
                    output[length++] = (char)folded;
                }
                else if (folded == 0)
                {
                    pendingSpace = true;
                }

                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < input.Length && char.IsLowSurrogate(input[i + 1]))
            {
                var rune = new Rune(c, input[i + 1]);
                i++;
                if (IsWordCategory(Rune.GetUnicodeCategory(rune)))
                {
                    var lower = Rune.ToLowerInvariant(rune);
                    if (pendingSpace && length > 0)
                    {
                        output[length++] = ' ';
                    }

                    pendingSpace = false;
                    length += lower.EncodeToUtf16(output[length..]);
                }
                else
                {
                    pendingSpace = true;
                }

                continue;
            }

            if (IsApostrophe(c))
            {
                continue;
            }

            if (IsWordCategory(char.GetUnicodeCategory(c)))
            {
                Append(output, ref length, ref pendingSpace, char.ToLowerInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }

        return length;
    }

    private static readonly byte[] AsciiFolds = BuildAsciiFolds();

    private static byte[] BuildAsciiFolds()
    {
        var folds = new byte[128];
        for (var c = 0; c < 128; c++)
        {
            folds[c] = c switch
            {
                >= 'a' and <= 'z' or >= '0' and <= '9' => (byte)c,
                >= 'A' and <= 'Z' => (byte)(c | 0x20),
                '\'' => 1,
                _ => 0,
            };
        }

        return folds;
    }

    private static void Append(Span<char> output, ref int length, ref bool pendingSpace, char c)
    {
        if (pendingSpace && length > 0)
        {
            output[length++] = ' ';
        }

        pendingSpace = false;
        output[length++] = c;
    }

    private static bool IsApostrophe(char c) => c is '\u2019' or '\u2018' or '\u02BC' or '\u02B9' or '\u2032';

    private static bool IsWordCategory(UnicodeCategory category) => category switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
        _ => false,
    };
}
