using System.Globalization;
using System.Text;

namespace Pipeline.Core.Decoding;

/// <summary>
/// Counts the code points that no real text is made of: unassigned ones, private-use ones, noncharacters,
/// U+FFFD (what a decoder makes of bytes it cannot read, lone surrogates among them) and binary control
/// characters. Random bytes read through any encoding are full of them (about a fifth of random UTF-16 is
/// private-use, surrogate garbage or unassigned), while text in any script, CJK, Arabic, Thai or emoji, has
/// next to none. Long texts are sampled at their start, middle and end, so the cost stays bounded and a text
/// header cannot hide a binary body.
/// </summary>
internal static class NonTextCharacters
{
    /// <summary>The share of non-text code points among the non-whitespace code points of the sampled text.</summary>
    /// <param name="text">The decoded text.</param>
    /// <param name="window">How many UTF-16 code units each sampled window holds.</param>
    /// <param name="nonText">How many non-text code points the sample holds.</param>
    /// <param name="counted">How many non-whitespace code points the sample holds.</param>
    public static void Measure(ReadOnlySpan<char> text, int window, out int nonText, out int counted)
    {
        nonText = 0;
        counted = 0;
        if (text.Length <= 3 * window)
        {
            Count(text, ref nonText, ref counted);
            return;
        }

        Count(text[..window], ref nonText, ref counted);
        Count(text.Slice((text.Length - window) / 2, window), ref nonText, ref counted);
        Count(text[^window..], ref nonText, ref counted);
    }

    private static void Count(ReadOnlySpan<char> text, ref int nonText, ref int counted)
    {
        var ascii = AsciiKinds;
        while (!text.IsEmpty)
        {
            // A run of printable ASCII, spaces and line breaks (most of any text) is counted with vectorised searches.
            var plain = text.IndexOfAnyExcept(PlainAscii);
            if (plain != 0)
            {
                var run = plain < 0 ? text : text[..plain];
                counted += run.Length - run.Count(' ') - run.Count('\n');
                text = plain < 0 ? default : text[plain..];
                continue;
            }

            // ASCII from a table of what the rune path below says about each code: most text is ASCII, and the rune
            // decoding and category lookup per character were most of the decode stage.
            if (text[0] < 0x80)
            {
                var kind = ascii[text[0]];
                text = text[1..];
                if (kind != WhiteSpace)
                {
                    counted++;
                    nonText += kind;
                }

                continue;
            }

            // A window may start or end inside a surrogate pair: the half becomes U+FFFD; one per window is noise.
            Rune.DecodeFromUtf16(text, out var rune, out var consumed);
            text = text[consumed..];
            if (Rune.IsWhiteSpace(rune))
            {
                continue;
            }

            counted++;
            if (IsNonText(rune))
            {
                nonText++;
            }
        }
    }

    private const byte WhiteSpace = 2;

    /// <summary>Printable ASCII, space and LF: text (or whitespace, for the space and LF) by <see cref="AsciiKinds"/>.</summary>
    private static readonly System.Buffers.SearchValues<char> PlainAscii =
        System.Buffers.SearchValues.Create(Enumerable.Range(0x20, 0x5F).Select(c => (char)c).Append('\n').ToArray());

    /// <summary>Per ASCII code: <see cref="WhiteSpace"/>, 1 for non-text, 0 for text; worked out by the same rules as any rune.</summary>
    private static readonly byte[] AsciiKinds = BuildAsciiKinds();

    private static byte[] BuildAsciiKinds()
    {
        var kinds = new byte[0x80];
        for (var c = 0; c < kinds.Length; c++)
        {
            var rune = new Rune(c);
            kinds[c] = Rune.IsWhiteSpace(rune) ? WhiteSpace : IsNonText(rune) ? (byte)1 : (byte)0;
        }

        return kinds;
    }

    private static bool IsNonText(Rune rune)
    {
        var value = rune.Value;
        if (value == 0xFFFD || (value >= 0xFDD0 && value <= 0xFDEF) || (value & 0xFFFE) == 0xFFFE)
        {
            return true; // replacement (undecodable bytes, lone surrogates) and noncharacters
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate => true,
            UnicodeCategory.Control => value is not ('\t' or '\n' or '\r' or '\f'),
            _ => false,
        };
    }
}
