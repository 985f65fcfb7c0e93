using Pipeline.Core.Metadata.Dates;
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

            var straight = BylineLead.Straighten(line);
            if ((HeadlineFinder.IsBylineWord(line) || straight is "By") && Joined(header, i) is { } joined &&
                Byline.TryReadBylineLine(joined, out authors, out publisher))
            {
                return (Byline.Distinct(authors), publisher);
            }

            if (straight is { Length: > 2 } && Byline.TryReadBylineLine(straight, out authors, out publisher))
            {
                return (Byline.Distinct(authors), publisher);
            }
        }

        return NameByDate(header, center);
    }

    /// <summary>How many blocks under the headline a byline without a lead word is looked for.</summary>
    private const int NameReach = 4;

    /// <summary>
    /// A byline without a lead word, which only its date marks: a person's name that a date follows on the same line
    /// ("Jane Roe 19.10.2019, 05:00"), or a line that is only a name, next to a date line. Read under the headline only.
    /// </summary>
    private static (IReadOnlyList<string> Authors, string? Publisher)? NameByDate(PageHeader header, int center)
    {
        for (var i = center + 1; i < Math.Min(header.End, center + 1 + NameReach); i++)
        {
            var line = HeaderText.Clean(header.Line(i));
            if (line.Length > 80)
            {
                continue;
            }

            var digit = line.IndexOfAnyInRange('0', '9');
            var name = (digit < 0 ? line : line[..digit]).Trim().TrimEnd(",|•·-–—").Trim();
            if (!name.IsEmpty && PersonNames.LooksLikePersonName(name))
            {
                var dated = digit >= 0
                    ? DateExtractor.FindDate(line[digit..], 0, null) is not null
                    : IsDateLine(header, i + 1) || IsDateLine(header, i - 1);
                if (dated)
                {
                    return ([PersonNames.NormaliseCase(PersonNames.Undoubled(name))], null);
                }
            }

            // A name among a date line's pieces, or a name and its role next to a date line.
            var other = digit >= 0 && IsDateLine(header, i) ? NamePiece(line) : null;
            other ??= IsDateLine(header, i + 1) || IsDateLine(header, i - 1) ? NameBeforeRole(line) : null;
            if (other is not null)
            {
                return ([PersonNames.NormaliseCase(other)], null);
            }
        }

        return null;
    }

    /// <summary>The piece of a date line that is a name ("23.06.2016 um 16:14 Uhr - Jane Roe - 91 Kommentare").</summary>
    private static string? NamePiece(ReadOnlySpan<char> line)
    {
        var from = 0;
        for (var i = 1; i < line.Length; i++)
        {
            // A separator stands between spaces: "Jean-Luc" and "16:14" are not split.
            var last = i == line.Length - 1;
            if (!last && !(line[i] is '-' or '|' or '·' or '•' or '–' && line[i - 1] == ' ' && line[i + 1] == ' '))
            {
                continue;
            }

            var piece = line[from..(last ? line.Length : i)].Trim();
            if (from > 0 || !last)
            {
                if (PersonNames.LooksLikePersonName(piece))
                {
                    return piece.ToString();
                }
            }

            from = i + 1;
        }

        return null;
    }

    /// <summary>
    /// The name of a name-and-role line ("Jane Roe Education editor"): the shortest leading name the role words follow,
    /// as a role often starts with a capitalised desk name.
    /// </summary>
    internal static string? NameBeforeRole(ReadOnlySpan<char> line)
    {
        if (!Byline.HasRoleWord(line))
        {
            return null;
        }

        for (var end = line.IndexOf(' '); end > 0 && end < line.Length; end = NextSpace(line, end))
        {
            var name = line[..end].Trim();
            if (PersonNames.LooksLikePersonName(name) && Byline.HasRoleWord(line[end..]) && !Byline.HasRoleWord(name))
            {
                return name.ToString();
            }
        }

        return null;
    }

    private static int NextSpace(ReadOnlySpan<char> line, int at) => line[(at + 1)..].IndexOf(' ') is var next and >= 0 ? at + 1 + next : -1;

    private static bool IsDateLine(PageHeader header, int index) =>
        index >= header.Start && index < header.End && header.Line(index).Length <= 80 &&
        DateExtractor.FindDate(header.Line(index), 0, null) is not null;

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
