using System.Text.RegularExpressions;
using Pipeline.Core.Structure;

namespace Pipeline.Core.Metadata;

/// <summary>
/// The publishing outlet: from the dateline or byline, else a copyright line, else the closing bio; an
/// abbreviation ("NEO") is expanded when the text gives a long form whose capital initials match it.
/// </summary>
internal static partial class PublisherExtractor
{
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "the", "for", "and", "de", "du", "des", "la", "le", "der", "die", "für", "del", "&" };

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
        foreach (var block in text.Blocks)
        {
            if (block.Text.Length <= 200 && (block.Text.Contains('©') || block.Text.Contains("opyright", StringComparison.Ordinal) || block.Text.Contains("(c)", StringComparison.OrdinalIgnoreCase)))
            {
                if (Copyright().Match(block.Text) is { Success: true } m)
                {
                    return m.Groups["o"].Value.Trim().TrimEnd('.', ',');
                }
            }
        }

        return null;
    }

    private static bool IsAbbreviation(string s) => s.Length is >= 2 and <= 8 && s.All(c => char.IsUpper(c) || c == '.') && s.Any(char.IsLetter);

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
        foreach (var block in text.Blocks)
        {
            var s = block.Text;
            for (var i = s.IndexOf(letters[0]); i >= 0; i = i + 1 < s.Length ? s.IndexOf(letters[0], i + 1) : -1)
            {
                if (i > 0 && char.IsLetterOrDigit(s[i - 1]))
                {
                    continue;
                }

                if (MatchInitials(s, i, letters) is { } end)
                {
                    return s[i..end];
                }
            }
        }

        return null;
    }

    private static int? MatchInitials(string s, int start, string letters)
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

            var word = s.AsSpan(pos, wordEnd - pos);
            if (word[0] == letters[matched] && word.Length > 1 && char.IsLower(word[1]))
            {
                matched++;
                end = wordEnd;
            }
            else if (matched == 0 || !Connectors.Contains(word.ToString()))
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
