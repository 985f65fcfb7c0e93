using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Core.Html;

/// <summary>
/// The publication date as the page's own clock wrote it, when the chosen markup date is a UTC timestamp. Many CMSs put
/// UTC into JSON-LD and Open Graph but the local time into their own data layer, and the two days differ for anything
/// published in the local evening (US) or after midnight (Europe). The day the page shows is the local one.
/// </summary>
internal static partial class LocalPublicationDate
{
    /// <summary>Widest offset behind UTC in use (UTC-12), in hours.</summary>
    private const int MaxOffsetBehind = 12;

    /// <summary>Widest offset ahead of UTC in use (UTC+14), in hours.</summary>
    private const int MaxOffsetAhead = 14;

    /// <summary>Most characters of script and meta text searched: data layers sit in the head.</summary>
    private const int MaxSearched = 2_000_000;

    /// <summary>
    /// The local form of <paramref name="utc"/> found in <paramref name="texts"/>: the same instant written with a non-zero
    /// offset, else a date-only value under a publication-date key whose day a real offset could give; null when the page
    /// has neither (the UTC timestamp then stands).
    /// </summary>
    public static string? Find(string utc, IEnumerable<string> texts)
    {
        if (!DateTimeOffset.TryParse(utc, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) || instant.Offset != TimeSpan.Zero)
        {
            return null;
        }

        var searched = 0;
        DateOnly? dateOnly = null;
        foreach (var text in texts)
        {
            if (searched > MaxSearched)
            {
                break;
            }

            searched += text.Length;
            foreach (Match match in OffsetTimestamp().Matches(text))
            {
                if (DateTimeOffset.TryParse(match.Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
                    && local.Offset != TimeSpan.Zero && Math.Abs((local - instant).TotalMinutes) < 1)
                {
                    return MarkupDates.Normalize(match.Value);
                }
            }

            if (dateOnly is null)
            {
                foreach (var day in PublishDateValues(text))
                {
                    if (Reachable(instant, day))
                    {
                        dateOnly = day;
                        break;
                    }
                }
            }
        }

        return dateOnly?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>True when some offset from UTC-12 to UTC+14 turns <paramref name="instant"/> into a time on <paramref name="day"/>, another day than UTC's.</summary>
    private static bool Reachable(DateTimeOffset instant, DateOnly day)
    {
        var utcDay = DateOnly.FromDateTime(instant.UtcDateTime);
        return day == utcDay.AddDays(1) ? instant.UtcDateTime.Hour >= 24 - MaxOffsetAhead : day == utcDay.AddDays(-1) && instant.UtcDateTime.Hour < MaxOffsetBehind;
    }

    private static IEnumerable<DateOnly> PublishDateValues(string text)
    {
        foreach (Match match in PublishDateKey().Matches(text))
        {
            if (DateOnly.TryParseExact(match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                yield return day;
            }
        }
    }

    [GeneratedRegex("""\b(?:19|20)\d\d-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d(?::[0-5]\d)?(?:\.\d+)?[+-][01]\d:?[0-5]\d\b""", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex OffsetTimestamp();

    [GeneratedRegex(
        """["']?(?:publish(?:ed)?[_-]?date|pub_?date|date_?published)["']?\s*[:=]\s*["'](?<date>(?:19|20)\d\d-[01]\d-[0-3]\d)["']""",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex PublishDateKey();
}
