namespace Pipeline.Core.Metadata.Entities.Tokens;

/// <summary>
/// The text of tokens and what lies between them: a token's word, a run's phrase, whether only spaces part two
/// tokens, an acronym in brackets after a name. Read in place from the block, so that looking a run up costs no
/// string.
/// </summary>
internal static class TokenText
{
    /// <summary>The text of <paramref name="token"/> of block <paramref name="s"/>.</summary>
    public static ReadOnlySpan<char> Text(ReadOnlySpan<char> s, EntityToken token) => token.Word is { } word ? word.AsSpan() : s.Slice(token.Start, token.Length);

    /// <summary>True when only spaces (or the brackets of an editor's insertion) part <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static bool Adjacent(ReadOnlySpan<char> s, in EntityToken a, in EntityToken b)
    {
        for (var k = a.End; k < b.Start; k++)
        {
            if (s[k] is not (' ' or '[' or ']'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="s"/> holds only spaces from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool OnlySpace(ReadOnlySpan<char> s, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (s[k] != ' ')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="s"/> holds only spaces, commas, periods or brackets from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool OnlySpaceOrComma(ReadOnlySpan<char> s, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (s[k] is not (' ' or ',' or '.' or '[' or ']'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Room for the phrase of a run on the stack; longer runs (rare) get an array.</summary>
    public const int PhraseBufferLength = 256;

    /// <summary>
    /// The phrase of tokens <paramref name="first"/>..<paramref name="last"/>, their texts joined by spaces (a
    /// possessive inside a name keeps its "'s": "County Sheriff's Office"), written into <paramref name="buffer"/>
    /// when it fits, so that gazetteer lookups of a run cost no string; a one-word run is its token's text.
    /// </summary>
    public static ReadOnlySpan<char> PhraseSpan(ReadOnlySpan<char> s, List<EntityToken> tokens, int first, int last, Span<char> buffer)
    {
        if (first == last)
        {
            return Text(s, tokens[first]);
        }

        var length = 0;
        for (var k = first; k <= last; k++)
        {
            length += Part(s, tokens, k, last).Length + (k > first ? 1 : 0);
        }

        var target = length <= buffer.Length - 1 ? buffer : new char[length];
        length = 0;
        for (var k = first; k <= last; k++)
        {
            if (k > first)
            {
                target[length++] = ' ';
            }

            var part = Part(s, tokens, k, last);
            part.CopyTo(target[length..]);
            length += part.Length;
        }

        return target[..length];

        static ReadOnlySpan<char> Part(ReadOnlySpan<char> s, List<EntityToken> tokens, int k, int last)
        {
            var t = tokens[k];
            var text = Text(s, t);
            return k < last && t.End - t.Start == text.Length + 2 && s[t.End - 1] == 's' ? s[t.Start..t.End] : text;
        }
    }

    /// <summary>The texts of tokens <paramref name="first"/>..<paramref name="last"/> joined by spaces, in <paramref name="buffer"/> when they fit.</summary>
    public static ReadOnlySpan<char> JoinedTexts(ReadOnlySpan<char> s, List<EntityToken> tokens, int first, int last, Span<char> buffer)
    {
        var length = 0;
        for (var k = first; k <= last; k++)
        {
            length += Text(s, tokens[k]).Length + (k > first ? 1 : 0);
        }

        var target = length <= buffer.Length - 1 ? buffer : new char[length];
        length = 0;
        for (var k = first; k <= last; k++)
        {
            if (k > first)
            {
                target[length++] = ' ';
            }

            var text = Text(s, tokens[k]);
            text.CopyTo(target[length..]);
            length += text.Length;
        }

        return target[..length];
    }

    /// <summary>True when <paramref name="word"/> has no lower-case letter and at least two letters ("NATO", "U.S.").</summary>
    public static bool IsAllCaps(ReadOnlySpan<char> word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            letters += char.IsLetter(c) ? 1 : 0;
        }

        return letters >= 2;
    }

    /// <summary>True when every character of <paramref name="word"/> is a letter.</summary>
    public static bool AllLetters(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Where the acronym in capitals in brackets right after <paramref name="at"/> ("Acme Union (AU)") lies, or null.</summary>
    public static (int Start, int Length)? AcronymAfter(ReadOnlySpan<char> s, int at)
    {
        var k = at;
        while (k < s.Length && s[k] == ' ')
        {
            k++;
        }

        if (k >= s.Length || s[k] != '(')
        {
            return null;
        }

        var close = s[k..].IndexOf(')');
        if (close < 0 || close - 1 is < 2 or > 8)
        {
            return null;
        }

        return IsAllCaps(s.Slice(k + 1, close - 1)) ? (k + 1, close - 1) : null;
    }

    /// <summary>"Highway 26", "Route 9": a word numbered like a road or a line is not a place of its own.</summary>
    public static bool NumberAfter(ReadOnlySpan<char> s, int end) => end + 1 < s.Length && s[end] == ' ' && char.IsAsciiDigit(s[end + 1]);

    /// <summary>"AT" of "AT&amp;T" is not a name of its own.</summary>
    public static bool IsPartOfAmpersandName(ReadOnlySpan<char> s, in EntityToken token) =>
        (token.End < s.Length && s[token.End] == '&') || (token.Start > 0 && s[token.Start - 1] == '&');
}
