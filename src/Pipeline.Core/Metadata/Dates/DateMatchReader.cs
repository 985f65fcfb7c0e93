using Pipeline.Core.Metadata.Shared;

using static Pipeline.Core.Metadata.Shared.PatternRuns;

namespace Pipeline.Core.Metadata.Dates;

/// <summary>
/// Reads the groups of a date that <see cref="DateExtractor"/>'s pattern matched from the matched text alone, by the
/// pattern's own rules: its four alternatives in order, each loop greedy, then the optional time taken when it matches.
/// </summary>
/// <remarks>
/// Why: a <see cref="System.Text.RegularExpressions.Match"/> of that pattern, with its 18 groups, cost about 2 KB per
/// date read, as much as the rest of the date search. The pattern's loops never need to give characters back (what
/// follows each one cannot start with what it matches), so the first way the pattern matches is found by reading
/// left to right. The pattern itself still finds where a date is.
/// </remarks>
internal static class DateMatchReader
{
    /// <summary>The groups of a match; a group that did not take part is empty (every group takes at least one character).</summary>
    internal ref struct Groups
    {
        public ReadOnlySpan<char> IsoYear;
        public ReadOnlySpan<char> IsoMonth;
        public ReadOnlySpan<char> IsoDay;
        public ReadOnlySpan<char> MonthName;
        public ReadOnlySpan<char> MonthDay;
        public ReadOnlySpan<char> MonthYear;
        public ReadOnlySpan<char> DayDay;
        public ReadOnlySpan<char> DayMonth;
        public ReadOnlySpan<char> DayYear;
        public ReadOnlySpan<char> NumberA;
        public ReadOnlySpan<char> NumberSeparator;
        public ReadOnlySpan<char> NumberB;
        public ReadOnlySpan<char> NumberYear;
        public ReadOnlySpan<char> Hour;
        public ReadOnlySpan<char> Minute;
        public ReadOnlySpan<char> Second;
        public ReadOnlySpan<char> AmPm;
        public ReadOnlySpan<char> Zone;
    }

    /// <summary>Reads the groups of <paramref name="t"/>, a text the date pattern matched from its start; false when it does not match.</summary>
    public static bool TryRead(ReadOnlySpan<char> t, out Groups g)
    {
        g = default;
        if (!TryIso(t, ref g, out var end) && !TryMonthFirst(t, ref g, out end) && !TryDayFirst(t, ref g, out end) && !TryNumeric(t, ref g, out end))
        {
            return false;
        }

        ReadTime(t, end, ref g);
        return true;
    }

    // (?<iy>\d{4})(?:-(?<im>\d{1,2})-|\.\s?(?<im>\d{1,2})\.\s?|/(?<im>\d{1,2})/|\s*년\s*(?<im>\d{1,2})\s*월\s*|年\s*(?<im>\d{1,2})\s*月\s*)(?<id>\d{1,2})(?:\s*[일日])?
    private static bool TryIso(ReadOnlySpan<char> t, ref Groups g, out int end)
    {
        end = 0;
        if (Digits(t, 0, 4) != 4 || t.Length < 5)
        {
            return false;
        }

        // The marks after the year and the month: the same dash, dot or slash twice, or Korean and Japanese/Chinese units.
        var (afterYear, afterMonth) = t[4] switch
        {
            '-' or '.' or '/' => (t[4], t[4]),
            '年' => ('年', '月'),
            _ => Spaces(t, 4) > 0 || t[4] == '년' ? ('년', '월') : ('\0', '\0'),
        };
        var p = Unit(t, 4, afterYear);
        var month = p > 0 ? Digits(t, p, 2) : 0;
        if (month == 0)
        {
            return false;
        }

        var q = Unit(t, p + month, afterMonth);
        var day = q > 0 ? Digits(t, q, 2) : 0;
        if (day == 0)
        {
            return false;
        }

        g.IsoYear = t[..4];
        g.IsoMonth = t.Slice(p, month);
        g.IsoDay = t.Slice(q, day);
        end = q + day;
        var unit = afterYear == '년' ? '일' : afterYear == '年' ? '日' : '\0';
        if (unit != '\0')
        {
            var spaces = Spaces(t, end);
            end = At(t, end + spaces, unit) ? end + spaces + 1 : end;
        }

        return true;
    }

