using Pipeline.Core.Deduplication;
using Pipeline.Core.Structure;

namespace Pipeline.Core.Tests.Deduplication;

public sealed class ParagraphDeduplicatorTests
{
    private const string A = "The harbour authority announced on Friday that the old pier will be rebuilt next spring.";
    private const string B = "Engineers found that the wooden supports had rotted after decades of exposure to salt water.";
    private const string C = "Local fishermen have been using a temporary landing stage further along the coast since May.";
    private const string D = "The project is expected to cost four million pounds and will take about eighteen months.";
    private const string E = "A public meeting about the design will be held at the town hall on the first of the month.";
    private const string Q1 = "\"We cannot keep patching it up every winter,\" the harbour master told reporters.";
    private const string Q2 = "\"The new pier will last for a hundred years,\" she added.";

    private static TextBlock P(string text) => new(BlockKind.Paragraph, text);

    private static string[] Dedup(params string[] paragraphs) =>
        new ParagraphDeduplicator().Deduplicate(paragraphs.Select(P).ToList()).Blocks.Select(b => b.Text).ToArray();

    [Fact]
    public void Exact_repeat_is_kept_once()
    {
        Assert.Equal([A, B], Dedup(A, B, A));
    }

    [Fact]
    public void Repeat_differing_only_in_case_quotes_and_whitespace_is_a_repeat()
    {
        Assert.Equal([A, B], Dedup(A, B, A.ToUpperInvariant().Replace(" ", "  ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Near_repeat_with_one_word_changed_in_a_long_paragraph_is_a_repeat()
    {
        const string long1 = "The harbour authority announced on Friday that the old pier, which has stood since 1890 and survived two wars and " +
            "countless storms, will be taken down and rebuilt next spring using steel and concrete rather than timber from local forests.";
        var long2 = long1.Replace("countless", "numerous", StringComparison.Ordinal);
        var result = new ParagraphDeduplicator(new ParagraphDedupOptions { NearDuplicateThreshold = 0.8 })
            .Deduplicate([P(long1), P(B), P(long2)]);
        Assert.Equal(2, result.Blocks.Count);
        Assert.Equal(1, result.DuplicatesRemoved);
    }

    [Fact]
    public void Different_paragraphs_are_all_kept()
    {
        Assert.Equal([A, B, C, D], Dedup(A, B, C, D));
    }

    [Fact]
    public void Paragraph_contained_in_a_fuller_later_one_is_replaced_in_place()
    {
        const string intro = "The harbour master told the local paper that:";
        const string full = intro + " \"We cannot keep patching it up every winter.\"";
        Assert.Equal([full, B], Dedup(intro, B, full));
    }

    [Fact]
    public void Later_paragraph_contained_in_an_earlier_fuller_one_is_dropped()
    {
        const string full = "The harbour master told the local paper that: \"We cannot keep patching it up every winter.\"";
        Assert.Equal([full, B], Dedup(full, B, "We cannot keep patching it up every winter."));
    }

    [Fact]
    public void Short_phrase_inside_a_paragraph_is_not_merged_into_it()
    {
        Assert.Equal(["Next spring.", A], Dedup("Next spring.", A));
    }

    [Fact]
    public void Extra_paragraphs_of_a_second_copy_are_merged_where_they_belong()
    {
        Assert.Equal([A, Q1, Q2, B, C, E, D], Dedup(A, B, C, D, A, Q1, Q2, B, C, E, D));
    }

    [Fact]
    public void Alignment_merge_counts_only_the_repeats()
    {
        var result = new ParagraphDeduplicator().Deduplicate(new[] { A, B, C, D, A, Q1, Q2, B, C, E, D }.Select(P).ToList());
        Assert.Equal(4, result.DuplicatesRemoved);
    }

    [Fact]
    public void New_paragraphs_after_the_last_repeat_are_appended()
    {
        Assert.Equal([A, B, C, E], Dedup(A, B, C, A, E));
    }

    [Fact]
    public void Paragraphs_after_an_out_of_order_repeat_go_to_the_end()
    {
        Assert.Equal([A, B, C, D, E], Dedup(A, B, C, C, D, A, E));
    }

    [Fact]
    public void Repeated_heading_is_kept_once()
    {
        var blocks = new List<TextBlock> { P(A), new(BlockKind.Heading, "The Pier"), P(B), new(BlockKind.Heading, "The Pier"), P(C) };
        var result = new ParagraphDeduplicator().Deduplicate(blocks);
        Assert.Single(result.Blocks, b => b.Kind == BlockKind.Heading);
    }

    [Fact]
    public void Heading_is_not_merged_into_a_paragraph_that_contains_it()
    {
        var blocks = new List<TextBlock> { new(BlockKind.Heading, "Why The Old Pier Must Be Rebuilt"), P("Why the old pier must be rebuilt is a question many residents ask.") };
        Assert.Equal(2, new ParagraphDeduplicator().Deduplicate(blocks).Blocks.Count);
    }
}
