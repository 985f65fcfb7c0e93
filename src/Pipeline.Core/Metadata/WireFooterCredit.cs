using Pipeline.Core.Structure;

namespace Pipeline.Core.Metadata;

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
            var block = blocks[i].Text;
            if (block.Length > MaxFooterLength || !block.Contains(" by ", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var authors = new List<string>();
            foreach (var part in block.Split([';', '(', ')', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                foreach (var lead in AuthorLeads)
                {
                    if (part.StartsWith(lead, StringComparison.OrdinalIgnoreCase))
                    {
                        ReadNames(part[lead.Length..], authors);
                        break;
                    }
                }
            }

            if (authors.Count > 0)
            {
                return authors.Distinct(StringComparer.Ordinal).ToArray();
            }
        }

        return [];
    }

    // "Anna Berg in Oslo and Tom Lund" -> "Anna Berg", "Tom Lund": a name ends at the first lower-case word.
    private static void ReadNames(string list, List<string> authors)
    {
        foreach (var piece in list.Split(NameSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var words = piece.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var take = 0;
            while (take < words.Length && char.IsUpper(words[take][0]))
            {
                take++;
            }

            var name = string.Join(' ', words, 0, take).TrimEnd('.');
            if (PersonNames.LooksLikePersonName(name))
            {
                authors.Add(PersonNames.NormaliseCase(name));
            }
        }
    }
}
