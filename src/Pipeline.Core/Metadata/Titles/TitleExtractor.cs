using Pipeline.Core.Structure;

namespace Pipeline.Core.Metadata.Titles;

/// <summary>The headline: the text of the <see cref="BlockKind.Title"/> block, never guessed from paragraphs.</summary>
internal static class TitleExtractor
{
    /// <summary>The title, or null when the structurer found none.</summary>
    public static string? Extract(StructuredText text)
    {
        var blocks = text.Blocks;
        for (var b = 0; b < blocks.Count; b++)
        {
            if (blocks[b].Kind == BlockKind.Title)
            {
                return blocks[b].Span.ToString();
            }
        }

        return null;
    }
}
