using System.Text.RegularExpressions;
using Pipeline.Core.Structure;

namespace Pipeline.Core.Metadata;

/// <summary>URLs (http, https and bare www. forms) and e-mail addresses, distinct and in order.</summary>
internal static partial class LinkExtractor
{
    /// <summary>URLs in the blocks of <paramref name="text"/>, in order and distinct.</summary>
    public static IReadOnlyList<string> Urls(StructuredText text) => Distinct(text, Urls, StringComparer.Ordinal);

    /// <summary>E-mail addresses in the blocks of <paramref name="text"/>, in order and distinct (ignoring case).</summary>
    public static IReadOnlyList<string> Emails(StructuredText text) => Distinct(text, Emails, StringComparer.OrdinalIgnoreCase);

    // Links never span the blank line between blocks, so the blocks are searched one by one.
    private static IReadOnlyList<string> Distinct(StructuredText text, Func<string, IReadOnlyList<string>> find, StringComparer comparer)
    {
        List<string>? all = null;
        foreach (var block in text.Blocks)
        {
            foreach (var link in find(block.Text))
            {
                all ??= [];
                if (!all.Contains(link, comparer))
                {
                    all.Add(link);
                }
            }
        }

        return all is null ? [] : all;
    }

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
