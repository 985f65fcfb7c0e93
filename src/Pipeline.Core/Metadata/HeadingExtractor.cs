using Pipeline.Core.Structure;

namespace Pipeline.Core.Metadata;

/// <summary>Section headings: the <see cref="BlockKind.Heading"/> blocks, in order.</summary>
internal static class HeadingExtractor
{
    /// <summary>The headings.</summary>
    public static IReadOnlyList<string> Extract(StructuredText text) =>
        text.Blocks.Where(b => b.Kind == BlockKind.Heading).Select(b => b.Text).ToArray();
}
