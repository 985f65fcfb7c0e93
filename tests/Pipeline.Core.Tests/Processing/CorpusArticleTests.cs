using Pipeline.Core.Deduplication;
using Pipeline.Core.Documents;
using Pipeline.Core.Processing;
using Pipeline.Tests.Shared;

namespace Pipeline.Core.Tests.Processing;

/// <summary>
/// The must-holds of the text core on the real scraped article in ../shared/corpus, end to end through
/// <see cref="DocumentProcessor"/>. These tests fail, with a message saying so, when ../shared is absent.
/// </summary>
public sealed class CorpusArticleTests
{
    private static readonly Lazy<DocumentRecord> Record = new(() =>
    {
        var path = RepositoryPaths.SharedCorpus("scraped-news-article.txt");
        return new DocumentProcessor()
            .ProcessAsync(new RawInput("scraped-news-article.txt", File.ReadAllBytes(path)), new InMemoryDedupIndex())
            .AsTask().GetAwaiter().GetResult();
    });

    private static DocumentRecord Article => Record.Value;

    private static DocumentMetadata Metadata => Article.Metadata!;

    [Fact]
    public void Article_is_processed() => Assert.Equal(ResultStatus.Processed, Article.Status);

    [Fact]
    public void PublishedAt_is_the_dateline_date() => Assert.Equal("2015-11-18", Metadata.PublishedAt);

    [Fact]
    public void Authors_are_exactly_the_dateline_author() => Assert.Equal(["Tony Cartalucci"], Metadata.Authors);

    [Fact]
    public void Publisher_is_the_expanded_outlet_name() => Assert.Equal("New Eastern Outlook", Metadata.Publisher);

    [Fact]
    public void Language_is_english() => Assert.Equal("en", Metadata.Language);

    [Fact]
    public void Title_is_null_because_the_text_has_no_headline() => Assert.Null(Metadata.Title);

    [Theory]
    [InlineData("In reality, ISIS is not a")]
    [InlineData("The West and its regional allies, namely Saudi Arabia")]
    [InlineData("Tony Cartalucci, Bangkok-based geopolitical researcher")]
    [InlineData("The Isis attacks in Paris have galvanised international efforts")]
    [InlineData("Now, it's alleged he is firmly aligned with ISIS")]
    public void Every_paragraph_appears_once(string start)
    {
        var occurrences = Article.Text!.Split(start).Length - 1;
        Assert.Equal(1, occurrences);
    }

    [Fact]
    public void Glued_sentences_are_separated() => Assert.DoesNotContain("ceasefire.It", Article.Text);

    [Fact]
    public void Missing_space_before_the_outlet_quote_is_restored() => Assert.Contains("magazine “New Eastern Outlook”", Article.Text);

    [Fact]
    public void Both_section_headings_are_found() => Assert.Equal(
        ["The West Got What it Wanted in Libya - And Created ISIS in the Process", "Using Another 9/11 to Justify Creating Another Libya"],
        Metadata.Headings);

    [Fact]
    public void The_three_cited_articles_come_with_their_outlets()
    {
        Assert.Contains(new Citation("The Guardian", "Paris attacks galvanise international efforts to end Syria war"), Metadata.Citations);
        Assert.Contains(new Citation("Business Insider", "REPORT: The US Is Openly Sending Heavy Weapons From Libya To Syrian Rebels"), Metadata.Citations);
        Assert.Contains(new Citation("Fox News", "Herridge: ISIS Has Turned Libya Into New Support Base, Safe Haven"), Metadata.Citations);
    }

    [Fact]
    public void Image_caption_is_in_metadata_and_not_in_the_text()
    {
        Assert.Contains(Metadata.ImageCaptions, c => c.StartsWith("Libya got NATO-backed regime change", StringComparison.Ordinal));
        Assert.DoesNotContain("Libya got NATO-backed regime change", Article.Text);
        Assert.DoesNotContain("Image:", Article.Text);
    }

    [Theory]
    [InlineData("Sergei Lavrov")]
    [InlineData("Bashar al-Assad")]
    [InlineData("Abdelhakim Belhadj")]
    [InlineData("Catherine Herridge")]
    [InlineData("Chris Stevens")]
    public void People_include(string person) => Assert.Contains(person, Metadata.Entities.People);

    [Theory]
    [InlineData("Aleppo")]
    [InlineData("Damascus")]
    [InlineData("Benghazi")]
    public void Places_include(string place) => Assert.Contains(place, Metadata.Entities.Places);

    [Theory]
    [InlineData("However")]
    [InlineData("The West")]
    [InlineData("In")]
    [InlineData("It")]
    public void Sentence_initial_words_are_not_entities(string junk)
    {
        Assert.DoesNotContain(junk, Metadata.Entities.People);
        Assert.DoesNotContain(junk, Metadata.Entities.Organizations);
        Assert.DoesNotContain(junk, Metadata.Entities.Places);
    }

    [Fact]
    public void Record_matches_the_published_schema() => RecordSchema.AssertValid(PipelineJson.Serialize(Article));

    [Fact]
    public async Task Processing_the_same_bytes_twice_gives_the_same_id_and_text()
    {
        var again = await new DocumentProcessor()
            .ProcessAsync(new RawInput("copy.txt", File.ReadAllBytes(RepositoryPaths.SharedCorpus("scraped-news-article.txt"))), new InMemoryDedupIndex());
        Assert.Equal(Article.Id, again.Id);
        Assert.Equal(Article.Text, again.Text);
    }
}
