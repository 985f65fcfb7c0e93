using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Core.Structure;

namespace Pipeline.Core.Metadata.Dates;

/// <summary>
/// Finds the publication date: a dateline or date line near the top, else a "Published" line anywhere,
/// else an "Updated" line. Dates elsewhere in the body are not publication dates.
/// </summary>
internal static partial class DateExtractor
{
    private const int DatelineReach = 60;   // A dateline's date starts within this many characters of its block.
    private const int CueReach = 40;        // A "Published" cue starts within this many characters of its block...
    private const int ShortBlock = 160;     // ...or anywhere in a block this short.

    private static readonly string[] PublishedCues =
        ["published", "posted", "publié", "publie le", "veröffentlicht", "publicado", "erschienen", "date:", "fecha:"];

    private static readonly string[] UpdatedCues =
        ["updated", "last modified", "modified", "mis à jour", "actualisé", "aktualisiert", "actualizado", "stand:"];

    /// <summary>The publication date as ISO 8601, or null.</summary>
    /// <param name="text">The document.</param>
    /// <param name="headerBlocks">Blocks from the top that may carry a dateline.</param>
    /// <param name="language">The document's language, used to read ambiguous numeric dates.</param>
    public static string? Extract(StructuredText text, int headerBlocks, string? language)
    {
        var blocks = text.Blocks;
        var top = Math.Min(headerBlocks, blocks.Count);
        string? updated = null;

        // 1. Near the top: a published cue wins, then a plain dateline, then an updated cue.
        string? dateline = null;
        for (var i = 0; i < top; i++)
        {
            var block = blocks[i].Span;
            switch (CueOf(block))
            {
                case Cue.Published when FindDate(block, 0, language) is { } published:
                    return published;
                case Cue.Updated:
                    updated ??= FindDate(block, 0, language);
                    break;
                default:
                    dateline ??= FindDate(block, DatelineReach, language);
                    break;
            }
        }

        if (dateline is not null)
        {
            return dateline;
        }

        // 2. Anywhere: a published line, else an updated line.
        for (var i = top; i < blocks.Count; i++)
        {
            var block = blocks[i].Span;
            var cue = CueOf(block);
            if (cue == Cue.Published && FindDate(block, 0, language) is { } published)
            {
                return published;
            }

            if (cue == Cue.Updated)
            {
                updated ??= FindDate(block, 0, language);
            }
        }

        return updated;
    }

    internal enum Cue
    {
        None,
        Published,
        Updated,
    }

    internal static Cue CueOf(ReadOnlySpan<char> block)
    {
        var span = block.Length <= ShortBlock ? block : block[..CueReach];
        var published = IndexOfAny(span, PublishedCues);
        var updated = IndexOfAny(span, UpdatedCues);
        if (published < 0 && updated < 0)
        {
            return Cue.None;
        }

        // "Published 3 May, updated 4 May": the first cue names the first date.
        return updated < 0 || (published >= 0 && published < updated) ? Cue.Published : Cue.Updated;
    }

    private static int IndexOfAny(ReadOnlySpan<char> span, string[] cues)
    {
        var best = -1;
        foreach (var cue in cues)
        {
            var at = span.IndexOf(cue, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && (best < 0 || at < best))
            {
                best = at;
            }
        }

        return best;
    }

