using AngleSharp.Dom;

namespace Pipeline.Core.Html;

/// <summary>
/// Reads <see cref="MarkupMetadata"/> from a parsed page, each field from the most reliable markup that gives it:
/// JSON-LD and Open Graph first, then other meta tags, then elements (<c>&lt;time&gt;</c>, bylines, the h1).
/// </summary>
internal static class MarkupMetadataReader
{
    /// <summary>Most byline-like elements looked at: a page that marks every teaser with an author class has hundreds.</summary>
    private const int MaxBylineElements = 50;

    /// <summary>Longest byline or date text kept for the text rules, in characters.</summary>
    private const int MaxHeaderLine = 160;

    /// <summary>Most byline and date texts kept for the text rules.</summary>
    private const int MaxHeaderLines = 8;

    /// <summary>Shortest paragraph, in characters, taken for the start of the article's text.</summary>
    private const int MinArticleParagraph = 80;

    private static readonly string[] DateKeys =
    [
        "article:published_time", "og:article:published_time", "og:published_time", "published_time", "datepublished",
        "article.published", "publishdate", "publish-date", "publish_date", "pubdate", "dc.date.issued", "dcterms.issued",
        "dc.date", "dcterms.date", "dcterms.created", "date", "sailthru.date", "parsely-pub-date", "article_date_original",
        "originalpublicationdate", "datecreated",
    ];

    private static readonly string[] AuthorKeys =
    [
        "author", "article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "byl", "twitter:creator",
    ];

    /// <summary>Reads the metadata of <paramref name="document"/> (before its furniture is removed).</summary>
    public static MarkupMetadata Read(IDocument document, HtmlOptions options)
    {
        var meta = MetaTags(document);
        var jsonLd = JsonLdArticle.Read(document.QuerySelectorAll("script[type]")
            .Where(s => s.GetAttribute("type")!.Contains("ld+json", StringComparison.OrdinalIgnoreCase))
            .Select(s => s.TextContent));

        var publisher = Name(meta.GetValueOrDefault("og:site_name")) ?? Name(jsonLd.Publisher) ?? Name(meta.GetValueOrDefault("application-name"));
        return new MarkupMetadata
        {
            Title = MarkupTitle.WithoutKicker(
                MarkupTitle.Choose(
                    Clean(jsonLd.Headline), Clean(meta.GetValueOrDefault("og:title")) ?? Clean(meta.GetValueOrDefault("twitter:title")),
                    Clean(document.Title), Headline(document, jsonLd.Headline, meta.GetValueOrDefault("og:title"), document.Title), publisher,
                    MarkedHeadline(document),
                    RepeatedHeadline(document, Clean(jsonLd.Headline), Clean(meta.GetValueOrDefault("og:title")),
                        Clean(meta.GetValueOrDefault("twitter:title")), Clean(document.Title))),
                KickedHeadlines(document)),
            PublishedAt = PublishedAt(document, jsonLd, meta),
            Authors = Authors(document, jsonLd, meta, publisher, options),
            Publisher = publisher,
            Language = Language(document, meta),
            Url = Url(document, meta),
            ImageCaptions = [.. document.QuerySelectorAll("figcaption").Select(f => Clean(f.TextContent)).OfType<string>().Distinct().Take(100)],
        };
    }

    private static Dictionary<string, string> MetaTags(IDocument document)
    {
        var tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in document.QuerySelectorAll("meta"))
        {
            var key = element.GetAttribute("property") ?? element.GetAttribute("name") ?? element.GetAttribute("itemprop") ?? element.GetAttribute("http-equiv");
            var value = element.GetAttribute("content");
            if (!string.IsNullOrWhiteSpace(key) && !string.IsNullOrWhiteSpace(value))
            {
                tags.TryAdd(key.Trim(), value.Trim());
            }
        }

