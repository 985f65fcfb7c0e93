using System.Collections.Frozen;
using System.Text;

namespace Pipeline.Core.Html;

/// <summary>
/// Bounds element nesting in markup before it is parsed. An HTML5 parser checks each start tag against its stack of open
/// elements, so a page of unclosed <c>&lt;div&gt;&lt;span&gt;</c> runs (or tables in tables, thousands deep) costs time
/// quadratic in its size. One linear pass counts the elements left open and, past the limit, drops further start tags
/// (and the end tags that match them) while keeping their text, which is what a reader of such content would keep anyway.
/// </summary>
internal static class NestingLimiter
{
    /// <summary>Elements never left open on the parser's stack: void elements and those a following tag closes implicitly.</summary>
    private static readonly FrozenSet<string> NotCounted = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb", "rt", "rtc", "rp",
        "html", "head", "body", "colgroup", "caption");

    /// <summary>Elements whose content is raw text: a <c>&lt;</c> inside them is not a tag.</summary>
    private static readonly FrozenSet<string> RawText = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "script", "style", "textarea", "title", "xmp", "noembed", "noframes", "plaintext");

    /// <summary>
    /// <paramref name="markup"/> itself when it never holds elements more than <paramref name="maxOpen"/> levels deep (a
    /// table counting as its rows and cells too); else a copy with the start tags past that depth (and their end tags)
    /// removed.
    /// </summary>
    public static string Limit(string markup, int maxOpen)
    {
        var notCounted = NotCounted.GetAlternateLookup<ReadOnlySpan<char>>();
        var rawText = RawText.GetAlternateLookup<ReadOnlySpan<char>>();
        StringBuilder? output = null;
        var copiedTo = 0;
        var open = 0;
        var dropped = 0;
        var i = 0;
        while ((i = markup.IndexOf('<', i)) >= 0 && i + 1 < markup.Length)
        {
            if (markup.AsSpan(i).StartsWith("<!--", StringComparison.Ordinal))
            {
                var end = markup.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = end < 0 ? markup.Length : end + 3;
                continue;
            }

            var closing = markup[i + 1] == '/';
            var nameStart = i + (closing ? 2 : 1);
            if (nameStart >= markup.Length || !char.IsAsciiLetter(markup[nameStart]))
            {
                i++;
                continue;
            }

            var nameEnd = nameStart;
            while (nameEnd < markup.Length && (char.IsAsciiLetterOrDigit(markup[nameEnd]) || markup[nameEnd] is '-' or ':'))
            {
                nameEnd++;
            }

            var tagEnd = TagEnd(markup, nameEnd);
            var name = markup.AsSpan(nameStart, nameEnd - nameStart);
            if (!closing && rawText.Contains(name))
            {
                var close = markup.IndexOf("</" + name.ToString(), tagEnd, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? markup.Length : close;
                continue;
            }

            var selfClosing = tagEnd > 1 && markup[tagEnd - 2] == '/';
            var drop = false;
            if (!notCounted.Contains(name) && !selfClosing)
            {
                if (closing)
                {
                    if (dropped > 0)
                    {
                        dropped--;
                        drop = true;
                    }
                    else if (open > 0)
                    {
                        open = Math.Max(0, open - Levels(name));
                    }
                }
                else if (open + Levels(name) > maxOpen)
                {
                    dropped++;
                    drop = true;
                }
                else
                {
                    open += Levels(name);
                }
            }

            if (drop)
            {
                output ??= new StringBuilder(markup.Length);
                output.Append(markup, copiedTo, i - copiedTo);
                copiedTo = tagEnd;
            }

            i = tagEnd;
        }

        if (output is null)
        {
            return markup;
        }

        output.Append(markup, copiedTo, markup.Length - copiedTo);
        return output.ToString();
    }

    /// <summary>
    /// How deep an element takes the tree: a table brings the body, row and cell the parser adds or that follow without
    /// being counted, so tables nested in cells are four levels each.
    /// </summary>
    private static int Levels(ReadOnlySpan<char> name) => name.Equals("table", StringComparison.OrdinalIgnoreCase) ? 4 : 1;

    /// <summary>The index after the tag's <c>&gt;</c>, skipping quoted attribute values; the end of the markup when none.</summary>
    private static int TagEnd(string markup, int from)
    {
        char quote = '\0';
        for (var i = from; i < markup.Length; i++)
        {
            var c = markup[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'' && i > 0 && markup[i - 1] == '=')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i + 1;
            }
        }

        return markup.Length;
    }
}
