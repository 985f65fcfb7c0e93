using Pipeline.Core.Decoding;

namespace Pipeline.Core.Normalization.Fixes;

/// <summary>
/// Repairs UTF-8 that was decoded as windows-1252 or Latin-1 (<c>â€™</c> to <c>’</c>, <c>Ã©</c> to <c>é</c>,
/// <c>ðŸ˜€</c> to 😀), in the spirit of ftfy's <c>fix_encoding</c>, but locally: each character that would be a UTF-8
/// lead byte (Â-ô) is checked with the characters after it; when they map back to a well-formed UTF-8 sequence whose
/// result is plausible, the sequence is replaced. Plausible means: Latin, punctuation, symbols, fullwidth forms and
/// emoji always; Greek, Cyrillic, Hebrew, Arabic, CJK and other scripts only when the sequence does not follow a letter
/// directly (so <c>café…”</c> is not read as <c>caf</c> + a CJK ideograph), unless it follows another repaired sequence.
/// Lossy sequences where a byte undefined in windows-1252 was replaced by U+FFFD or dropped are repaired by best guess:
/// <c>â€</c> + U+FFFD (or nothing) becomes <c>”</c> (E2 80 9D, by far the commonest such case); <c>Â</c>, <c>Ã</c> or
/// <c>â</c> sequences ending in U+FFFD become one U+FFFD. Text encoded wrongly twice is repaired by running again, up to
/// the configured number of passes. One count per sequence repaired.
/// </summary>
public sealed class MojibakeFix : ISpanTextFix
{
    private readonly int _maxPasses;

