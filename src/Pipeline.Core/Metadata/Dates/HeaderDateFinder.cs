using Pipeline.Core.Metadata.Shared;

namespace Pipeline.Core.Metadata.Dates;

/// <summary>
/// The publication date from the page around the headline: the date line nearest it (a date bar at the top of the page,
/// teaser dates and comment dates are further away), an "updated" line only when no other date is near.
/// </summary>
internal static class HeaderDateFinder
{
    /// <summary>How many page blocks either side of the headline are read.</summary>
    private const int Reach = 8;

    /// <summary>A longer block is running text, whose dates are events rather than the publication.</summary>
    private const int MaximumLineLength = 250;

    /// <summary>The date nearest page block <paramref name="center"/> (the headline, or the body start), or null.</summary>
    public static string? Find(PageHeader header, int center, string? language)
    {
        string? updated = null;
        var (up, down) = (center, center);
        for (var step = 0; step <= 2 * Reach; step++)
        {
            // 0, +1, -1, +2, -2, ...: a date under the headline is as likely as one above it, and wins a tie.
            var i = step == 0 ? center : step % 2 == 1 ? down = Next(header, down, 1) : up = Next(header, up, -1);
            if (i < header.Start || i >= header.End)
            {
                continue;
            }

            var line = header.Line(i);
            if (line.Length > MaximumLineLength)
            {
                continue;
            }

            var cue = DateExtractor.CueOf(line);
            if (DateExtractor.FindDate(line, 0, language) is not { } date)
            {
                continue;
            }

            if (cue != DateExtractor.Cue.Updated)
            {
                return date;
            }

            updated ??= date;
        }

        return updated;
    }

    /// <summary>
    /// The next block from <paramref name="index"/> in direction <paramref name="step"/>, past the share, print and
    /// subscribe lines the rules removed: they stand between headline and date line on many pages and hold no date of theirs.
    /// </summary>
    private static int Next(PageHeader header, int index, int step)
    {
        var j = index + step;
        while (j >= header.Start && j < header.End && header.Page[j].IsRuleLine)
        {
            j += step;
        }

        return j;
    }
}
