using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Core.Html;

/// <summary>
/// Dates as markup writes them (ISO 8601 in <c>datetime</c> attributes, JSON-LD and meta tags; now and then RFC 1123 or
/// slashes) turned into the record's form. The date stays the one the page wrote: a timestamp keeps its own offset rather
/// than being moved to UTC, which could change the day.
/// </summary>
internal static partial class MarkupDates
{
    /// <summary>Earliest year taken: older "dates" in markup are placeholders (0001-01-01, 1970 epochs).</summary>
    private const int MinYear = 1990;

    /// <summary>The date in record form (<c>yyyy-MM-dd</c>, or <c>yyyy-MM-ddTHH:mm:ss</c> with the offset when given), or null.</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 64)
        {
            return null;
        }

        var match = IsoDate().Match(value);
        if (match.Success)
        {
            var year = int.Parse(match.Groups["y"].ValueSpan, CultureInfo.InvariantCulture);
            var month = int.Parse(match.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
            var day = int.Parse(match.Groups["d"].ValueSpan, CultureInfo.InvariantCulture);
            if (!Valid(year, month, day))
            {
                return null;
            }

            var date = string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}");
            if (!match.Groups["h"].Success)
            {
                return date;
            }

            var zone = match.Groups["z"].Value;
            zone = zone is "z" or "Z" ? "Z" : zone.Length == 5 ? zone[..3] + ":" + zone[3..] : zone;
            var seconds = match.Groups["s"].Success ? match.Groups["s"].Value : "00";
            return $"{date}T{match.Groups["h"].Value}:{match.Groups["mi"].Value}:{seconds}{zone}";
        }

        // RFC 1123 and similar English forms that some CMSs write into meta tags.
        if (DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var parsed)
            && parsed.Year >= MinYear && parsed.Year <= 2100)
        {
            return parsed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return null;
    }

    private static bool Valid(int year, int month, int day) =>
        year is >= MinYear and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    [GeneratedRegex(
        """^\s*(?<y>\d{4})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})(?:[T ](?<h>[01]\d|2[0-3]):(?<mi>[0-5]\d)(?::(?<s>[0-5]\d))?(?:[.,]\d+)?\s*(?<z>[zZ]|[+-]\d{2}:?\d{2})?)?""",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IsoDate();
}
