namespace Pipeline.Core.Html;

/// <summary>
/// What an HTML page's markup says about it (JSON-LD, Open Graph and other meta tags, <c>&lt;time&gt;</c>, bylines, the
/// <c>lang</c> attribute). Merged into the document's metadata ahead of what the text rules find. Null or empty where the
/// markup says nothing usable.
/// </summary>
public sealed record MarkupMetadata
{
    /// <summary>An empty instance: the markup said nothing.</summary>
    public static MarkupMetadata Empty { get; } = new();

    /// <summary>The headline (JSON-LD <c>headline</c>, <c>og:title</c>, the <c>&lt;title&gt;</c> without the site name, the h1).</summary>
    public string? Title { get; init; }

    /// <summary>Publication date, ISO 8601 (<c>yyyy-MM-dd</c>, or a timestamp with the page's own offset).</summary>
    public string? PublishedAt { get; init; }

    /// <summary>Authors who are persons: never a URL, a social handle or a news agency.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>The site or publisher (<c>og:site_name</c>, JSON-LD <c>publisher</c>).</summary>
    public string? Publisher { get; init; }

    /// <summary>ISO 639-1 code of the page's declared language (<c>&lt;html lang&gt;</c>, <c>content-language</c>, <c>og:locale</c>).</summary>
    public string? Language { get; init; }

    /// <summary>The canonical URL (<c>&lt;link rel=canonical&gt;</c>, else <c>og:url</c>), absolute http(s) only.</summary>
    public string? Url { get; init; }

    /// <summary>Image captions (<c>&lt;figcaption&gt;</c>), kept out of the text.</summary>
    public IReadOnlyList<string> ImageCaptions { get; init; } = [];
}
