using System.Buffers;
using System.Text.RegularExpressions;
using Pipeline.Core.Structure;

namespace Pipeline.Core.Metadata.Citations;

/// <summary>URLs (http, https and bare www. forms) and e-mail addresses, distinct and in order.</summary>
internal static partial class LinkExtractor
{
    /// <summary>URLs in the blocks of <paramref name="text"/>, in order and distinct.</summary>
    public static IReadOnlyList<string> Urls(StructuredText text)
    {
        // Links never span the blank line between blocks, so the blocks are searched one by one.
        var found = new Found(StringComparer.Ordinal);
        var blocks = text.Blocks;
        for (var b = 0; b < blocks.Count; b++)
        {
            AddUrls(blocks[b].Span, ref found);
        }

        return found.Result;
    }

    /// <summary>E-mail addresses in the blocks of <paramref name="text"/>, in order and distinct (ignoring case).</summary>
    public static IReadOnlyList<string> Emails(StructuredText text)
    {
        var found = new Found(StringComparer.OrdinalIgnoreCase);
        var blocks = text.Blocks;
        for (var b = 0; b < blocks.Count; b++)
        {
            AddEmails(blocks[b].Span, ref found);
        }

        return found.Result;
    }

    /// <summary>URLs in <paramref name="text"/>, with trailing punctuation left off, distinct and in order.</summary>
    public static IReadOnlyList<string> Urls(ReadOnlySpan<char> text)
    {
        var found = new Found(StringComparer.Ordinal);
        AddUrls(text, ref found);
        return found.Result;
    }

    /// <summary>E-mail addresses in <paramref name="text"/>, distinct (ignoring case) and in order.</summary>
    public static IReadOnlyList<string> Emails(ReadOnlySpan<char> text)
    {
        var found = new Found(StringComparer.OrdinalIgnoreCase);
        AddEmails(text, ref found);
        return found.Result;
    }

    /// <summary>Links found so far: the collections are made with the first link (most texts have none).</summary>
    private struct Found(StringComparer comparer)
    {
        private List<string>? _list;
        private HashSet<string>? _seen;

        public readonly IReadOnlyList<string> Result => _list is null ? [] : _list;

        /// <summary>Adds <paramref name="link"/> unless an equal one is in; a string is made only for a new link.</summary>
        public void Add(ReadOnlySpan<char> link)
        {
            _seen ??= new HashSet<string>(comparer);
            var lookup = _seen.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.Contains(link))
            {
                return;
            }

            var made = link.ToString();
            _seen.Add(made);
            (_list ??= []).Add(made);
        }
    }

    /// <remarks>
    /// A scan rather than a regex: the NonBacktracking engine allocated about 2 KB per character of a long URL
    /// the first time it met one (a 1 MB URL took seconds), while a URL is just a prefix and a run of allowed characters.
    /// </remarks>
    private static void AddUrls(ReadOnlySpan<char> span, ref Found found)
    {
        if (!span.Contains("http", StringComparison.OrdinalIgnoreCase) && !span.Contains("www.", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

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
            var url = span[start..end].TrimEnd(".,;:!?'\"’”»");
            if (url.EndsWith(')') && !url.Contains('('))
            {
                url = url.TrimEnd(')');
            }

            if (url.Length > 8)
            {
                found.Add(url);
            }
        }
    }

    private static void AddEmails(ReadOnlySpan<char> text, ref Found found)
    {
        if (!text.Contains('@'))
        {
            return;
        }

        foreach (var m in Email().EnumerateMatches(text))
        {
            found.Add(text.Slice(m.Index, m.Length).TrimEnd('.'));
        }
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