    /// <summary>
    /// Past the mark <paramref name="mark"/> at <paramref name="p"/>: a dash or slash alone, a dot and one optional space,
    /// a Korean or CJK unit with spaces around it; 0 when it is not there.
    /// </summary>
    private static int Unit(ReadOnlySpan<char> t, int p, char mark)
    {
        switch (mark)
        {
            case '-' or '/':
                return At(t, p, mark) ? p + 1 : 0;
            case '.':
                return !At(t, p, '.') ? 0 : At(t, p + 1, ' ') ? p + 2 : p + 1;
            case '\0':
                return 0;
            default:
                var before = Spaces(t, p);
                return At(t, p + before, mark) ? p + before + 1 + Spaces(t, p + before + 1) : 0;
        }
    }

    // (?<mm>\p{L}{3,10})\.?\s+(?<md>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<my>\d{4})
    private static bool TryMonthFirst(ReadOnlySpan<char> t, ref Groups g, out int end)
    {
        end = 0;
        var name = Letters(t, 0);
        if (name is < 3 or > 10)
        {
            return false; // a shorter name would be followed by a letter, where a space must be
        }

        var p = name + (At(t, name, '.') ? 1 : 0);
        var space = Spaces(t, p);
        if (space == 0)
        {
            return false;
        }

        p += space;
        var day = Digits(t, p, 2);
        if (day == 0)
        {
            return false;
        }

        var dayAt = p;
        p += day;
        if (p + 1 < t.Length && t.Slice(p, 2) is "st" or "nd" or "rd" or "th")
        {
            p += 2;
        }

        p += At(t, p, ',') ? 1 : 0;
        space = Spaces(t, p);
        if (space == 0 || Digits(t, p + space, 4) != 4)
        {
            return false;
        }

        p += space;
        g.MonthName = t[..name];
        g.MonthDay = t.Slice(dayAt, day);
        g.MonthYear = t.Slice(p, 4);
        end = p + 4;
        return true;
    }

    // (?<dd>\d{1,2})(?:er|st|nd|rd|th|º|°|\.)?\s+(?:de\s+)?(?<dm>\p{L}{3,10})\.?,?\s+(?:de\s+)?(?<dy>\d{4})
    private static bool TryDayFirst(ReadOnlySpan<char> t, ref Groups g, out int end)
    {
        end = 0;
        var day = Digits(t, 0, 2);
        if (day == 0)
        {
            return false;
        }

        var p = day;
        if (p + 1 < t.Length && t.Slice(p, 2) is "er" or "st" or "nd" or "rd" or "th")
        {
            p += 2;
        }
        else if (p < t.Length && t[p] is 'º' or '°' or '.')
        {
            p++;
        }

        var space = Spaces(t, p);
        if (space == 0)
        {
            return false;
        }

        p = SkipDe(t, p + space);
        var month = Letters(t, p);
        if (month is < 3 or > 10)
        {
            return false;
        }

        var monthAt = p;
        p += month;
        p += At(t, p, '.') ? 1 : 0;
        p += At(t, p, ',') ? 1 : 0;
        space = Spaces(t, p);
        if (space == 0)
        {
            return false;
        }

        p = SkipDe(t, p + space);
        if (Digits(t, p, 4) != 4)
        {
            return false;
        }

        g.DayDay = t[..day];
        g.DayMonth = t.Slice(monthAt, month);
        g.DayYear = t.Slice(p, 4);
        end = p + 4;
        return true;
    }

    // (?<na>\d{1,2})(?<ns>[./-])(?<nb>\d{1,2})[./-](?<ny>\d{4}) | (?<na>\d{1,2})(?<ns>\.)(?<nb>\d{1,2})\.(?<ny>\d{2})(?![\d.])
    private static bool TryNumeric(ReadOnlySpan<char> t, ref Groups g, out int end)
    {
        end = 0;
        var a = Digits(t, 0, 2);
        if (a == 0 || !IsNumericSeparator(t, a))
        {
            return false;
        }

        var b = Digits(t, a + 1, 2);
        if (b == 0 || !IsNumericSeparator(t, a + 1 + b))
        {
            return false;
        }

        // Four digits, or two after two dots ("19.10.19", German and Swiss style) with no digit or dot after them.
        var y = a + 2 + b;
        var year = Digits(t, y, 4);
        if (year != 4 && !(year == 2 && t[a] == '.' && t[a + 1 + b] == '.' && !At(t, y + 2, '.')))
        {
            return false;
        }

        g.NumberA = t[..a];
        g.NumberSeparator = t.Slice(a, 1);
        g.NumberB = t.Slice(a + 1, b);
        g.NumberYear = t.Slice(y, year);
        end = y + year;
        return true;
    }

