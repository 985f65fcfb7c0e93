using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Core.Structure;

namespace Pipeline.Core.Metadata;

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

    private enum Cue
    {
        None,
        Published,
        Updated,
    }

    private static Cue CueOf(ReadOnlySpan<char> block)
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
        foreach (var match in DatePattern().EnumerateMatches(s[..limit]))
        {
            if (reach > 0 && (match.Index > reach || !IsDatelinePrefix(s[..match.Index])))
            {
                return null;
            }

            // Matched again on just the date, for its groups: the same match, as the engine sees no text around it.
            var m = DatePattern().Match(s.Slice(match.Index, match.Length).ToString());
            if (Parse(m, language) is { } iso)
            {
                return iso;
            }
        }

        return null;
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

    private static string? Parse(Match m, string? language)
    {
        int year, month, day;
        var g = m.Groups;
        if (g["iy"].Success)
        {
            year = Int(g["iy"]);
            month = Int(g["im"]);
            day = Int(g["id"]);
        }
        else if (g["my"].Success)
        {
            year = Int(g["my"]);
            month = MonthNames.Parse(g["mm"].ValueSpan);
            day = Int(g["md"]);
        }
        else if (g["dy"].Success)
        {
            year = Int(g["dy"]);
            month = MonthNames.Parse(g["dm"].ValueSpan);
            day = Int(g["dd"]);
        }
        else
        {
            year = Int(g["ny"]);
            var a = Int(g["na"]);
            var b = Int(g["nb"]);
            var dayFirst = g["ns"].ValueSpan is "." || a > 12 || (b <= 12 && language is not null && language != "en");
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

        var date = $"{year:D4}-{month:D2}-{day:D2}";
        if (!g["h"].Success)
        {
            return date;
        }

        var hour = Int(g["h"]);
        var minute = Int(g["min"]);
        var second = g["s"].Success ? Int(g["s"]) : 0;
        if (g["ampm"].Success)
        {
            var pm = char.ToLowerInvariant(g["ampm"].ValueSpan[0]) == 'p';
            if (hour is < 1 or > 12)
            {
                return date;
            }

            hour = (hour % 12) + (pm ? 12 : 0);
        }

        if (hour > 23 || minute > 59 || second > 59)
        {
            return date;
        }

        var zone = g["z"].Success ? Zone(g["z"].Value) : "";
        return string.Create(CultureInfo.InvariantCulture, $"{date}T{hour:D2}:{minute:D2}:{second:D2}{zone}");
    }

    private static string Zone(string z)
    {
        if (z is "Z" or "z" || z.Equals("UTC", StringComparison.OrdinalIgnoreCase) || z.Equals("GMT", StringComparison.OrdinalIgnoreCase))
        {
            return "Z";
        }

        var digits = z.Replace(":", "", StringComparison.Ordinal);
        return digits.Length == 5 ? $"{digits[..3]}:{digits[3..]}" : "";
    }

    private static int Int(Group g) => int.Parse(g.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    // Alternatives: ISO (2015-11-18[T10:30[:00][Z|+01:00]]), month first (Nov. 18, 2015), day first
    // (18 November 2015, 18. November 2015, 1er mars 2020, 18 de noviembre de 2015), numeric (11/18/2015, 18.11.2015);
    // each may be followed by a time (10:30, 10h30, 3:45 pm) and a zone.
    [GeneratedRegex(
        @"(?<!\d)(?:(?<iy>\d{4})-(?<im>\d{1,2})-(?<id>\d{1,2})" +
        @"|(?<mm>\p{L}{3,10})\.?\s+(?<md>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<my>\d{4})" +
        @"|(?<dd>\d{1,2})(?:er|st|nd|rd|th|º|°|\.)?\s+(?:de\s+)?(?<dm>\p{L}{3,10})\.?,?\s+(?:de\s+)?(?<dy>\d{4})" +
        @"|(?<na>\d{1,2})(?<ns>[./-])(?<nb>\d{1,2})[./-](?<ny>\d{4}))" +
        @"(?:(?:T|,?\s+(?:at\s+|à\s+|um\s+|a\s+las\s+|-\s+)?)(?<h>\d{1,2})[:h](?<min>\d{2})(?::(?<s>\d{2}))?(?:\.\d+)?\s*(?<ampm>[AaPp]\.?[Mm]\.?)?\s*(?:Uhr\s*)?(?<z>Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex DatePattern();
}
