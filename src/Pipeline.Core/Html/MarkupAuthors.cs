using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Pipeline.Core.Html;

/// <summary>
/// Author names as markup gives them (JSON-LD, meta tags, byline elements) made into person names: "By" and roles cut,
/// lists split, and anything that is not a person left out (URLs, handles, e-mail addresses, agencies, desks, the site).
/// </summary>
internal static partial class MarkupAuthors
{
    /// <summary>Longest name taken, in characters; longer "bylines" are sentences or whole boxes of text.</summary>
    private const int MaxNameLength = 60;

    /// <summary>News agencies and generic credits: credited as authors, but not persons.</summary>
    private static readonly FrozenSet<string> NotPersons = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "dpa", "afp", "ap", "reuters", "ansa", "efe", "agencia efe", "epd", "kna", "sid", "apa", "sda", "ats", "jiji", "kyodo",
        "xinhua", "tass", "ria novosti", "interfax", "pap", "ani", "pti", "ians", "upi", "bloomberg", "associated press",
        "the associated press", "agence france-presse", "afp-jiji", "dpa-afx", "red", "redaktion", "redaction", "rédaction",
        "redacción", "staff", "admin", "administrator", "editor", "editors", "newsroom", "team", "guest", "unknown",
        "anonymous", "web", "online", "desk", "news desk", "staff writer", "staff reporter", "editorial", "editorial board");

    /// <summary>The persons among <paramref name="raw"/> names, in order, each once.</summary>
    /// <param name="raw">Names as the markup gives them.</param>
    /// <param name="publisher">The site's name, which is not an author.</param>
    public static IReadOnlyList<string> Clean(IEnumerable<string> raw, string? publisher)
    {
        var result = new List<string>();
        foreach (var value in raw)
        {
            foreach (var name in Split(value))
            {
                if (IsPerson(name, publisher) && !result.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    result.Add(name);
                }
            }
        }

        return result;
    }

    private static IEnumerable<string> Split(string value)
    {
        var text = Whitespace().Replace(value, " ").Trim();
        if (text.Length == 0 || text.Length > 4 * MaxNameLength)
        {
            yield break;
        }

        text = ByPrefix().Replace(text, string.Empty);
        foreach (var part in Separators().Split(text))
        {
            var name = Role().Replace(part, string.Empty).Trim(' ', ',', ';', '|', '/', '-', '–', '—', ':', '.', '·');
            if (name.Length > 0)
            {
                yield return CaseOf(name);
            }
        }
    }

    private static bool IsPerson(string name, string? publisher)
    {
        if (name.Length is < 3 or > MaxNameLength || NotPersons.Contains(name))
        {
            return false;
        }

        if (name.Contains("://", StringComparison.Ordinal) || name.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
            || name.Contains('@') || name.Any(char.IsDigit) || name.Contains('.') && !name.Contains(' '))
        {
            return false;
        }

        if (publisher is not null && (name.Equals(publisher, StringComparison.OrdinalIgnoreCase)
            || publisher.Contains(name, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        // A person's name is one to five words that start with a letter (CJK names have no spaces and no case).
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 5 || !char.IsLetter(name[0]))
        {
            return false;
        }

        return words.Length > 1 || name.Any(c => c > '\u2E80');
    }

    /// <summary>An all-capitals name ("JANE DOE") in title case; any other casing is the page's own.</summary>
    private static string CaseOf(string name)
    {
        if (name.Any(char.IsLower) || !name.Any(char.IsUpper))
        {
            return name;
        }

        return string.Join(' ', name.Split(' ').Select(w => w.Length <= 1 ? w : char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()));
    }

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?:(?:written|posted|text|reported|words|interview|story|article|autor(?:in|a|ka|e)?|auteur(?:e)?|author|texto|textos|teksts|tekst)\s*(?:by|von|:)?\s*:?\s*|by\s+|von\s+|par\s+|por\s+|di\s+|door\s+|af\s+|av\s+|przez\s+|de\s+(?=\p{Lu}))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ByPrefix();

    [GeneratedRegex(@"\s*(?:,|;|\||/|&|\+|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bi\b|\boraz\b|\bи\b|、|，)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Separators();

    [GeneratedRegex(@"\s*[\(\[].*?[\)\]]\s*|\s+(?:is|ist|est|es)\s+.*$|,?\s*(?:staff writer|correspondent|reporter|redakteur(?:in)?|editor|korrespondent(?:in)?)\b.*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Role();
}