    /// <summary>Creates the fix.</summary>
    /// <param name="maxPasses">How many times to repair text encoded wrongly more than once (1 to 5).</param>
    public MojibakeFix(int maxPasses = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPasses, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxPasses, 5);
        _maxPasses = maxPasses;
    }

    /// <inheritdoc />
    public string Name => FixNames.Mojibake;

    /// <inheritdoc />
    public string Apply(string text, out int changes) => SpanTextFix.Apply(this, text, out changes);

    /// <inheritdoc />
    bool ISpanTextFix.TryApply(ReadOnlySpan<char> text, PooledCharBuffer builder, out int changes)
    {
        changes = RepairOnce(text, builder);
        if (changes == 0)
        {
            return false;
        }

        // Further passes (text encoded wrongly twice) alternate between the output and a second buffer.
        PooledCharBuffer? other = null;
        var current = builder;
        for (var pass = 1; pass < _maxPasses && current.WrittenSpan.IndexOfAnyInRange('\u00C2', '\u00F4') >= 0; pass++)
        {
            other ??= new PooledCharBuffer(current.WrittenSpan.Length);
            var target = current == builder ? other : builder;
            target.Clear();
            var repaired = RepairOnce(current.WrittenSpan, target);
            if (repaired == 0)
            {
                break;
            }

            changes += repaired;
            current = target;
        }

        if (current != builder)
        {
            builder.Clear();
            builder.Append(current.WrittenSpan);
        }

        other?.Release();
        return true;
    }

    /// <summary>One repair pass into <paramref name="builder"/>, which is written to only when the result is not 0.</summary>
    private static int RepairOnce(ReadOnlySpan<char> text, PooledCharBuffer builder)
    {
        var changes = 0;
        var offset = text.IndexOfAnyInRange('\u00C2', '\u00F4');
        if (offset < 0)
        {
            return 0;
        }

        var copied = 0;
        var lastRepairEnd = -1;
        var i = offset;
        while (i < text.Length)
        {
            if (TryRepair(text, i, lastRepairEnd == i, out var replacement, out var consumed))
            {
                builder.Append(text[copied..i]).Append(replacement);
                i += consumed;
                copied = i;
                lastRepairEnd = i;
                changes++;
                continue;
            }

            var next = i + 1 < text.Length ? text[(i + 1)..].IndexOfAnyInRange('\u00C2', '\u00F4') : -1;
            if (next < 0)
            {
                break;
            }

            i += 1 + next;
        }

        if (changes == 0)
        {
            return 0;
        }

        builder.Append(text[copied..]);
        return changes;
    }

    private static bool TryRepair(ReadOnlySpan<char> text, int i, bool followsRepair, out string replacement, out int consumed)
    {
        replacement = string.Empty;
        consumed = 0;
        var lead = text[i];
        var need = lead switch { <= '\u00DF' => 1, <= '\u00EF' => 2, _ => 3 };
        var bytes = (stackalloc int[4]);
        bytes[0] = lead;
        var have = 0;
        while (have < need && i + 1 + have < text.Length)
        {
            var b = Windows1252.ToByte(text[i + 1 + have]);
            if (b is < 0x80 or > 0xBF)
            {
                break;
            }

            bytes[1 + have] = b;
            have++;
        }

        if (have < need)
        {
            return TryRepairLossy(text, i, bytes[..(1 + have)], out replacement, out consumed);
        }

        var second = bytes[1];
        var wellFormed = lead switch
        {
            '\u00E0' => second >= 0xA0, // no overlongs
            '\u00ED' => second <= 0x9F, // no surrogates
            '\u00F0' => second >= 0x90, // no overlongs
            '\u00F4' => second <= 0x8F, // not beyond U+10FFFF
            _ => true,
        };
        if (!wellFormed)
        {
            return false;
        }

        var codePoint = need switch
        {
            1 => ((bytes[0] & 0x1F) << 6) | (bytes[1] & 0x3F),
            2 => ((bytes[0] & 0x0F) << 12) | ((bytes[1] & 0x3F) << 6) | (bytes[2] & 0x3F),
            _ => ((bytes[0] & 0x07) << 18) | ((bytes[1] & 0x3F) << 12) | ((bytes[2] & 0x3F) << 6) | (bytes[3] & 0x3F),
        };
        if (!IsPlausible(codePoint, followsRepair || i == 0 || !char.IsLetter(text[i - 1])))
        {
            return false;
        }

        replacement = char.ConvertFromUtf32(codePoint);
        consumed = need + 1;
        return true;
    }

    private static bool TryRepairLossy(ReadOnlySpan<char> text, int i, ReadOnlySpan<int> bytes, out string replacement, out int consumed)
    {
        replacement = string.Empty;
        consumed = 0;
        var end = i + bytes.Length;
        var hasReplacement = end < text.Length && text[end] == '\uFFFD';

        // â€ + lost byte: the lost byte is one of the five windows-1252 does not define; 9D (”) is the common one.
        if (bytes is [0xE2, 0x80])
        {
            replacement = "\u201D";
            consumed = bytes.Length + (hasReplacement ? 1 : 0);
            return true;
        }

        if (hasReplacement && bytes[0] is 0xC2 or 0xC3 or 0xE2)
        {
            replacement = "\uFFFD";
            consumed = bytes.Length + 1;
            return true;
        }

        return false;
    }

    /// <summary>Whether a repaired code point is believable; scripts that could be accidents need a non-letter before.</summary>
    private static bool IsPlausible(int cp, bool notAfterLetter) => cp switch
    {
        < 0xA0 => false,                            // C1 controls
        <= 0x2FF => true,                           // Latin-1 supplement, Latin extended, IPA, modifiers
        <= 0x36F => false,                          // combining marks on their own
        <= 0x52F => notAfterLetter,                 // Greek, Cyrillic
        >= 0x5D0 and <= 0x5EA => notAfterLetter,    // Hebrew letters
        >= 0x600 and <= 0x6FF => notAfterLetter,    // Arabic
        < 0x800 => false,                           // rarer two-byte scripts and points: too likely accidental
        >= 0x1E00 and <= 0x1EFF => true,            // Latin extended additional (Vietnamese)
        >= 0x2000 and <= 0x2BFF => true,            // punctuation, currency, letterlike, arrows, maths, shapes, symbols
        >= 0xFB00 and <= 0xFB06 => true,            // Latin ligatures
        >= 0xFE00 and <= 0xFE0F => true,            // variation selectors (emoji presentation)
        0xFEFF or 0xFFFD => true,                   // BOM and replacement character, read wrongly
        >= 0xFF00 and <= 0xFFEF => true,            // fullwidth forms
        >= 0x10000 => true,                         // emoji and other astral characters: four matching bytes are no accident
        _ => notAfterLetter,                        // Indic, CJK, kana, Hangul, ...
    };
}