        return tags;
    }

    private static string? PublishedAt(IDocument document, JsonLdArticle jsonLd, Dictionary<string, string> meta)
    {
        var date = MarkupPublishedAt(document, jsonLd, meta);
        return date is not null && date.Contains('T', StringComparison.Ordinal)
            ? LocalPublicationDate.Find(date, meta.Values.Concat(document.QuerySelectorAll("script").Select(s => s.TextContent))) ?? date
            : date;
    }

    private static string? MarkupPublishedAt(IDocument document, JsonLdArticle jsonLd, Dictionary<string, string> meta)
    {
        if (MarkupDates.Normalize(jsonLd.DatePublished) is { } fromJsonLd)
        {
            return fromJsonLd;
        }

        foreach (var key in DateKeys)
        {
            if (MarkupDates.Normalize(meta.GetValueOrDefault(key)) is { } date)
            {
                return date;
            }
        }

        // Microdata on an element, then the first <time> of the article or its header.
        foreach (var element in document.QuerySelectorAll("[itemprop=datePublished], time[pubdate], article time[datetime], header time[datetime], main time[datetime]"))
        {
            if (MarkupDates.Normalize(element.GetAttribute("datetime") ?? element.GetAttribute("content") ?? element.TextContent) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    private static IReadOnlyList<string> Authors(
        IDocument document, JsonLdArticle jsonLd, Dictionary<string, string> meta, string? publisher, HtmlOptions options)
    {
        var fromJsonLd = MarkupAuthors.Clean(jsonLd.Authors, publisher);
        if (fromJsonLd.Count > 0)
        {
            return fromJsonLd;
        }

        var fromMeta = MarkupAuthors.Clean(AuthorKeys.Select(k => meta.GetValueOrDefault(k)).OfType<string>().Take(1), publisher);
        if (fromMeta.Count > 0)
        {
            return fromMeta;
        }

        // Byline elements: microdata, rel=author links, then elements whose class names them a byline.
        var elements = document.QuerySelectorAll("[itemprop=author], [rel=author], [class*=byline], [class*=author-name], [class*=authorName], [class*=article-author], [class*=author]")
            .Take(MaxBylineElements);
        foreach (var element in elements)
        {
            var nameElement = element.QuerySelector("[itemprop=name]") ?? element;
            var text = nameElement.TextContent;
            if (text.Length > 200)
            {
                continue;
            }

            var names = MarkupAuthors.Clean([text], publisher);
            if (names.Count > 0)
            {
                return names;
            }
        }

        return [];
    }

    private static string? Language(IDocument document, Dictionary<string, string> meta)
    {
        var code = document.DocumentElement?.GetAttribute("lang") ?? document.DocumentElement?.GetAttribute("xml:lang")
            ?? meta.GetValueOrDefault("content-language") ?? meta.GetValueOrDefault("og:locale") ?? meta.GetValueOrDefault("language");
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var primary = code.Trim().Split('-', '_', ',', ' ')[0].ToLowerInvariant();
        return primary.Length == 2 && primary.All(char.IsAsciiLetterLower) ? primary : null;
    }

    private static string? Url(IDocument document, Dictionary<string, string> meta)
    {
        foreach (var candidate in (string?[])[document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"), meta.GetValueOrDefault("og:url")])
        {
            if (Uri.TryCreate(candidate?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                return uri.AbsoluteUri;
            }
        }

        return null;
    }

    /// <summary>A site's name: not a URL or a domain (some sites put their address in og:site_name).</summary>
    private static string? Name(string? value) =>
        Clean(value) is { } name && !name.Contains("://", StringComparison.Ordinal) && !name.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? name : null;

    /// <summary>
    /// The page's headline element: an h1 that the titles contain (the longest), else the first h1 of the article, else the
    /// first of several words (a logo is often an h1 too).
    /// </summary>
    private static string? Headline(IDocument document, params string?[] titles)
    {
        var h1s = document.QuerySelectorAll("h1").Take(20).Select(h => (Element: h, Text: Clean(h.TextContent))).Where(h => h.Text is not null).ToList();
        var inTitles = h1s.Where(h => titles.Any(t => t is not null && Clean(t) is { } title && title.Contains(h.Text!, StringComparison.OrdinalIgnoreCase) && h.Text!.Length >= 10))
            .OrderByDescending(h => h.Text!.Length).FirstOrDefault();
        if (inTitles.Text is not null)
        {
            return inTitles.Text;
        }

        return h1s.FirstOrDefault(h => h.Element.Closest("article, main, [itemprop=articleBody]") is not null).Text
            ?? h1s.FirstOrDefault(h => h.Text!.Split(' ').Length >= 3).Text
            ?? h1s.FirstOrDefault().Text;
    }

    /// <summary>
    /// The text of the first h2 or microdata headline element (not an h1, which <see cref="Headline"/> reads) that one of
    /// <paramref name="titles"/> prints word for word: the headline readers see, confirmed by a title field, on pages that
    /// keep the h1 for a logo, a breadcrumb or a teaser; else null.
    /// </summary>
    private static string? RepeatedHeadline(IDocument document, params string?[] titles) =>
        document.QuerySelectorAll("h2, [itemprop=headline]").Take(40)
            .Where(e => e.LocalName is not ("h1" or "meta"))
            .Select(e => Clean(e.TextContent))
            .FirstOrDefault(text => text is { Length: >= 10 } && titles.Any(t => t is not null && MarkupTitle.Same(t, text)));

    /// <summary>
    /// The text of the first h1 whose class or microdata calls it the headline ("pg-headline", <c>itemprop=headline</c>),
    /// when it has a headline's length (four words or more); else null.
    /// </summary>
    private static string? MarkedHeadline(IDocument document) =>
        document.QuerySelectorAll("h1").Take(20)
            .Where(h => h.GetAttribute("itemprop") is "headline" || ClassNames.Of(h).Contains("headline", StringComparison.OrdinalIgnoreCase))
            .Select(h => Clean(h.TextContent))
            .FirstOrDefault(t => t is not null && t.Split(' ').Length >= 4);

    /// <summary>
    /// The headlines of the h1s, then the h2s, that hold a kicker element ("&lt;span class=dachzeile&gt;Kicker&lt;/span&gt;
    /// &lt;span&gt;Headline&lt;/span&gt;"), without the kicker and the screen-reader separator. The title loses its kicker
    /// only when it ends with one of them, so a teaser's kicked headline elsewhere on the page changes nothing.
    /// </summary>
    private static List<string> KickedHeadlines(IDocument document)
    {
        var found = new List<string>();
        foreach (var heading in document.QuerySelectorAll("h1").Take(20).Concat(document.QuerySelectorAll("h2").Take(40)))
        {
            var kickers = heading.Descendants<IElement>().Where(e => ClassNames.IsKicker(ClassNames.Of(e)) || ClassNames.IsVisuallyHidden(ClassNames.Of(e))).ToList();
            if (!kickers.Any(e => ClassNames.IsKicker(ClassNames.Of(e))))
            {
                continue;
            }

            var text = new System.Text.StringBuilder();
            foreach (var node in heading.Descendants().OfType<IText>())
            {
                if (!kickers.Any(k => k.Contains(node)))
                {
                    text.Append(node.Data).Append(' ');
                }
            }

            if (Clean(text.ToString()) is { } headline)
            {
                found.Add(headline);
            }
        }

        return found;
    }

    /// <summary>
    /// The short texts of the elements that usually hold the byline and the date (by class or id, and <c>&lt;time&gt;</c>),
    /// in page order from the headline on: the text rules find dates and authors in them that the markup does not give.
    /// </summary>
    public static List<string> HeaderLines(IDocument document)
    {
        var lines = new List<string>();
        var h1 = document.QuerySelectorAll("h1").FirstOrDefault(h => h.Closest("article, main") is not null) ?? document.QuerySelector("h1");
        var seenHeadline = h1 is null;
        // Looked up only when an aside asks: most pages have none after the headline.
        var articleStart = new Lazy<IElement?>(() => h1 is null ? null : FirstArticleParagraph(h1), LazyThreadSafetyMode.None);
        foreach (var element in document.QuerySelectorAll("h1, time, [class*=date], [class*=Date], [class*=time], [class*=byline], [class*=author], [class*=dateline], [class*=tagline], [class*=meta], [class*=publish], [id*=date], [id*=byline], [id*=author]"))
        {
            if (!seenHeadline)
            {
                seenHeadline = element == h1;
                continue;
            }

            if (element.LocalName == "h1" || element.Closest("footer, nav, [class*=comment]") is not null
                || element.Closest("aside") is not null && !BeforeArticleText(element, articleStart.Value))
            {
                continue;
            }

            var attribute = element.GetAttribute("datetime") ?? element.GetAttribute("content") ?? element.GetAttribute("title");
            var text = MarkupDates.Normalize(attribute) ?? Clean(element.TextContent);
            if (text is { Length: <= MaxHeaderLine } && !lines.Contains(text))
            {
                lines.Add(text);
                if (lines.Count >= MaxHeaderLines)
                {
                    break;
                }
            }
        }

        return lines;
    }

    /// <summary>
    /// True when <paramref name="element"/> comes before the article's first paragraph of article length: an aside there is
    /// the article's meta column (date, reading time), while asides further on hold teasers with other articles' dates.
    /// </summary>
    private static bool BeforeArticleText(IElement element, IElement? articleStart) =>
        articleStart is null || element.CompareDocumentPosition(articleStart).HasFlag(DocumentPositions.Following);

    private static IElement? FirstArticleParagraph(IElement headline) =>
        headline.Owner?.QuerySelectorAll("p")
            .FirstOrDefault(p => headline.CompareDocumentPosition(p).HasFlag(DocumentPositions.Following) && p.TextContent.Length >= MinArticleParagraph);

    /// <summary>Whitespace folded; null when nothing is left or the text is too long to be a field.</summary>
    internal static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 2000)
        {
            return null;
        }

        var folded = string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        folded = System.Net.WebUtility.HtmlDecode(folded);
        return folded.Length == 0 ? null : folded;
    }
}
