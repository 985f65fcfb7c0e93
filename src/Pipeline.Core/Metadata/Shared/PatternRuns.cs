namespace Pipeline.Core.Metadata.Shared;

/// <summary>
/// Runs of characters the hand-written pattern readers (<see cref="Dates.DateMatchReader"/>, <see cref="Entities.DatelinePlaceReader"/>,
/// <see cref="Bylines.BylinePrefixReader"/>) step over, with the regex classes they stand for.
/// </summary>
internal static class PatternRuns
{
    /// <summary>Whether <paramref name="t"/> has <paramref name="c"/> at <paramref name="p"/>.</summary>
    public static bool At(ReadOnlySpan<char> t, int p, char c) => p < t.Length && t[p] == c;

    /// <summary>How many digits (\d: any decimal digit) start at <paramref name="p"/>, at most <paramref name="max"/>.</summary>
    public static int Digits(ReadOnlySpan<char> t, int p, int max)
    {
        var n = 0;
        while (n < max && p + n < t.Length && char.IsDigit(t[p + n]))
        {
            n++;
        }

        return n;
    }

    /// <summary>How many letters (\p{L}) start at <paramref name="p"/>.</summary>
    public static int Letters(ReadOnlySpan<char> t, int p)
    {
        var n = 0;
        while (p + n < t.Length && char.IsLetter(t[p + n]))
        {
            n++;
        }

        return n;
    }

    /// <summary>How many white-space characters (\s) start at <paramref name="p"/>.</summary>
    public static int Spaces(ReadOnlySpan<char> t, int p)
    {
        var n = 0;
        while (p + n < t.Length && char.IsWhiteSpace(t[p + n]))
        {
            n++;
        }

        return n;
    }
}
