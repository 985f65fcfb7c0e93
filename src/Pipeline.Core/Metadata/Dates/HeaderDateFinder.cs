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
        for (var step = 0; step <= 2 * Reach; step++)
        {
            // 0, +1, -1, +2, -2, ...: a date under the headline is as likely as one above it, and wins a tie.
            var i = center + (step % 2 == 1 ? (step + 1) / 2 : -(step / 2));
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
}
