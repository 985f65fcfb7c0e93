using Pipeline.Core.Metadata.Shared;

using static Pipeline.Core.Metadata.Shared.PatternRuns;

namespace Pipeline.Core.Metadata.Bylines;

/// <summary>
/// Reads the "rest" group of <see cref="Byline"/>'s byline pattern ("By Jane Roe, Outlet" -> "Jane Roe, Outlet") without
/// a Match: the pattern is followed as a backtracking engine would (its alternatives in order, optional letters taken
/// first, loops greedy and giving back one character at a time), which is the match the NonBacktracking engine
/// reports too.
/// </summary>
/// <remarks>Why: the NonBacktracking engine spends about 15 us and 1 KB working out the captures of a match.</remarks>
internal static class BylinePrefixReader
{
    // ^(?:[Bb]y|BY|[Ww]ritten\s+by|WRITTEN\s+BY|[Ww]ords\s+by|[Aa]uthors?|AUTHORS?|[Aa]utor(?:a|in)?|[Aa]uteur|[Pp]ar|PAR|
    //   [Vv]on|VON|[Pp]or|POR|[Tt]exte?|[Rr]eported\s+by)\s*:?\s+(?<rest>.+)$

    /// <summary>
    /// The rest of a byline after its lead word; false when the pattern does not match. Only for a text without a
    /// line break (a block's text never has one), where the pattern's ".+$" is the rest of the text.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<char> t, out ReadOnlySpan<char> rest)
    {
        rest = default;
        Span<int> leads = stackalloc int[3];
        foreach (var lead in Leads)
        {
            // The ways this alternative matches, longest (its optional letters taken) first.
            var count = lead.Match(t, leads);
            for (var k = 0; k < count; k++)
            {
                if (Tail(t, leads[k], out rest))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // \s*:?\s+(?<rest>.+)$ at p.
    private static bool Tail(ReadOnlySpan<char> t, int p, out ReadOnlySpan<char> rest)
    {
        rest = default;
        for (var spaces = Spaces(t, p); spaces >= 0; spaces--)
        {
            var q = p + spaces;
            var colon = q < t.Length && t[q] == ':';
            for (var takeColon = colon ? 1 : 0; takeColon >= 0; takeColon--)
            {
                var r = q + takeColon;
                for (var gap = Spaces(t, r); gap >= 1; gap--)
                {
                    if (r + gap < t.Length)
                    {
                        rest = t[(r + gap)..];
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>One alternative of the lead: a first letter in either case or in capitals, the letters after it, optional endings.</summary>
    private sealed class Lead(string firstLetters, string body, string[] endings, string? secondWord = null)
    {
        /// <summary>Writes where each way of matching at the start ends into <paramref name="ends"/>, in the pattern's order; returns how many.</summary>
        public int Match(ReadOnlySpan<char> t, Span<int> ends)
        {
            if (t.Length == 0 || !firstLetters.Contains(t[0]) || !t[1..].StartsWith(body, StringComparison.Ordinal))
            {
                return 0;
            }

            var p = 1 + body.Length;
            if (secondWord is not null)
            {
                // "\s+by": the spaces are all taken, as the word cannot start with one.
                var spaces = Spaces(t, p);
                if (spaces == 0 || !t[(p + spaces)..].StartsWith(secondWord, StringComparison.Ordinal))
                {
                    return 0;
                }

                ends[0] = p + spaces + secondWord.Length;
                return 1;
            }

            var count = 0;
            foreach (var ending in endings)
            {
                if (t[p..].StartsWith(ending, StringComparison.Ordinal))
                {
                    ends[count++] = p + ending.Length;
                }
            }

            return count;
        }
    }

    // The alternatives in the pattern's order; endings in the order the pattern tries them ("" last: optional parts
    // are tried present first).
    private static readonly Lead[] Leads =
    [
        new("Bb", "y", [""]),
        new("B", "Y", [""]),
        new("Ww", "ritten", [], "by"),
        new("W", "RITTEN", [], "BY"),
        new("Ww", "ords", [], "by"),
        new("Aa", "uthor", ["s", ""]),
        new("A", "UTHOR", ["S", ""]),
        new("Aa", "utor", ["a", "in", ""]),
        new("Aa", "uteur", [""]),
        new("Pp", "ar", [""]),
        new("P", "AR", [""]),
        new("Vv", "on", [""]),
        new("V", "ON", [""]),
        new("Pp", "or", [""]),
        new("P", "OR", [""]),
        new("Tt", "ext", ["e", ""]),
        new("Rr", "eported", [], "by"),
    ];
}
