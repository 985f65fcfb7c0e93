using Pipeline.Core.Metadata.Shared;
using Pipeline.Core.Metadata.Titles;

namespace Pipeline.Core.Metadata.Bylines;

/// <summary>
/// The authors a byline near the headline names, read from the page (<see cref="PageHeader"/>) because the boilerplate
/// classifier often removes it: "By A and B", "Von A | 3. Mai", and the byline a one-node-per-line dump splits into
/// "Von" / "A und" / "B".
/// </summary>
internal static class HeaderBylineFinder
{
    /// <summary>How many page blocks either side of the headline are read.</summary>
    private const int Reach = 8;

    /// <summary>How many lines a split byline is joined from after its lead word.</summary>
    private const int SplitLines = 3;

    /// <summary>The authors of the byline nearest page block <paramref name="center"/>, or null when none is near.</summary>
    public static (IReadOnlyList<string> Authors, string? Publisher)? Find(PageHeader header, int center)
    {
        for (var step = 0; step <= 2 * Reach; step++)
        {
            // 0, +1, -1, ...: bylines stand under the headline more often than above it, so "under" wins a tie.
            var i = center + (step % 2 == 1 ? (step + 1) / 2 : -(step / 2));
            if (i < header.Start || i >= header.End)
            {
                continue;
            }

            var line = HeaderText.Clean(header.Line(i));
            if (Byline.TryReadBylineLine(line, out var authors, out var publisher))
            {
                return (Byline.Distinct(authors), publisher);
            }

            if (HeadlineFinder.IsBylineWord(line) && Joined(header, i) is { } joined &&
                Byline.TryReadBylineLine(joined, out authors, out publisher))
            {
                return (Byline.Distinct(authors), publisher);
            }
        }

        return null;
    }

    /// <summary>"By " and the lines after lead word <paramref name="index"/> that continue a list of names.</summary>
    private static string? Joined(PageHeader header, int index)
    {
        if (index + 1 >= header.Page.Count)
        {
            return null;
        }

        var joined = "By " + HeaderText.Clean(header.Line(index + 1)).ToString();
        for (var k = index + 2; k < Math.Min(header.Page.Count, index + 1 + SplitLines) && ContinuesList(joined); k++)
        {
            joined += " " + HeaderText.Clean(header.Line(k)).ToString();
        }

        return joined;
    }

    private static bool ContinuesList(string s) =>
        s.EndsWith(',') || s.EndsWith('&') || s.EndsWith(" und", StringComparison.OrdinalIgnoreCase) ||
        s.EndsWith(" and", StringComparison.OrdinalIgnoreCase) || s.EndsWith(" et", StringComparison.OrdinalIgnoreCase) ||
        s.EndsWith(" y", StringComparison.OrdinalIgnoreCase) || s.EndsWith(" e", StringComparison.OrdinalIgnoreCase);
}
