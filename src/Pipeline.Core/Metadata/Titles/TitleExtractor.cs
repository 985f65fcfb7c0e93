using Pipeline.Core.Metadata.Shared;
using Pipeline.Core.Structure;

namespace Pipeline.Core.Metadata.Titles;

/// <summary>
/// The headline: found on the page around the article start (<see cref="HeadlineFinder"/>), else the text of the
/// <see cref="BlockKind.Title"/> block when it reads as a headline; never guessed from paragraphs.
/// </summary>
internal static class TitleExtractor
{
    /// <summary>The title, or null when neither the page nor the structurer shows one.</summary>
    /// <param name="text">The document.</param>
    /// <param name="header">The page around the article start, when the text has page blocks.</param>
    /// <param name="headline">What <see cref="HeadlineFinder"/> found in <paramref name="header"/>.</param>
    public static string? Extract(StructuredText text, PageHeader? header, (string Text, int Index)? headline)
    {
        if (headline is { } found)
        {
            return found.Text;
        }

        var blocks = text.Blocks;
        for (var b = 0; b < blocks.Count; b++)
        {
            if (blocks[b].Kind == BlockKind.Title)
            {
                // A kicker over the headline: the title line is followed by a second heading right above the first
                // paragraph of running text (a standfirst or the body).
                if (b + 2 < blocks.Count && blocks[b + 1].Kind == BlockKind.Heading && PageHeader.IsRunningText(blocks[b + 2].Span) &&
                    HeadlineFinder.IsCandidate(blocks[b + 1].Span) && HeaderText.Words(blocks[b + 1].Span) >= 3)
                {
                    b++;
                }

                // A date line or a form the structurer took for a title is not one.
                return header is null || HeadlineFinder.IsCandidate(blocks[b].Span) ? blocks[b].Span.ToString() : null;
            }
        }

        return null;
    }
}
