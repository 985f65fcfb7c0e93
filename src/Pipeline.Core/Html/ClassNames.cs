using System.Text.RegularExpressions;

namespace Pipeline.Core.Html;

/// <summary>
/// What an element's class and id say about it, in the spirit of Readability's patterns: furniture ("comment", "share",
/// "sidebar"), article text ("article", "content", "story"), and how much a container's score is raised or lowered.
/// </summary>
internal static partial class ClassNames
{
    /// <summary>The class and id of an element, joined.</summary>
    public static string Of(AngleSharp.Dom.IElement element)
    {
        var classes = element.GetAttribute("class");
        var id = element.Id;
        return string.IsNullOrEmpty(id) ? classes ?? string.Empty : string.IsNullOrEmpty(classes) ? id : classes + " " + id;
    }

    /// <summary>Whether the names mark furniture, and nothing in them marks article text.</summary>
    public static bool IsUnlikely(string names) =>
        names.Length > 0 && names.Length < 500 && Unlikely().IsMatch(names) && !MaybeContent().IsMatch(names);

    /// <summary>Readability's class weight: +25 for article-like names, -25 for furniture-like ones.</summary>
    public static int Weight(string names)
    {
        if (names.Length == 0 || names.Length > 500)
        {
            return 0;
        }

        var weight = 0;
        if (Negative().IsMatch(names))
        {
            weight -= 25;
        }

        if (Positive().IsMatch(names))
        {
            weight += 25;
        }

        return weight;
    }

    [GeneratedRegex(@"-ad-|\bad-|\bads?\b|advert|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|cookie|consent|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|share|sharing|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|newsletter|subscri|signup|promo|recommend|outbrain|taboola|navigation|\bnav\b|toolbar|author-?bio|about-?author|tags\b|taglist|most-?read|trending|widget|modal|overlay",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Unlikely();

    /// <summary>Whether the names mark a byline or date line, which the metadata holds and the text leaves out.</summary>
    public static bool IsByline(string names) => names.Length is > 0 and < 500 && Byline().IsMatch(names);

    [GeneratedRegex(@"byline|\bauthors?\b|author-?(?:name|info|box)|article-?meta|post-?meta|entry-?meta|\bmeta\b|publish(?:ed)?-?date|timestamp",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Byline();

    /// <summary>Whether the names mark an article's lead or standfirst, which pages put beside the body rather than in it.</summary>
    public static bool IsLead(string names) => names.Length is > 0 and < 500 && Lead().IsMatch(names);

    /// <summary>Whether the names mark a headline's kicker, the label line above or before it ("Dachzeile", "overline", "eyebrow").</summary>
    public static bool IsKicker(string names) => names.Length is > 0 and < 500 && Kicker().IsMatch(names);

    /// <summary>Whether the names mark text shown only to screen readers, such as the dash between a kicker and its headline.</summary>
    public static bool IsVisuallyHidden(string names) => names.Length is > 0 and < 500 && VisuallyHidden().IsMatch(names);

    [GeneratedRegex(@"kicker|dachzeile|spitzmarke|overline|eyebrow|supertitle|super-title|roofline|topline|titleheader|title-?header|antetitulo|surtitre|occhiello",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Kicker();

    [GeneratedRegex(@"visually-?hidden|sr-only|screen-?reader|hiddendash|\bhidden\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex VisuallyHidden();

    [GeneratedRegex(@"lead|intro|excerpt|standfirst|summary|subtitle|subline|perex|teaser|abstract|\bdek\b|\bdeck\b|chapeau|chapo|entradilla|bajada|sapo",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Lead();

    [GeneratedRegex(@"\band\b|article|body|column|content|main|mathjax|shadow|story|entry|post-?text|text-?body",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MaybeContent();

    [GeneratedRegex(@"-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|teaser|byline|author|caption|credit",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Negative();

    [GeneratedRegex(@"article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Positive();
}
