using System.Buffers;
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
    /// <remarks>
    /// A scan rather than a regex: the NonBacktracking engine allocated about 2 KB per character of a long URL
    /// the first time it met one (a 1 MB URL took seconds), while a URL is just a prefix and a run of allowed characters.
    /// </remarks>
    public static IReadOnlyList<string> Urls(string text)
    {
        if (!text.Contains("http", StringComparison.OrdinalIgnoreCase) && !text.Contains("www.", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var span = text.AsSpan();
        var at = 0;
        while (at < span.Length)
        {
            var next = span[at..].IndexOfAny(UrlStarts);
            if (next < 0)
            {
                break;
            }

            var start = at + next;
            var prefix = UrlPrefixLength(span[start..]);
            if (prefix == 0)
            {
                at = start + 1;
                continue;
            }

            var run = span[(start + prefix)..].IndexOfAny(NotInUrl);
            var end = run < 0 ? span.Length : start + prefix + run;
            if (end == start + prefix)
            {
                at = start + 1;
                continue;
            }

            at = end;
            var url = text[start..end].TrimEnd('.', ',', ';', ':', '!', '?', '\'', '"', '’', '”', '»');
            if (url.EndsWith(')') && !url.Contains('(', StringComparison.Ordinal))
            {
                url = url.TrimEnd(')');
            }

            if (url.Length > 8 && seen.Add(url))
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
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase); // a list scan per address was quadratic in e-mail floods
        foreach (Match m in Email().Matches(text))
        {
            var email = m.Value.TrimEnd('.');
            if (seen.Add(email))
            {
                found.Add(email);
            }
        }

        return found;
    }

    /// <summary>First letters of "http://", "https://" and "www.", either case.</summary>
    private static readonly SearchValues<char> UrlStarts = SearchValues.Create("hHwW");

    /// <summary>What ends a URL: white space (as regex \s: \f\n\r\t\v, U+0085 and the Z categories), quotes, brackets and a few symbols.</summary>
    private static readonly SearchValues<char> NotInUrl = SearchValues.Create(
        " \t\n\v\f\r\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000" +
        "<>\"'“”‘’[]{}|\\^`");

    /// <summary>Length of the URL prefix ("https://", "http://" or "www.", any case) at the start of <paramref name="s"/>, or 0.</summary>
    private static int UrlPrefixLength(ReadOnlySpan<char> s)
    {
        foreach (var prefix in (ReadOnlySpan<string>)["https://", "http://", "www."])
        {
            if (s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return prefix.Length;
            }
        }

        return 0;
    }

    [GeneratedRegex(@"[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}", RegexOptions.NonBacktracking)]
    private static partial Regex Email();
}
