using System.Text;

namespace Pipeline.Core.Metadata.Shared;

/// <summary>Compares header lines the way a reader would: case, quotes, dashes, spacing and Markdown marks aside.</summary>
internal static class HeaderText
{
    /// <summary>The folded form of <paramref name="s"/>: lower case, one kind of quote and dash, single spaces.</summary>
    public static string Fold(ReadOnlySpan<char> s)
    {
        s = Clean(s);
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c switch
            {
                '“' or '”' or '„' or '«' or '»' or '‟' => '"',
                '‘' or '’' or '‚' or '‛' or '`' or '´' => '\'',
                '–' or '—' or '‐' or '‑' or '‒' or '―' or '−' => '-',
                _ => char.ToLowerInvariant(c),
            });
        }

        return sb.ToString();
    }

    /// <summary><paramref name="s"/> without surrounding spaces and the Markdown marks a dumper wraps headings in.</summary>
    public static ReadOnlySpan<char> Clean(ReadOnlySpan<char> s)
    {
        s = s.Trim();
        var lead = 0;
        while (lead < s.Length && s[lead] is '#' or '*' or '_' or '>')
        {
            lead++;
        }

        var tail = s.Length;
        while (tail > lead && s[tail - 1] is '*' or '_' or '#')
        {
            tail--;
        }

        return s[lead..tail].Trim();
    }

    /// <summary>How many words <paramref name="s"/> has, counting a CJK text by its characters (two make a word).</summary>
    public static int Words(ReadOnlySpan<char> s)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in s)
        {
            var letter = char.IsLetterOrDigit(c);
            words += letter && !inWord ? 1 : 0;
            inWord = letter;
        }

        var ideographs = PageHeader.CountIdeographs(s);
        return ideographs > words ? ideographs / 2 : words;
    }

    /// <summary>Whether the character before a folded title's part at <paramref name="at"/> ends a piece of it.</summary>
    public static bool StartsPiece(string folded, int at) =>
        at == 0 || (at >= 2 && folded[at - 1] == ' ' && IsSeparator(folded[at - 2])) || IsSeparator(folded[at - 1]);

    /// <summary>Whether the part of a folded title ending before <paramref name="end"/> ends a piece of it.</summary>
    public static bool EndsPiece(string folded, int end) =>
        end == folded.Length || (end + 1 < folded.Length && folded[end] == ' ' && IsSeparator(folded[end + 1])) || IsSeparator(folded[end]);

    private static bool IsSeparator(char c) => c is '|' or '-' or ':' or '·' or '•' or '/' or '»' or '«' or '>' or '(' or ')';
}
