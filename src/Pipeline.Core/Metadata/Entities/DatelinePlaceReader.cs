using Pipeline.Core.Metadata.Shared;

using static Pipeline.Core.Metadata.Shared.PatternRuns;

namespace Pipeline.Core.Metadata.Entities;

/// <summary>
/// The place a wire dateline opens a block with ("OSLO, May 2 -"). The "place" group of <see cref="Pattern"/> is read
/// from the start of a block without a Match: the pattern is followed as a backtracking engine would (optional date
/// first, loops greedy, giving back one character at a time), which is the match the NonBacktracking engine reports too.
/// </summary>
/// <remarks>
/// Why: the NonBacktracking engine spends about 15 us working out the captures of a match; a dateline is read for the
/// top blocks of every document.
/// </remarks>
internal static partial class DatelinePlaceReader
{
    /// <summary>How far into a block a dateline place is looked for.</summary>
    private const int DatelineReach = 120;

    /// <summary>
    /// The place a wire dateline opens with, in capitals ("OSLO, May 2 -", "2021-06-30 — NEW HAVEN —"), case-normalised
    /// and canonicalised by the gazetteer; null when the block does not open so.
    /// </summary>
    public static string? Read(ReadOnlySpan<char> block)
    {
        var head = block.Length > DatelineReach ? block[..DatelineReach] : block;
        if (!TryRead(head, out var caps))
        {
            return null;
        }

        var letters = 0;
        foreach (var c in caps)
        {
            letters += char.IsLetter(c) ? 1 : 0;
        }

        if (letters < 4 || OrganizationGazetteer.Find(caps) is not null || OutletGazetteer.Canonicalise(caps) is not null || PersonNames.IsGenericWord(caps))
        {
            return null;
        }

        var name = PersonNames.NormaliseCase(caps.ToString());
        return PlaceGazetteer.Find(name) ?? name;
    }

    /// <summary>The dateline pattern <see cref="TryRead"/> follows by hand; kept so that tests hold the two to the same matches.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(
        @"^(?:[0-9][0-9\-/.:TZ ]{5,30}[—–-]\s*)?(?<place>\p{Lu}[\p{Lu}'’.]+(?:[ -]\p{Lu}[\p{Lu}'’.]+){0,3})\s*(?:,|\(|[—–-]\s)",
        System.Text.RegularExpressions.RegexOptions.NonBacktracking)]
    internal static partial System.Text.RegularExpressions.Regex Pattern();

    // ^(?:[0-9][0-9\-/.:TZ ]{5,30}[—–-]\s*)?(?<place>\p{Lu}[\p{Lu}'’.]+(?:[ -]\p{Lu}[\p{Lu}'’.]+){0,3})\s*(?:,|\(|[—–-]\s)

    /// <summary>The place the dateline pattern captures at the start of <paramref name="t"/>; false when it does not match.</summary>
    public static bool TryRead(ReadOnlySpan<char> t, out ReadOnlySpan<char> place)
    {
        place = default;

        // The optional date first: [0-9][0-9\-/.:TZ ]{5,30}[—–-]\s*
        if (t.Length > 0 && char.IsAsciiDigit(t[0]))
        {
            var run = 0;
            while (run < 30 && 1 + run < t.Length && IsDateChar(t[1 + run]))
            {
                run++;
            }

            for (var count = run; count >= 5; count--)
            {
                var dash = 1 + count;
                if (dash >= t.Length || t[dash] is not ('—' or '–' or '-'))
                {
                    continue;
                }

                var spaces = Spaces(t, dash + 1);
                for (var given = spaces; given >= 0; given--)
                {
                    var start = dash + 1 + given;
                    if (Place(t, start, out var end))
                    {
                        place = t[start..end];
                        return true;
                    }
                }
            }
        }

        if (Place(t, 0, out var placeEnd))
        {
            place = t[..placeEnd];
            return true;
        }

        return false;
    }

    // \p{Lu}[\p{Lu}'’.]+ then the words and the end.
    private static bool Place(ReadOnlySpan<char> t, int p, out int end)
    {
        end = 0;
        if (p >= t.Length || !char.IsUpper(t[p]))
        {
            return false;
        }

        for (var k = Run(t, p + 1); k >= 1; k--)
        {
            if (Words(t, p + 1 + k, 3, out end))
            {
                return true;
            }
        }

        return false;
    }

    // (?:[ -]\p{Lu}[\p{Lu}'’.]+){0,left}, greedy, then the end; end is where the place stops.
    private static bool Words(ReadOnlySpan<char> t, int p, int left, out int end)
    {
        if (left > 0 && p + 1 < t.Length && t[p] is ' ' or '-' && char.IsUpper(t[p + 1]))
        {
            for (var k = Run(t, p + 2); k >= 1; k--)
            {
                if (Words(t, p + 2 + k, left - 1, out end))
                {
                    return true;
                }
            }
        }

        end = p;
        return Ends(t, p);
    }

    // \s*(?:,|\(|[—–-]\s)
    private static bool Ends(ReadOnlySpan<char> t, int p)
    {
        for (var given = Spaces(t, p); given >= 0; given--)
        {
            var q = p + given;
            if (q < t.Length && (t[q] is ',' or '(' || (t[q] is '—' or '–' or '-' && q + 1 < t.Length && char.IsWhiteSpace(t[q + 1]))))
            {
                return true;
            }
        }

        return false;
    }

    // How many of [\p{Lu}'’.] start at p.
    private static int Run(ReadOnlySpan<char> t, int p)
    {
        var n = 0;
        while (p + n < t.Length && (char.IsUpper(t[p + n]) || t[p + n] is '\'' or '’' or '.'))
        {
            n++;
        }

        return n;
    }

    private static bool IsDateChar(char c) => char.IsAsciiDigit(c) || c is '-' or '/' or '.' or ':' or 'T' or 'Z' or ' ';
}
