using Pipeline.Core.Documents;
using Pipeline.Core.Metadata;

namespace Pipeline.Core.Tests.Metadata;

/// <summary>The must-holds on the shared scraped news article.</summary>
public sealed class CorpusMetadataTests
{
    private static readonly Lazy<DocumentMetadata> Result = new(() => new MetadataExtractor().Extract(TestTexts.Corpus()));

    private static DocumentMetadata Metadata => Result.Value;

    [Fact]
    public void Published_date_comes_from_the_dateline() => Assert.Equal("2015-11-18", Metadata.PublishedAt);

    [Fact]
    public void Author_is_the_person_in_the_dateline() => Assert.Equal(["Tony Cartalucci"], Metadata.Authors);

    [Fact]
    public void Publisher_abbreviation_is_expanded_from_the_bio() => Assert.Equal("New Eastern Outlook", Metadata.Publisher);

    [Fact]
    public void Language_is_english() => Assert.Equal("en", Metadata.Language);

    [Fact]
    public void Guardian_citation_has_the_canonical_outlet() =>
        Assert.Contains(new Citation("The Guardian", "Paris attacks galvanise international efforts to end Syria war"), Metadata.Citations);

    [Fact]
    public void Business_insider_citation_title_loses_the_trailing_comma() =>
        Assert.Contains(new Citation("Business Insider", "REPORT: The US Is Openly Sending Heavy Weapons From Libya To Syrian Rebels"), Metadata.Citations);

    [Fact]
    public void Fox_news_citation_is_found() =>
        Assert.Contains(new Citation("Fox News", "Herridge: ISIS Has Turned Libya Into New Support Base, Safe Haven"), Metadata.Citations);

    [Fact]
    public void Exactly_three_articles_are_cited() => Assert.Equal(3, Metadata.Citations.Count);

    [Theory]
    [InlineData("Sergei Lavrov")]
    [InlineData("Bashar al-Assad")]
    [InlineData("Abdelhakim Belhadj")]
    [InlineData("Catherine Herridge")]
    [InlineData("Chris Stevens")]
    public void People_include_the_named_person(string person) => Assert.Contains(person, Metadata.Entities.People);

    [Theory]
    [InlineData("Herridge")]
    [InlineData("Belhadj")]
    [InlineData("Stevens")]
    [InlineData("Assad")]
    public void Surname_alone_is_not_a_separate_person(string surname) => Assert.DoesNotContain(surname, Metadata.Entities.People);

    [Theory]
    [InlineData("Aleppo")]
    [InlineData("Damascus")]
    [InlineData("Benghazi")]
    public void Places_include_the_named_city(string place) => Assert.Contains(place, Metadata.Entities.Places);

    [Theory]
    [InlineData("However")]
    [InlineData("The West")]
    [InlineData("West")]
    [InlineData("In")]
    [InlineData("It")]
    [InlineData("Regarding")]
    [InlineData("Entire")]
    [InlineData("Syrian")]
    public void Sentence_initial_words_and_demonyms_are_not_entities(string junk)
    {
        Assert.DoesNotContain(junk, Metadata.Entities.People);
        Assert.DoesNotContain(junk, Metadata.Entities.Organizations);
        Assert.DoesNotContain(junk, Metadata.Entities.Places);
    }

    [Fact]
    public void Headings_are_the_heading_blocks() =>
        Assert.Equal(
            ["The West Got What it Wanted in Libya - And Created ISIS in the Process", "Using Another 9/11 to Justify Creating Another Libya"],
            Metadata.Headings);

    [Fact]
    public void Title_is_null_without_a_title_block() => Assert.Null(Metadata.Title);

    [Fact]
    public void Image_caption_is_passed_through() => Assert.Single(Metadata.ImageCaptions);

    [Fact]
    public void Organisations_include_nato_and_al_qaeda()
    {
        Assert.Contains("NATO", Metadata.Entities.Organizations);
        Assert.Contains("Al Qaeda", Metadata.Entities.Organizations);
        Assert.Contains("Libyan Islamic Fighting Group", Metadata.Entities.Organizations);
    }
}
