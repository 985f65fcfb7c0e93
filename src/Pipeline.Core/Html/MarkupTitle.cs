namespace Pipeline.Core.Html;

/// <summary>
/// Chooses a page's headline among what its markup offers, and cuts the site's name off it: "Headline | Site",
/// "Site - Headline" and "Headline - Section - Site" all give "Headline".
/// </summary>
internal static class MarkupTitle
{
    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", " :: ", " » ", " « ", " · ", " • ", " / ", " || ", " ~ "];

    /// <summary>
    /// The headline: JSON-LD's, else an h1 the page marks as the headline (<paramref name="markedH1"/>), else Open Graph's,
    /// else the document title's, else the h1, each without the site name. <paramref name="repeated"/> is a heading or
    /// microdata headline other than the h1 that a title field prints word for word: it wins over JSON-LD as such an h1 does.
    /// </summary>
    public static string? Choose(
        string? headline, string? openGraph, string? documentTitle, string? h1, string? publisher, string? markedH1 = null, string? repeated = null)
    {
        // A candidate that is the h1 word for word is the headline as the page shows it, whichever field it came from
        // (JSON-LD may describe a video or the page rather than the article).
        if (h1 is { Length: <= 300 } && ((string?[])[headline, openGraph, documentTitle]).Any(c => c is not null && Same(c, h1)))
        {
            return h1;
        }

        if (repeated is { Length: <= 300 })
        {
            return repeated;
        }

        // Open Graph and the document title are often social or search copy written apart from the headline; an h1 the
        // page marks as its headline is the one readers see.
        if (headline is null && markedH1 is { Length: <= 300 })
        {
            return markedH1;
        }

        foreach (var candidate in (string?[])[headline, openGraph, documentTitle])
        {
            if (candidate is not null && WithoutSite(candidate, publisher, h1) is { Length: > 0 } title)
            {
                return title;
            }
        }

        return h1 is { Length: <= 300 } ? h1 : null;
    }

    /// <summary>
    /// <paramref name="title"/> without the kicker a heading of the page marks as one ("Kicker: Headline" gives
    /// "Headline"), when the title ends with that heading's headline; else the title unchanged.
    /// </summary>
    public static string? WithoutKicker(string? title, IEnumerable<string> kickedHeadlines)
    {
        foreach (var kicked in kickedHeadlines)
        {
            if (title is not null && kicked is { Length: >= 10 } && title.Length > kicked.Length &&
                Fold(title).EndsWith(Fold(kicked), StringComparison.OrdinalIgnoreCase))
            {
                return kicked;
            }
        }

        return title;
    }

    private static string Fold(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The title with the site's name (and a section name beside it) cut off.</summary>
    internal static string? WithoutSite(string title, string? publisher, string? h1)
    {
        // The h1 is the headline as the page shows it: a title that contains it is the h1 plus furniture.
        if (h1 is { Length: >= 10 } && title.Length > h1.Length && title.Contains(h1, StringComparison.OrdinalIgnoreCase))
        {
            return h1;
        }

        if (CjkSiteSuffix(title) is { } cut)
        {
            return cut;
        }

        foreach (var separator in Separators)
        {
            var parts = title.Split(separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2)
            {
                continue;
            }

            // Drop the parts that name the site; what is left, joined, is the headline (a headline may contain the separator).
            var kept = parts.Where(p => !IsSiteName(p, publisher)).ToList();
            if (kept.Count == parts.Length)
            {
                // No part is known to be the site: the site is the short end part (or start part) of the title.
                var last = parts[^1];
                var first = parts[0];
                if (Words(last) <= 4 && Words(string.Join(separator, parts[..^1])) >= Words(last))
                {
                    kept = [.. parts[..^1]];
                }
                else if (Words(first) <= 3 && Words(string.Join(separator, parts[1..])) > 2 * Words(first))
                {
                    kept = [.. parts[1..]];
                }
            }

            if (kept.Count > 0)
            {
                return string.Join(separator, kept);
            }
        }

        return title.Length <= 300 ? title : null;
    }

    /// <summary>Whether two titles are the same words, ignoring case and spacing.</summary>
    internal static bool Same(string a, string b) =>
        string.Equals(string.Join(' ', a.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
            string.Join(' ', b.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.OrdinalIgnoreCase);

    /// <summary>Chinese and Japanese titles join the site's name without spaces: "标题-新华网", "見出し｜サイト".</summary>
    private static string? CjkSiteSuffix(string title)
    {
        var at = title.LastIndexOfAny(['-', '_', '|', '｜', '—', '–']);
        if (at <= 0 || at < title.Length - 12 || !title.Any(c => c is >= '぀' and <= '鿿'))
        {
            return null;
        }

        var head = title[..at].TrimEnd();
        var tail = title[(at + 1)..].Trim();
        return tail.Length is > 0 and <= 10 && !tail.Contains(' ') && head.Length > 2 * tail.Length ? head : null;
    }

    private static bool IsSiteName(string part, string? publisher)
    {
        if (publisher is null)
        {
            return false;
        }

        return part.Equals(publisher, StringComparison.OrdinalIgnoreCase)
            || part.Replace(" ", "", StringComparison.Ordinal).Equals(publisher.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)
            || publisher.Length >= 3 && part.Length <= publisher.Length + 12 && part.Contains(publisher, StringComparison.OrdinalIgnoreCase)
            || part.Length >= 3 && publisher.Length <= part.Length + 12 && publisher.Contains(part, StringComparison.OrdinalIgnoreCase) && Words(part) <= 3;
    }

    private static int Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
