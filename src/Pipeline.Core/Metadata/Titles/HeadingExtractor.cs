using Pipeline.Core.Structure;

namespace Pipeline.Core.Metadata.Titles;

/// <summary>Section headings: the <see cref="BlockKind.Heading"/> blocks, in order.</summary>
internal static class HeadingExtractor
{
    /// <summary>The headings.</summary>
    public static IReadOnlyList<string> Extract(StructuredText text)
    {
        var blocks = text.Blocks;
        var count = 0;
        for (var b = 0; b < blocks.Count; b++)
        {
            count += blocks[b].Kind == BlockKind.Heading ? 1 : 0;
        }

        if (count == 0)
        {
            return [];
        }

        var headings = new string[count];
        var n = 0;
        for (var b = 0; b < blocks.Count; b++)
        {
            if (blocks[b].Kind == BlockKind.Heading)
            {
                headings[n++] = blocks[b].Span.ToString();
            }
        }

        return headings;
    }
}
