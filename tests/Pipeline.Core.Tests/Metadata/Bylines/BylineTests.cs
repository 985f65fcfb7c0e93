using Pipeline.Core.Metadata;
using Pipeline.Core.Metadata.Shared;

namespace Pipeline.Core.Tests.Metadata.Bylines;

public sealed class BylineTests
{
    private static readonly MetadataExtractor Extractor = new(languageDetector: new FixedLanguageDetector("en"));

    private static Pipeline.Core.Documents.DocumentMetadata Extract(string text) => Extractor.Extract(TestTexts.Build(text));

    [Fact]
    public void By_line_gives_the_author() => Assert.Equal(["Jane Roe"], Extract("By Jane Roe\nThe text begins here.").Authors);

    [Fact]
    public void Two_authors_joined_by_and_are_split() =>
        Assert.Equal(["Jane Roe", "Max Mustermann"], Extract("By Jane Roe and Max Mustermann\nText.").Authors);

    [Fact]
    public void Comma_list_of_authors_is_split() =>
        Assert.Equal(["Ann Lee", "Bo Chan", "Cy Young"], Extract("By Ann Lee, Bo Chan and Cy Young\nText.").Authors);

    [Fact]
    public void All_caps_byline_is_case_normalised() =>
        Assert.Equal(["John Smith", "Mary O'Neil"], Extract("BY JOHN SMITH AND MARY O'NEIL\nText.").Authors);

    [Fact]
    public void Hyphenated_all_caps_name_is_case_normalised() => Assert.Equal("Jean-Luc Picard", PersonNames.NormaliseCase("JEAN-LUC PICARD"));

    [Theory]
    [InlineData("By admin")]
    [InlineData("By Staff Writer")]
    [InlineData("By The Editors")]
    [InlineData("By News Desk")]
    [InlineData("Written by Administrator")]
    [InlineData("By Reuters")]
    public void Generic_byline_gives_no_author(string byline) => Assert.Empty(Extract(byline + "\nSome article text follows here.").Authors);

    [Fact]
    public void Agency_byline_is_the_publisher() => Assert.Equal("Reuters", Extract("By Reuters\nText of the wire story.").Publisher);

    [Fact]
    public void Byline_with_outlet_gives_author_and_publisher()
    {
        var metadata = Extract("By Jane Roe, The Washington Post\nText.");
        Assert.Equal(["Jane Roe"], metadata.Authors);
        Assert.Equal("The Washington Post", metadata.Publisher);
    }

    [Fact]
    public void Name_pipe_agency_line() => Assert.Equal("Reuters", Extract("Tom Jones | Reuters\nText.").Publisher);

    [Fact]
    public void Author_colon_line() => Assert.Equal(["Ana García"], Extract("Author: Ana García\nText.").Authors);

    [Fact]
    public void French_par_byline() => Assert.Equal(["Marie Dupont"], Extract("Par Marie Dupont\nLe texte commence ici.").Authors);

    [Fact]
    public void German_von_byline() => Assert.Equal(["Hans Müller"], Extract("Von Hans Müller\nDer Text beginnt hier.").Authors);

    [Fact]
    public void Spanish_por_byline() => Assert.Equal(["Lucía Fernández"], Extract("Por Lucía Fernández\nEl texto empieza aquí.").Authors);

    [Fact]
    public void Byline_stops_at_the_date() =>
        Assert.Equal(["Jane Roe"], Extract("By Jane Roe on November 18, 2015\nText.").Authors);

    [Fact]
    public void Sentence_starting_with_by_is_not_a_byline() =>
        Assert.Empty(Extract("By the end of the week the storm had passed over the islands and moved north.").Authors);

    [Fact]
    public void Bio_names_the_author_when_nothing_else_does() =>
        Assert.Equal(["Sam Porter"], Extract("A first paragraph.\nA second paragraph.\nA third one.\nSam Porter, a London-based journalist, writes for “Daily Lens”.").Authors);

    [Fact]
    public void Copyright_line_gives_the_publisher() =>
        Assert.Equal("Acme News", Extract("Text of the story.\n© 2024 Acme News. All rights reserved.").Publisher);

    [Fact]
    public void Abbreviation_is_expanded_from_a_long_form_in_the_text() =>
        Assert.Equal("Global Policy Review", Extract("May 2, 2020 (Kim Park - GPR) - Text.\nKim Park writes for the Global Policy Review.").Publisher);

    [Fact]
    public void Agency_in_dateline_is_the_publisher_not_an_author()
    {
        var metadata = Extract("BERLIN (Reuters) - The government said on Monday it would act.");
        Assert.Equal("Reuters", metadata.Publisher);
        Assert.Empty(metadata.Authors);
    }
}
