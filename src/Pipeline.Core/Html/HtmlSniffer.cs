namespace Pipeline.Core.Html;

/// <summary>Tells HTML from text by a content type or by the first characters, whatever the input's name.</summary>
internal static class HtmlSniffer
{
    /// <summary>How far into the text a doctype or an html, head or body tag is looked for.</summary>
    private const int SniffCharacters = 1024;

    private static readonly string[] Markers = ["<!doctype html", "<html", "<head", "<body"];

    /// <summary>Whether a content type (<c>text/html; charset=...</c>) names HTML or XHTML.</summary>
    public static bool IsHtmlContentType(string? contentType)
    {
        var media = MediaType(contentType);
        return media.Equals("text/html", StringComparison.OrdinalIgnoreCase)
            || media.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The <c>charset</c> parameter of a content type, when it has one.</summary>
    public static string? CharsetOf(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return null;
        }

        foreach (var part in contentType.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("charset=", StringComparison.OrdinalIgnoreCase))
            {
                var value = part["charset=".Length..].Trim().Trim('"', '\'');
                return value.Length == 0 ? null : value;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the text starts like an HTML page: after whitespace, its first character opens a tag and a doctype, or an
    /// <c>html</c>, <c>head</c> or <c>body</c> tag, comes within the first kilobyte (after an XML declaration or comments).
    /// </summary>
    public static bool LooksLikeHtml(ReadOnlySpan<char> text)
    {
        var start = 0;
        while (start < text.Length && (char.IsWhiteSpace(text[start]) || text[start] == '\uFEFF'))
        {
            start++;
        }

        if (start >= text.Length || text[start] != '<')
        {
            return false;
        }

        var head = text.Slice(start, Math.Min(SniffCharacters, text.Length - start));
        foreach (var marker in Markers)
        {
            var at = head.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            // The marker must be a whole tag name: "<header" and "<bodyguard>" are not "<head" and "<body".
            if (at >= 0 && (at + marker.Length == head.Length || !char.IsAsciiLetterOrDigit(head[at + marker.Length])))
            {
                return true;
            }
        }

        return false;
    }

    private static ReadOnlySpan<char> MediaType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return [];
        }

        var span = contentType.AsSpan();
        var semicolon = span.IndexOf(';');
        return (semicolon >= 0 ? span[..semicolon] : span).Trim();
    }
}
