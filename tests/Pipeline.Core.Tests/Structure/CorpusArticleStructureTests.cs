using System.Text;
using Pipeline.Core.Structure;

namespace Pipeline.Core.Tests.Structure;

/// <summary>The scraped article in the shared corpus holds the article twice; the second copy has extra quotes.</summary>
public sealed class CorpusArticleStructureTests
{
    private static readonly StructuredText Result = new DocumentStructurer().Structure(
        Encoding.UTF8.GetString(SharedCorpus.ReadBytes("scraped-news-article.txt")));

    private static List<string> Texts => Result.Blocks.Select(b => b.Text).ToList();

    private static int IndexStarting(string prefix) => Texts.FindIndex(t => t.StartsWith(prefix, StringComparison.Ordinal));

    [Fact]
    public void Every_paragraph_appears_once()
    {
        var keys = Result.Blocks.Select(b => Pipeline.Core.Deduplication.CanonicalForm.Create(b.Text)).ToList();
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.Single(Texts, t => t.StartsWith("In reality, ISIS is not a", StringComparison.Ordinal));
    }

    [Fact]
    public void The_two_section_headings_are_headings()
    {
        var headings = Result.Blocks.Where(b => b.Kind == BlockKind.Heading).Select(b => b.Text).ToArray();
        Assert.Equal(
            ["The West Got What it Wanted in Libya - And Created ISIS in the Process", "Using Another 9/11 to Justify Creating Another Libya"],
            headings);
    }

    [Fact]
    public void The_long_dateline_first_line_is_not_a_title()
    {
        Assert.DoesNotContain(Result.Blocks, b => b.Kind == BlockKind.Title);
        Assert.StartsWith("November 18, 2015", Result.Blocks[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Author_bio_is_last_and_once()
    {
        Assert.StartsWith("Tony Cartalucci, Bangkok-based", Texts[^1], StringComparison.Ordinal);
        Assert.Single(Texts, t => t.StartsWith("Tony Cartalucci, Bangkok-based", StringComparison.Ordinal));
    }

    [Fact]
    public void Guardian_quotes_follow_the_sentences_that_introduce_them()
    {
        var stated = IndexStarting("The London Guardian stated");
        Assert.Equal(stated + 1, IndexStarting("The Isis attacks in Paris have galvanised"));
        Assert.Equal(stated + 2, IndexStarting("There is still no sign of agreement"));
        Assert.Equal(stated + 3, IndexStarting("This is also considering the fact"));

        Assert.Equal(IndexStarting("Regarding this point, the Guardian") + 1, IndexStarting("It was clear, however, that Russia"));
        Assert.Equal(IndexStarting("However, to explain the West's apparent failure") + 1, IndexStarting("Isis, in their [the West's] view"));
        Assert.Equal(IndexStarting("Isis, in their [the West's] view") + 1, IndexStarting("In reality, ISIS is not a"));
    }

    [Fact]
    public void Business_Insider_quotes_sit_in_order_before_the_next_first_copy_paragraph()
    {
        var report = IndexStarting("The Business Insider would report");
        string[] quotes =
        [
            "The administration has said", "There have been several possible SA-7", "On Sept. 6 a Libyan ship",
            "[Catherine] Herridge reported", "\"Now, it's alleged he is firmly aligned",
            "It is clear that despite Western claims",
        ];
        for (var i = 0; i < quotes.Length; i++)
        {
            Assert.Equal(report + 1 + i, IndexStarting(quotes[i]));
        }
    }

    [Fact]
    public void Paragraph_only_in_the_first_copy_keeps_its_place()
    {
        Assert.Equal(IndexStarting("They insisted that regime change") + 1, IndexStarting("Through arming what the West called"));
        Assert.Equal(IndexStarting("Through arming what the West called") + 1, IndexStarting("The Business Insider would report"));
    }

    [Fact]
    public void Image_caption_is_moved_out_and_counted()
    {
        var caption = Assert.Single(Result.ImageCaptions);
        Assert.StartsWith("Libya got NATO-backed regime change", caption, StringComparison.Ordinal);
        Assert.EndsWith("stability to the world.", caption, StringComparison.Ordinal);
        Assert.Equal(1, Result.Removed["imageCaptions"]);
        Assert.DoesNotContain(Texts, t => t.StartsWith("Image:", StringComparison.Ordinal));
    }

    [Fact]
    public void Removed_counts_the_repeated_second_copy()
    {
        // The second copy has 29 body blocks; 9 of them are new.
        Assert.Equal(20, Result.Removed["duplicateParagraphs"]);
        Assert.Equal(0, Result.Removed["boilerplateLines"]);
        Assert.Equal(22 + 9, Result.Blocks.Count); // 22 lines in the first copy
    }
}
