using System.Buffers;

namespace Pipeline.Core.Normalization.Fixes;

/// <summary>
/// Removes characters that carry no visible content: C0 controls except tab and line feed, DEL, C1 controls, zero-width
/// space/non-joiner/joiner (U+200B-U+200D), LRM/RLM (U+200E/U+200F), bidi embeddings and overrides (U+202A-U+202E) and
/// isolates (U+2066-U+2069), word joiner and invisible operators (U+2060-U+2064), BOM/ZWNBSP (U+FEFF) and the soft hyphen
/// (U+00AD) and the noncharacters U+FFFE and U+FFFF. A lone surrogate becomes U+FFFD. Kept where they carry meaning and the check is cheap: a zero-width joiner
/// between two emoji (family and profession sequences) and a zero-width non-joiner between two non-Latin letters
/// (Persian and Indic orthography).
/// </summary>
public sealed class ControlCharactersFix : ISpanTextFix
{
    private static readonly SearchValues<char> Targets = SearchValues.Create(BuildTargets());

    /// <inheritdoc />
    public string Name => FixNames.ControlCharacters;

    /// <inheritdoc />
    public string Apply(string text, out int changes) => SpanTextFix.Apply(this, text, out changes);

    /// <inheritdoc />
    bool ISpanTextFix.TryApply(ReadOnlySpan<char> text, PooledCharBuffer builder, out int changes)
    {
        changes = 0;
        var next = IndexOfTarget(text);
        if (next < 0)
        {
            return false;
        }

        var start = 0;
        while (next >= 0)
        {
            var i = start + next;
            builder.Append(text[start..i]);
            var c = text[i];
            start = i + 1;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[i + 1]);
                start = i + 2;
            }
            else if (char.IsSurrogate(c))
            {
                builder.Append('\uFFFD');
                changes++;
            }
            else if ((c == '\u200D' && IsEmojiJoin(text, i)) || (c == '\u200C' && IsNonLatinLetterJoin(text, i)))
            {
                builder.Append(c);
            }
            else
            {
                changes++;
            }

            next = start < text.Length ? IndexOfTarget(text[start..]) : -1;
        }

        builder.Append(text[start..]);
        return changes > 0;
    }

    // The target set holds the surrogates, so its search is a slow probabilistic one; plain ASCII is passed over with
    // a fast vectorised search first.
    private static int IndexOfTarget(ReadOnlySpan<char> text)
    {
        // Past a few non-ASCII characters (quotes, dashes, accents) by the fast search; a text full of them (Cyrillic,
        // CJK) goes to the slow one for the rest rather than making a call per character.
        var offset = 0;
        for (var hops = 0; hops < 16; hops++)
        {
            var plain = text[offset..].IndexOfAnyExcept(PlainAscii);
            if (plain < 0)
            {
                return -1;
            }

            var i = offset + plain;
            if (text[i] < 0x80 || Targets.Contains(text[i]))
            {
                return i; // an ASCII control or DEL, or another target
            }

            offset = i + 1;
        }

        var rest = text[offset..].IndexOfAny(Targets);
        return rest < 0 ? -1 : offset + rest;
    }

    private static readonly SearchValues<char> PlainAscii =
        SearchValues.Create(Enumerable.Range(0x20, 0x5F).Select(c => (char)c).Concat(['\t', '\n']).ToArray());

    private static bool IsEmojiJoin(ReadOnlySpan<char> text, int i) =>
        i > 0 && i + 1 < text.Length && IsEmojiSide(text[i - 1]) && IsEmojiSide(text[i + 1]);

    // Emoji are astral (a surrogate on each side of the joiner), or in the symbol blocks, or end with VS16.
    private static bool IsEmojiSide(char c) => char.IsSurrogate(c) || c is >= '\u2600' and <= '\u27BF' or '\uFE0F';

    private static bool IsNonLatinLetterJoin(ReadOnlySpan<char> text, int i) =>
        i > 0 && i + 1 < text.Length && text[i - 1] >= '\u0590' && text[i + 1] >= '\u0590' &&
        char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1]);

    private static string BuildTargets()
    {
        var chars = new List<char>();
        for (var c = 0; c < 0x20; c++)
        {
            if (c is not ('\t' or '\n'))
            {
                chars.Add((char)c);
            }
        }

        for (var c = 0x7F; c <= 0x9F; c++) { chars.Add((char)c); }
        for (var c = 0x200B; c <= 0x200F; c++) { chars.Add((char)c); }
        for (var c = 0x202A; c <= 0x202E; c++) { chars.Add((char)c); }
        for (var c = 0x2060; c <= 0x2064; c++) { chars.Add((char)c); }
        for (var c = 0x2066; c <= 0x2069; c++) { chars.Add((char)c); }
        for (var c = 0xD800; c <= 0xDFFF; c++) { chars.Add((char)c); }
        chars.Add('\u00AD');
        chars.Add('\uFEFF');

        // Noncharacters: U+FFFE is a byte-swapped BOM, and string.Normalize throws on it.
        chars.Add('\uFFFE');
        chars.Add('\uFFFF');
        return new string(chars.ToArray());
    }
}
