using Pipeline.Core.Structure;

namespace Pipeline.Core.Tests.Structure;

public sealed class DocumentStructurerTests
{
    private const string Body1 = "The council met on Tuesday evening to discuss the new budget for the coming year.";
    private const string Body2 = "Several members objected to the cuts proposed for the public library and the parks.";
    private const string Body3 = "A final vote is expected next month after a public consultation has been held.";

    private static StructuredText Structure(string text, StructureOptions? options = null) =>
        new DocumentStructurer(options).Structure(text);

    private static string[] Texts(StructuredText s) => s.Blocks.Select(b => b.Text).ToArray();

    [Fact]
    public void Each_line_is_a_paragraph_in_one_paragraph_per_line_text()
    {
        var result = Structure($"{Body1}\n{Body2}\n{Body3}");
        Assert.Equal([Body1, Body2, Body3], Texts(result));
        Assert.All(result.Blocks, b => Assert.Equal(BlockKind.Paragraph, b.Kind));
    }

    [Fact]
    public void Blank_lines_between_one_line_paragraphs_do_not_join_them()
    {
        Assert.Equal([Body1, Body2, Body3], Texts(Structure($"{Body1}\n\n{Body2}\n\n{Body3}\n")));
    }

    [Fact]
    public void Hard_wrapped_blocks_are_joined_into_paragraphs()
    {
        const string text =
            "The council met on Tuesday evening to discuss\nthe new budget for the coming year, which\nincludes cuts.\n\n" +
            "Several members objected to the cuts proposed\nfor the public library and the parks.\n";
        Assert.Equal(
            [
                "The council met on Tuesday evening to discuss the new budget for the coming year, which includes cuts.",
                "Several members objected to the cuts proposed for the public library and the parks.",
            ],
            Texts(Structure(text)));
    }

    [Fact]
    public void Hard_wrapped_word_broken_with_a_hyphen_is_rejoined_without_a_space()
    {
        const string text = "The plan drew on a multi-\nnational study of parks and\nlibraries in ten cities.\n\nSecond block of text that\nis wrapped as well here.";
        Assert.StartsWith("The plan drew on a multi-national study", Texts(Structure(text))[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Short_title_case_line_between_paragraphs_is_a_heading()
    {
        var result = Structure($"{Body1}\nWhat Happens Next for the Library\n{Body2}");
        Assert.Equal(BlockKind.Heading, result.Blocks[1].Kind);
    }

    [Fact]
    public void Sentence_case_short_line_between_paragraphs_is_a_heading()
    {
        Assert.Equal(BlockKind.Heading, Structure($"{Body1}\nWhat happens next\n{Body2}").Blocks[1].Kind);
    }

    [Theory]
    [InlineData("The mayor said this:")]
    [InlineData("\"We will not close the library\"")]
    [InlineData("“We will not close it”")]
    [InlineData("It was a long night.")]
    [InlineData("Really?")]
    [InlineData("and then the vote came")]
    [InlineData("By Jane Doe")]
    public void Line_that_does_not_read_as_a_title_is_not_a_heading(string line)
    {
        Assert.Equal(BlockKind.Paragraph, Structure($"{Body1}\n{line}\n{Body2}").Blocks[1].Kind);
    }

    [Fact]
    public void Line_longer_than_the_heading_limit_is_a_paragraph()
    {
        const string line = "One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen Fifteen Sixteen";
        Assert.Equal(BlockKind.Paragraph, Structure($"{Body1}\n{line}\n{Body2}").Blocks[1].Kind);
    }

    [Fact]
    public void Short_line_at_the_end_is_not_a_heading()
    {
        Assert.Equal(BlockKind.Paragraph, Structure($"{Body1}\n{Body2}\nThe End of the Story").Blocks[2].Kind);
    }

    [Fact]
    public void Run_of_short_lines_is_a_list_not_headings()
    {
        var result = Structure($"{Body1}\nApples and Pears\nFresh Bread\nLocal Cheese\n{Body2}");
        Assert.All(result.Blocks, b => Assert.Equal(BlockKind.Paragraph, b.Kind));
    }

    [Fact]
    public void Headline_first_line_followed_by_body_is_the_title()
    {
        var result = Structure($"Council Votes to Keep the Library Open\n{Body1}\n{Body2}");
        Assert.Equal(BlockKind.Title, result.Blocks[0].Kind);
        Assert.Single(result.Blocks, b => b.Kind == BlockKind.Title);
    }

    [Fact]
    public void Title_and_a_subheading_before_the_body_are_title_and_heading()
    {
        var result = Structure($"Council Votes to Keep the Library Open\nBudget Talks\n{Body1}");
        Assert.Equal([BlockKind.Title, BlockKind.Heading, BlockKind.Paragraph], result.Blocks.Select(b => b.Kind));
    }

    [Theory]
    [InlineData("The council met on Tuesday to talk about many things of interest to the town.")]
    [InlineData("November 18, 2015")]
    public void First_line_that_is_not_a_headline_is_not_a_title(string first)
    {
        Assert.DoesNotContain(Structure($"{first}\n{Body1}\n{Body2}").Blocks, b => b.Kind == BlockKind.Title);
    }

    [Fact]
    public void Headline_alone_without_body_is_not_a_title()
    {
        Assert.Equal(BlockKind.Paragraph, Structure("Council Votes to Keep the Library Open").Blocks[0].Kind);
    }

    [Fact]
    public void Title_detection_can_be_turned_off()
    {
        var result = Structure($"Council Votes to Keep the Library Open\n{Body1}", new StructureOptions { DetectTitle = false });
        Assert.DoesNotContain(result.Blocks, b => b.Kind == BlockKind.Title);
    }

    [Fact]
    public void Removed_always_reports_the_three_counts()
    {
        var removed = Structure(Body1).Removed;
        Assert.Equal(0, removed["boilerplateLines"]);
        Assert.Equal(0, removed["imageCaptions"]);
        Assert.Equal(0, removed["duplicateParagraphs"]);
    }

    [Fact]
    public void Repeated_paragraph_is_removed_and_counted()
    {
        var result = Structure($"{Body1}\n{Body2}\n{Body1}");
        Assert.Equal([Body1, Body2], Texts(result));
        Assert.Equal(1, result.Removed["duplicateParagraphs"]);
    }

    [Fact]
    public void Clean_text_joins_blocks_with_a_blank_line()
    {
        Assert.Equal($"{Body1}\n\n{Body2}", Structure($"{Body1}\r\n{Body2}\r\n").ToCleanText());
    }

    [Fact]
    public void Invalid_options_are_rejected()
    {
        Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(
            () => new DocumentStructurer(new StructureOptions { MaxHeadingWords = 0 }));
    }
}
