using System.Text;
using Pipeline.Core.Decoding;

namespace Pipeline.Core.Html;

/// <summary>
/// Decides whether a decoded input is HTML and, for HTML, which charset it is read in: the byte order mark first, then the
/// charset the content type or the page declares, then the text decoder's detection, as browsers do.
/// </summary>
internal static class HtmlDecoding
{
    /// <summary>Whether the input is HTML: its content type says so, or its text starts like a page.</summary>
    public static bool IsHtml(string? contentType, ReadOnlySpan<char> text) =>
        HtmlSniffer.IsHtmlContentType(contentType) || HtmlSniffer.LooksLikeHtml(text);

    /// <summary>
    /// An input the text decoder found undecodable (a Cyrillic or CJK legacy charset is mostly bytes that are neither UTF-8
    /// nor plausible windows-1252) decoded in the charset it declares, when it is an HTML page that declares one.
    /// </summary>
    public static DecodeResult? DecodeDeclared(ReadOnlySpan<byte> bytes, string? contentType, DecodeResult rejected)
    {
        if (rejected.Rejection?.Reason != Documents.RejectionReasons.Undecodable || rejected.HadBom)
        {
            return null;
        }

        // Markup and charset labels are ASCII in every charset a page may declare, so a Latin-1 view of the start shows them.
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 1024)]);
        if (!IsHtml(contentType, head))
        {
            return null;
        }

        var declared = HtmlCharset.Resolve(HtmlSniffer.CharsetOf(contentType) ?? HtmlCharset.Declared(bytes));
        return declared is null or UTF8Encoding ? null : DecodeResult.Decoded(declared.GetString(bytes), declared.WebName, hadBom: false);
    }

    /// <summary>
    /// The decode of an HTML input in its declared charset, or <paramref name="detected"/> when that is already right.
    /// </summary>
    /// <param name="bytes">The raw input.</param>
    /// <param name="contentType">The recorded content type, whose charset comes before the page's own declaration.</param>
    /// <param name="detected">The text decoder's successful result.</param>
    public static DecodeResult Redecode(ReadOnlySpan<byte> bytes, string? contentType, DecodeResult detected)
    {
        // A BOM decides, and wide encodings were found from the bytes themselves: no ASCII declaration can overrule them.
        if (detected.HadBom || detected.Encoding is not (EncodingNames.Utf8 or EncodingNames.Windows1252))
        {
            return detected;
        }

        var declared = HtmlCharset.Resolve(HtmlSniffer.CharsetOf(contentType) ?? HtmlCharset.Declared(bytes));
        if (declared is null || declared.WebName == detected.Encoding)
        {
            return detected;
        }

        // Valid UTF-8 with non-ASCII in it is UTF-8 whatever the page says: scrapers transcode pages and keep their meta tag,
        // and legacy text is almost never valid UTF-8 by chance. A page declared UTF-8 that is not keeps the detection's
        // windows-1252 rather than a text full of U+FFFD.
        if (detected.Encoding == EncodingNames.Utf8 || declared is UTF8Encoding)
        {
            return detected;
        }

        var text = declared.GetString(bytes);
        return DecodeResult.Decoded(text, declared.WebName, hadBom: false);
    }
}
