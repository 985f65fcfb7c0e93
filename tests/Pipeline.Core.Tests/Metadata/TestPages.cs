using Pipeline.Core.Structure;

namespace Pipeline.Core.Tests.Metadata;

/// <summary>Builds whole-page <see cref="StructuredText"/> values by hand: kept blocks and the furniture removed around them.</summary>
internal static class TestPages
{
    /// <summary>
    /// One page block per line. A line starting with "- " was removed by the block classifier, "= " by the line rules
    /// (share, subscribe and skip lines); "# " marks a heading, "! " the block the structurer took for the title; the other lines are kept paragraphs, which are also the
    /// clean text.
    /// </summary>
    public static StructuredText Build(string page)
    {
        var pageBlocks = new List<PageBlock>();
        var kept = new List<TextBlock>();
        foreach (var raw in page.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var byRule = raw.StartsWith("= ", StringComparison.Ordinal);
            var removed = byRule || raw.StartsWith("- ", StringComparison.Ordinal);
            var line = removed ? raw[2..] : raw;
            var kind = line.StartsWith("# ", StringComparison.Ordinal) ? BlockKind.Heading
                : line.StartsWith("! ", StringComparison.Ordinal) ? BlockKind.Title : BlockKind.Paragraph;
            var block = new TextBlock(kind, kind == BlockKind.Paragraph ? line : line[2..]);
            pageBlocks.Add(new PageBlock(block, byRule ? "boilerplateLines" : removed ? "boilerplateBlocks" : null));
            if (!removed)
            {
                kept.Add(block);
            }
        }

        return new StructuredText(kept, [], new Dictionary<string, int>()) { PageBlocks = pageBlocks };
    }

    /// <summary>A paragraph of running text long enough to start an article body.</summary>
    public const string Body =
        "The council met on Tuesday evening and agreed, after a long debate, to close the old bridge for repairs until spring.";
}
