using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Core.Html;

/// <summary>
/// The charset an HTML page declares (<c>&lt;meta charset&gt;</c> or <c>http-equiv="Content-Type"</c>), read from its first
/// bytes as browsers prescan them, and the encodings those labels name (WHATWG aliases: latin1 is windows-1252).
/// </summary>
internal static partial class HtmlCharset
{
    /// <summary>
    /// Bytes prescanned for a declaration. Browsers read 1,024; scraped pages often put scripts first and the declaration
    /// later, and the scan is cheap, so further.
    /// </summary>
    private const int PrescanBytes = 8192;

    /// <summary>The charset label a page declares in its first bytes, or null.</summary>
    public static string? Declared(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, PrescanBytes)];
        // Labels are ASCII; Latin-1 maps every byte to one character, so offsets and ASCII survive whatever the encoding.
        var text = Encoding.Latin1.GetString(head);
        var match = MetaCharset().Match(text);
        return match.Success ? match.Groups["label"].Value : null;
    }

    /// <summary>
    /// The encoding a label names, or null for a label .NET does not know. UTF-16 labels in markup are read as UTF-8, as
    /// browsers do (a page that could read its own meta tag as ASCII is not UTF-16).
    /// </summary>
    public static Encoding? Resolve(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var name = label.Trim().ToLowerInvariant();
        name = name switch
        {
            "latin1" or "latin-1" or "iso-8859-1" or "iso8859-1" or "l1" or "us-ascii" or "ascii" or "cp1252" or "x-cp1252" => "windows-1252",
            "utf8" or "unicode-1-1-utf-8" or "utf-16" or "utf-16le" or "utf-16be" or "unicode" => "utf-8",
            "gb2312" or "gbk" or "x-gbk" => "gbk",
            "shift-jis" or "sjis" or "x-sjis" or "ms_kanji" => "shift_jis",
            _ => name,
        };
        try
        {
            return name == "utf-8"
                ? new UTF8Encoding(false, false)
                : CodePagesEncodingProvider.Instance.GetEncoding(name) ?? Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex("""<meta\b[^>]{0,512}?charset\s*=\s*["']?\s*(?<label>[A-Za-z0-9_.:\-]{2,40})""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MetaCharset();
}
