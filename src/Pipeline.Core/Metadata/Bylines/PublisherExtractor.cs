using System.Text.RegularExpressions;
using Pipeline.Core.Metadata.Shared;
using Pipeline.Core.Structure;

namespace Pipeline.Core.Metadata.Bylines;

/// <summary>
/// The publishing outlet: from the dateline or byline, else a copyright line, else the closing bio; an
/// abbreviation ("NEO") is expanded when the text gives a long form whose capital initials match it.
/// </summary>
internal static partial class PublisherExtractor
{
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "the", "for", "and", "de", "du", "des", "la", "le", "der", "die", "für", "del", "&" };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ConnectorLookup = Connectors.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The publisher, or null.</summary>
    public static string? Extract(StructuredText text, Byline byline)
    {
        var publisher = byline.Publisher ?? CopyrightHolder(text) ?? byline.BioPublisher;
        if (publisher is null)
        {
            return null;
        }

        if (IsAbbreviation(publisher))
        {
            if (byline.BioPublisher is { } bio && InitialsOf(bio) == publisher)
            {
                return bio;
            }

            if (FindLongForm(text, publisher) is { } longForm)
            {
                return longForm;
            }
        }

        return OutletGazetteer.Canonicalise(publisher) ?? publisher;
    }

    private static string? CopyrightHolder(StructuredText text)
    {
        var blocks = text.Blocks;
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b].Span;
            if (block.Length <= 200 && (block.Contains('©') || block.Contains("opyright", StringComparison.Ordinal) || block.Contains("(c)", StringComparison.OrdinalIgnoreCase)))
            {
                // Tested on the span first; the captures need a string.
                if (Copyright().IsMatch(block) && Copyright().Match(block.ToString()) is { Success: true } m)
                {
                    return m.Groups["o"].ValueSpan.Trim().TrimEnd(".,").ToString();
                }
            }
        }

        return null;
    }

    private static bool IsAbbreviation(string s)
    {
        if (s.Length is < 2 or > 8)
        {
            return false;
        }

        var letter = false;
        foreach (var c in s)
        {
            if (!char.IsUpper(c) && c != '.')
            {
                return false;
            }

            letter |= char.IsLetter(c);
        }

        return letter;
    }

    /// <summary>Initials of the capitalised words ("New Eastern Outlook" -> "NEO"), skipping connectors.</summary>
    private static string InitialsOf(string phrase)
    {
        var initials = new System.Text.StringBuilder();
        foreach (var word in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (char.IsUpper(word[0]))
            {
                initials.Append(word[0]);
            }
            else if (!Connectors.Contains(word))
            {
                return "";
            }
        }

        return initials.ToString();
    }

    /// <summary>The first run of capitalised words in the text whose initials spell <paramref name="abbreviation"/>.</summary>
    private static string? FindLongForm(StructuredText text, string abbreviation)
    {
        var letters = abbreviation.Replace(".", "", StringComparison.Ordinal);
        var blocks = text.Blocks;
        for (var b = 0; b < blocks.Count; b++)
        {
            var s = blocks[b].Span;
            for (var i = s.IndexOf(letters[0]); i >= 0; i = i + 1 < s.Length && s[(i + 1)..].IndexOf(letters[0]) is var next and >= 0 ? i + 1 + next : -1)
            {
                if (i > 0 && char.IsLetterOrDigit(s[i - 1]))
                {
                    continue;
                }

                if (MatchInitials(s, i, letters) is { } end)
                {
                    return s[i..end].ToString();
                }
            }
        }

        return null;
    }

    private static int? MatchInitials(ReadOnlySpan<char> s, int start, string letters)
    {
        var pos = start;
        var matched = 0;
        var end = start;
        while (matched < letters.Length && pos < s.Length)
        {
            var wordEnd = pos;
            while (wordEnd < s.Length && (char.IsLetter(s[wordEnd]) || s[wordEnd] is '-' or '\'' or '’'))
            {
                wordEnd++;
            }

            if (wordEnd == pos)
            {
                return null;
            }

            var word = s[pos..wordEnd];
            if (word[0] == letters[matched] && word.Length > 1 && char.IsLower(word[1]))
            {
                matched++;
                end = wordEnd;
            }
            else if (matched == 0 || !ConnectorLookup.Contains(word))
            {
                return null;
            }

            if (matched == letters.Length)
            {
                break;
            }

            if (wordEnd >= s.Length || s[wordEnd] != ' ')
            {
                return null;
            }

            pos = wordEnd + 1;
        }

        if (matched != letters.Length || (end < s.Length && char.IsLetter(s[end])))
        {
            return null;
        }

        // The long form must end there: "New Eastern Outlook Weekly" does not spell NEO.
        var next = end + 1;
        return next < s.Length && s[end] == ' ' && char.IsUpper(s[next]) ? null : end;
    }

    [GeneratedRegex(@"(?:©|\([cC]\)|[Cc]opyright)\s*(?:[Cc]opyright\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(?<o>\p{Lu}[\p{L}\d&.'’ -]{1,60}?)\s*(?:\.|,|\||All\s+[Rr]ights|Tous\s+droits|Alle\s+Rechte|Todos\s+los|$)", RegexOptions.NonBacktracking)]
    private static partial Regex Copyright();
}