    /// <summary>The first valid date in <paramref name="s"/> (starting within <paramref name="reach"/> characters when positive).</summary>
    internal static string? FindDate(ReadOnlySpan<char> s, int reach, string? language)
    {
        var limit = reach > 0 ? Math.Min(s.Length, reach + 40) : Math.Min(s.Length, 400);
        if (!HasDateShape(s[..limit]))
        {
            return null; // the pattern cannot match here, and most header lines fail this cheap test
        }

        foreach (var match in DatePattern().EnumerateMatches(s[..limit]))
        {
            if (reach > 0 && (match.Index > reach || !IsDatelinePrefix(s[..match.Index])))
            {
                return null;
            }

            // The groups are read from the matched text by the pattern's rules: a Match object would cost ~2 KB.
            if (DateMatchReader.TryRead(s.Slice(match.Index, match.Length), out var groups) && Parse(groups, language) is { } iso)
            {
                return iso;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="s"/> has what every alternative of <see cref="DatePattern"/> needs: four <c>\d</c>
    /// digits in a row (a year) or a digit, a dot and a digit (the two-digit-year form). <c>\d</c> is any Unicode
    /// decimal digit, as <see cref="char.IsDigit(char)"/> is.
    /// </summary>
    private static bool HasDateShape(ReadOnlySpan<char> s)
    {
        var start = s.IndexOfAnyInRange('0', '9');
        if (start < 0)
        {
            if (System.Text.Ascii.IsValid(s))
            {
                return false;
            }

            start = 0;
        }
        else if (!System.Text.Ascii.IsValid(s[..start]))
        {
            start = 0; // a non-ASCII digit may come before the first ASCII one
        }

        var run = 0;
        for (var i = start; i < s.Length; i++)
        {
            if (char.IsDigit(s[i]))
            {
                if (++run == 4)
                {
                    return true;
                }
            }
            else
            {
                if (s[i] == '.' && run > 0 && i + 1 < s.Length && char.IsDigit(s[i + 1]))
                {
                    return true;
                }

                run = 0;
            }
        }

        return false;
    }

    /// <summary>
    /// What may stand before a dateline's date: nothing, a place ("PARIS, ", "Washington — ") or a short cue
    /// ("on", "le", "am"), but not running text ("Leaders had met on").
    /// </summary>
    private static bool IsDatelinePrefix(ReadOnlySpan<char> prefix)
    {
        var lowercaseWords = 0;
        foreach (var range in prefix.SplitAny(" ,;:|—–-()"))
        {
            var word = prefix[range];
            if (word.Length > 0 && char.IsLower(word[0]))
            {
                lowercaseWords++;
            }
        }

        return lowercaseWords <= 1;
    }

    private static string? Parse(in DateMatchReader.Groups g, string? language)
    {
        int year, month, day;
        if (!g.IsoYear.IsEmpty)
        {
            year = Int(g.IsoYear);
            month = Int(g.IsoMonth);
            day = Int(g.IsoDay);
        }
        else if (!g.MonthYear.IsEmpty)
        {
            year = Int(g.MonthYear);
            month = MonthNames.Parse(g.MonthName);
            day = Int(g.MonthDay);
        }
        else if (!g.DayYear.IsEmpty)
        {
            year = Int(g.DayYear);
            month = MonthNames.Parse(g.DayMonth);
            day = Int(g.DayDay);
        }
        else
        {
            // A two-digit year on a page scraped from the web is this century's.
            year = g.NumberYear.Length == 2 ? 2000 + Int(g.NumberYear) : Int(g.NumberYear);
            var a = Int(g.NumberA);
            var b = Int(g.NumberB);
            var dayFirst = g.NumberSeparator is "." || a > 12 || (b <= 12 && language is not null && language != "en");
            if (b > 12)
            {
                dayFirst = false;
            }

            (day, month) = dayFirst ? (a, b) : (b, a);
        }

        if (year is < 1900 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        if (g.Hour.IsEmpty)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}");
        }

        var hour = Int(g.Hour);
        var minute = Int(g.Minute);
        var second = g.Second.IsEmpty ? 0 : Int(g.Second);
        if (!g.AmPm.IsEmpty)
        {
            var pm = char.ToLowerInvariant(g.AmPm[0]) == 'p';
            if (hour is < 1 or > 12)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}");
            }

            hour = (hour % 12) + (pm ? 12 : 0);
        }

        if (hour > 23 || minute > 59 || second > 59)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}");
        }

        Span<char> zone = stackalloc char[6];
        var zoneLength = g.Zone.IsEmpty ? 0 : Zone(g.Zone, zone);
        return string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}T{hour:D2}:{minute:D2}:{second:D2}{zone[..zoneLength]}");
    }

    /// <summary>Writes the ISO form of zone <paramref name="z"/> ("Z", "+01:00") into <paramref name="target"/>; returns its length.</summary>
    private static int Zone(ReadOnlySpan<char> z, Span<char> target)
    {
        if (z is "Z" or "z" || z.Equals("UTC", StringComparison.OrdinalIgnoreCase) || z.Equals("GMT", StringComparison.OrdinalIgnoreCase))
        {
            target[0] = 'Z';
            return 1;
        }

        // "+0100" or "+01:00": the sign and four digits.
        Span<char> digits = stackalloc char[z.Length];
        var n = 0;
        foreach (var c in z)
        {
            if (c != ':')
            {
                digits[n++] = c;
            }
        }

        if (n != 5)
        {
            return 0;
        }

        digits[..3].CopyTo(target);
        target[3] = ':';
        digits[3..5].CopyTo(target[4..]);
        return 6;
    }

    private static int Int(ReadOnlySpan<char> digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    // Alternatives: year first (ISO 2015-11-18[T10:30[:00][Z|+01:00]], 2015.11.18, 2015/11/18, 2015년 11월 18일, 2015年11月18日), month first (Nov. 18, 2015), day first
    // (18 November 2015, 18. November 2015, 1er mars 2020, 18 de noviembre de 2015), numeric (11/18/2015, 18.11.2015, 18.11.15);
    // each may be followed by a time (10:30, 10h30, 3:45 pm) and a zone. A backtracking pattern (its captures are
    // read), so it has a match timeout; 1 s, not less: the timeout is wall-clock time, and on a machine starved of CPU
    // a 100 ms limit could fail an ordinary document (a test run under heavy load once threw inside this extractor).
    [GeneratedRegex(
        @"(?<!\d)(?:(?<iy>\d{4})(?:-(?<im>\d{1,2})-|\.\s?(?<im>\d{1,2})\.\s?|/(?<im>\d{1,2})/|\s*년\s*(?<im>\d{1,2})\s*월\s*|年\s*(?<im>\d{1,2})\s*月\s*)(?<id>\d{1,2})(?:\s*[일日])?" +
        @"|(?<mm>\p{L}{3,10})\.?\s+(?<md>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<my>\d{4})" +
        @"|(?<dd>\d{1,2})(?:er|st|nd|rd|th|º|°|\.)?\s+(?:de\s+)?(?<dm>\p{L}{3,10})\.?,?\s+(?:de\s+)?(?<dy>\d{4})" +
        @"|(?<na>\d{1,2})(?<ns>[./-])(?<nb>\d{1,2})[./-](?<ny>\d{4})" +
        @"|(?<na>\d{1,2})(?<ns>\.)(?<nb>\d{1,2})\.(?<ny>\d{2})(?![\d.]))" +
        @"(?:(?:T|,?\s+(?:at\s+|à\s+|um\s+|a\s+las\s+|-\s+)?)(?<h>\d{1,2})[:h](?<min>\d{2})(?::(?<s>\d{2}))?(?:\.\d+)?\s*(?<ampm>[AaPp]\.?[Mm]\.?)?\s*(?:Uhr\s*)?(?<z>Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    internal static partial Regex DatePattern();
}
