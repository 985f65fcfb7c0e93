using System.Text.RegularExpressions;

namespace Pipeline.Core.Metadata;

/// <summary>URLs (http, https and bare www. forms) and e-mail addresses, distinct and in order.</summary>
internal static partial class LinkExtractor
{
    /// <summary>URLs in <paramref name="text"/>, with trailing punctuation left off.</summary>
    public static IReadOnlyList<string> Urls(string text)
    {
        if (!text.Contains("http", StringComparison.OrdinalIgnoreCase) && !text.Contains("www.", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var found = new List<string>();
        foreach (Match m in Url().Matches(text))
        {
            var url = m.Value.TrimEnd('.', ',', ';', ':', '!', '?', '\'', '"', '’', '”', '»');
            if (url.EndsWith(')') && !url.Contains('(', StringComparison.Ordinal))
            {
                url = url.TrimEnd(')');
            }

            if (url.Length > 8 && !found.Contains(url))
            {
                found.Add(url);
            }
        }

        return found;
    }

    /// <summary>E-mail addresses in <paramref name="text"/>.</summary>
    public static IReadOnlyList<string> Emails(string text)
    {
        if (!text.Contains('@', StringComparison.Ordinal))
        {
            return [];
        }

        var found = new List<string>();
        foreach (Match m in Email().Matches(text))
        {
            var email = m.Value.TrimEnd('.');
            if (!found.Contains(email, StringComparer.OrdinalIgnoreCase))
            {
                found.Add(email);
            }
        }

        return found;
    }

    [GeneratedRegex(@"(?:https?://|www\.)[^\s<>""'“”‘’\[\]{}|\\^`]+", RegexOptions.NonBacktracking | RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}", RegexOptions.NonBacktracking)]
    private static partial Regex Email();
}
