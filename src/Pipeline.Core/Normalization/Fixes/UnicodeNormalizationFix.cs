using System.Text;

namespace Pipeline.Core.Normalization.Fixes;

/// <summary>
/// Applies Unicode normalisation form C, so that "é" is one code point whether it arrived composed or as e + U+0301.
/// The count is the number of UTF-16 code units composition removed, at least 1 when anything changed (singleton
/// replacements such as U+212B ANGSTROM SIGN to U+00C5 do not change the length).
/// </summary>
public sealed class UnicodeNormalizationFix : ISpanTextFix
{
    /// <inheritdoc />
    public string Name => FixNames.UnicodeNormalization;

    /// <inheritdoc />
    public string Apply(string text, out int changes) => SpanTextFix.Apply(this, text, out changes);

    /// <inheritdoc />
    bool ISpanTextFix.TryApply(ReadOnlySpan<char> text, PooledCharBuffer builder, out int changes)
    {
        changes = 0;
        if (System.Text.Ascii.IsValid(text) || HasInvalidCodePoints(text) || text.IsNormalized(NormalizationForm.FormC))
        {
            return false;
        }

        // NFC can lengthen a text (some singletons decompose to more code units than they compose back to), so ask.
        var length = text.GetNormalizedLength(NormalizationForm.FormC);
        var span = builder.GetSpan(length);
        if (!text.TryNormalize(span, out var written, NormalizationForm.FormC))
        {
            throw new InvalidOperationException("NFC produced more characters than GetNormalizedLength promised.");
        }

        if (span[..written].SequenceEqual(text))
        {
            return false;
        }

        builder.Advance(written);
        changes = Math.Max(1, text.Length - written);
        return true;
    }

    // string.Normalize throws ArgumentException on lone surrogates and U+FFFE. The control-character fix removes them
    // first; when it is switched off, such text is left unnormalised rather than failing the document.
    private static bool HasInvalidCodePoints(ReadOnlySpan<char> span)
    {
        var at = span.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (at < 0)
        {
            return span.Contains('\uFFFE');
        }

        if (span.Contains('\uFFFE'))
        {
            return true;
        }

        for (var i = at; i < span.Length; i++)
        {
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(span[i]))
            {
                return true;
            }
        }

        return false;
    }
}