    // (?:(?:T|,?\s+(?:at\s+|à\s+|um\s+|a\s+las\s+|-\s+)?)(?<h>\d{1,2})[:h](?<min>\d{2})(?::(?<s>\d{2}))?(?:\.\d+)?\s*
    // (?<ampm>[AaPp]\.?[Mm]\.?)?\s*(?:Uhr\s*)?(?<z>Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?
    private static void ReadTime(ReadOnlySpan<char> t, int p, ref Groups g)
    {
        if (At(t, p, 'T'))
        {
            // Were the clock not there, the other way in (",? \s+") could not start at a "T" either.
            ReadClock(t, p + 1, ref g);
            return;
        }

        p += At(t, p, ',') ? 1 : 0;
        var space = Spaces(t, p);
        if (space == 0)
        {
            return;
        }

        p += space;
        foreach (var word in (ReadOnlySpan<string>)["at", "à", "um", "a", "-"])
        {
            if (!t[p..].StartsWith(word, StringComparison.Ordinal))
            {
                continue;
            }

            var q = p + word.Length;
            var gap = Spaces(t, q);
            if (gap > 0 && word is "a")
            {
                // "a las "
                q += gap;
                gap = t[q..].StartsWith("las", StringComparison.Ordinal) ? Spaces(t, q + 3) : 0;
                q += 3;
            }

            if (gap > 0)
            {
                // A word before the clock; without it the clock would have to start at the word, which cannot be.
                ReadClock(t, q + gap, ref g);
                return;
            }
        }

        ReadClock(t, p, ref g);
    }

    private static void ReadClock(ReadOnlySpan<char> t, int p, ref Groups g)
    {
        var hour = Digits(t, p, 2);
        if (hour == 0 || !(At(t, p + hour, ':') || At(t, p + hour, 'h')) || Digits(t, p + hour + 1, 2) != 2)
        {
            return;
        }

        g.Hour = t.Slice(p, hour);
        p += hour + 1;
        g.Minute = t.Slice(p, 2);
        p += 2;
        if (At(t, p, ':') && Digits(t, p + 1, 2) == 2)
        {
            g.Second = t.Slice(p + 1, 2);
            p += 3;
        }

        if (At(t, p, '.') && Digits(t, p + 1, int.MaxValue) is var fraction and > 0)
        {
            p += 1 + fraction;
        }

        p += Spaces(t, p);
        if (p < t.Length && t[p] is 'A' or 'a' or 'P' or 'p')
        {
            var q = p + 1 + (At(t, p + 1, '.') ? 1 : 0);
            if (q < t.Length && t[q] is 'M' or 'm')
            {
                q += 1 + (At(t, q + 1, '.') ? 1 : 0);
                g.AmPm = t[p..q];
                p = q;
            }
        }

        p += Spaces(t, p);
        if (t[p..].StartsWith("Uhr", StringComparison.Ordinal))
        {
            p += 3;
            p += Spaces(t, p);
        }

        if (p >= t.Length)
        {
            return;
        }

        if (t[p] == 'Z')
        {
            g.Zone = t.Slice(p, 1);
        }
        else if (t[p..].StartsWith("UTC", StringComparison.Ordinal) || t[p..].StartsWith("GMT", StringComparison.Ordinal))
        {
            g.Zone = t.Slice(p, 3);
        }
        else if (t[p] is '+' or '-' && Digits(t, p + 1, 2) == 2)
        {
            var colon = At(t, p + 3, ':') ? 1 : 0;
            if (Digits(t, p + 3 + colon, 2) == 2)
            {
                g.Zone = t.Slice(p, 5 + colon);
            }
        }
    }

    /// <summary>"de " and the spaces after it at <paramref name="p"/> skipped, if there.</summary>
    private static int SkipDe(ReadOnlySpan<char> t, int p)
    {
        if (!t[p..].StartsWith("de", StringComparison.Ordinal))
        {
            return p;
        }

        var space = Spaces(t, p + 2);
        return space > 0 ? p + 2 + space : p;
    }

    private static bool IsNumericSeparator(ReadOnlySpan<char> t, int p) => p < t.Length && t[p] is '.' or '/' or '-';
}
