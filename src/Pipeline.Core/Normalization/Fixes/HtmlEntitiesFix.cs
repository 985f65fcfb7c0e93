using System.Globalization;
using System.Net;
using Pipeline.Core.Decoding;

namespace Pipeline.Core.Normalization.Fixes;

/// <summary>
/// Decodes HTML character references: named (<c>&amp;eacute;</c>; the HTML 4 set of about 250 names that
/// <see cref="WebUtility.HtmlDecode(string)"/> knows, plus <c>&amp;apos;</c>), decimal (<c>&amp;#8217;</c>) and hexadecimal
/// (<c>&amp;#x2019;</c>). References must end with <c>;</c>, so <c>AT&amp;T</c> and <c>R&amp;D</c> are untouched.
/// Numeric references to 0x80-0x9F mean windows-1252 characters (as HTML5 specifies); NUL, surrogates and values beyond
/// U+10FFFF become U+FFFD. Double-encoded references (<c>&amp;amp;eacute;</c>, <c>&amp;amp;amp;</c>) are decoded all the
/// way, because in scraped text they are always an encoding accident, and because decoding only one layer would leave
/// the fix not idempotent. One count per reference decoded (each layer counts).
/// </summary>
public sealed class HtmlEntitiesFix : ISpanTextFix
{
    private const int MaxNameLength = 32;

    /// <inheritdoc />
    public string Name => FixNames.HtmlEntities;

    /// <inheritdoc />
    public string Apply(string text, out int changes) => SpanTextFix.Apply(this, text, out changes);

    /// <inheritdoc />
    bool ISpanTextFix.TryApply(ReadOnlySpan<char> text, PooledCharBuffer builder, out int changes)
    {
        changes = 0;
        var amp = text.IndexOf('&');
        if (amp < 0)
        {
            return false;
        }

        var copied = 0;
        while (amp >= 0)
        {
            var position = amp + 1;
            string? value = null;
            var decoded = 0;
            while (TryDecode(text[position..], out var entity, out var length))
            {
                decoded++;
                position += length;
                if (entity != "&")
                {
                    value = entity;
                    break;
                }

                value = "&"; // a decoded '&' may start another reference: &amp;amp; or &amp;eacute;
            }

            if (decoded > 0)
            {
                builder.Append(text[copied..amp]).Append(value);
                copied = position;
                changes += decoded;
            }

            var nextAmp = position < text.Length ? text[position..].IndexOf('&') : -1;
            amp = nextAmp < 0 ? -1 : position + nextAmp;
        }

        if (changes == 0)
        {
            return false;
        }

        builder.Append(text[copied..]);
        return true;
    }

    /// <summary>Decodes the reference that <paramref name="s"/> (the text after an '&amp;') starts with.</summary>
    private static bool TryDecode(ReadOnlySpan<char> s, out string value, out int length)
    {
        value = string.Empty;
        length = 0;
        if (s.IsEmpty)
        {
            return false;
        }

        return s[0] == '#' ? TryDecodeNumeric(s, out value, out length) : TryDecodeNamed(s, out value, out length);
    }

    private static bool TryDecodeNumeric(ReadOnlySpan<char> s, out string value, out int length)
    {
        value = string.Empty;
        length = 0;
        var hex = s.Length > 1 && s[1] is 'x' or 'X';
        var start = hex ? 2 : 1;
        var end = start;
        while (end < s.Length && end - start < 8 && (hex ? char.IsAsciiHexDigit(s[end]) : char.IsAsciiDigit(s[end])))
        {
            end++;
        }

        if (end == start || end >= s.Length || s[end] != ';' ||
            !int.TryParse(s[start..end], hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return false;
        }

        length = end + 1;
        value = code switch
        {
            >= 0x80 and <= 0x9F => Windows1252.ToChar((byte)code).ToString(),
            0 or (>= 0xD800 and <= 0xDFFF) or > 0x10FFFF => "\uFFFD",
            _ => char.ConvertFromUtf32(code),
        };
        return true;
    }

    private static bool TryDecodeNamed(ReadOnlySpan<char> s, out string value, out int length)
    {
        value = string.Empty;
        length = 0;
        var end = 0;
        while (end < s.Length && end < MaxNameLength && char.IsAsciiLetterOrDigit(s[end]))
        {
            end++;
        }

        if (end == 0 || end >= s.Length || s[end] != ';' || !char.IsAsciiLetter(s[0]))
        {
            return false;
        }

        var name = s[..end];
        if (name.SequenceEqual("apos"))
        {
            value = "'";
        }
        else
        {
            var reference = string.Concat("&", name, ";");
            var decoded = WebUtility.HtmlDecode(reference);
            if (string.Equals(decoded, reference, StringComparison.Ordinal))
            {
                return false;
            }

            value = decoded;
        }

        length = end + 1;
        return true;
    }
}
