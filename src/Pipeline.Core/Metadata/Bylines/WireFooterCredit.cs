using Pipeline.Core.Metadata.Shared;
using Pipeline.Core.Structure;

namespace Pipeline.Core.Metadata.Bylines;

/// <summary>
/// The credit line news wires put under a story ("Reporting by A and B; Writing by C; Editing by D"): the reporters
/// and the writer are the authors, the editors are not.
/// </summary>
internal static class WireFooterCredit
{
    private const int MaxFooterLength = 300;

    private const int FooterBlocks = 3;

    private static readonly string[] AuthorLeads = ["Reporting by ", "Reported by ", "Writing by ", "Written by ", "Additional reporting by "];

    private static readonly string[] NameSeparators = [",", " and ", " & "];

    /// <summary>The authors named by a wire credit line in the last few blocks of <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<string> Authors(StructuredText text)
    {
        var blocks = text.Blocks;
        for (var i = blocks.Count - 1; i >= Math.Max(0, blocks.Count - FooterBlocks); i--)
        {
            var block = blocks[i].Span;
            if (block.Length > MaxFooterLength || !block.Contains(" by ", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            List<string>? authors = null;
            foreach (var range in block.SplitAny(";()|"))
            {
                var part = block[range].Trim();
                if (part.IsEmpty)
                {
                    continue;
                }

                foreach (var lead in AuthorLeads)
                {
                    if (part.StartsWith(lead, StringComparison.OrdinalIgnoreCase))
                    {
                        ReadNames(part[lead.Length..], ref authors);
                        break;
                    }
                }
            }

            if (authors is not null)
            {
                return Byline.Distinct(authors);
            }
        }

        return [];
    }

    // "Anna Berg in Oslo and Tom Lund" -> "Anna Berg", "Tom Lund": a name ends at the first lower-case word.
    private static void ReadNames(ReadOnlySpan<char> list, ref List<string>? authors)
    {
        // Split as string.Split does with several separators: at each position the first that matches.
        var start = 0;
        var i = 0;
        while (i < list.Length)
        {
            var separator = 0;
            foreach (var candidate in NameSeparators)
            {
                if (list[i..].StartsWith(candidate, StringComparison.Ordinal))
                {
                    separator = candidate.Length;
                    break;
                }
            }

            if (separator == 0)
            {
                i++;
                continue;
            }

            ReadName(list[start..i], ref authors);
            i += separator;
            start = i;
        }

        ReadName(list[start..], ref authors);
    }

    private static void ReadName(ReadOnlySpan<char> piece, ref List<string>? authors)
    {
        piece = piece.Trim();
        if (piece.IsEmpty)
        {
            return;
        }

        Span<char> buffer = stackalloc char[MaxFooterLength];

        // The leading capitalised words, joined by single spaces.
        var length = 0;
        foreach (var wordRange in piece.Split(' '))
        {
            var word = piece[wordRange];
            if (word.IsEmpty)
            {
                continue;
            }

            if (!char.IsUpper(word[0]))
            {
                break;
            }

            if (length > 0)
            {
                buffer[length++] = ' ';
            }

            word.CopyTo(buffer[length..]);
            length += word.Length;
        }

        var name = buffer[..length].TrimEnd('.');
        if (PersonNames.LooksLikePersonName(name))
        {
            (authors ??= []).Add(PersonNames.NormaliseCase(name));
        }
    }
}
