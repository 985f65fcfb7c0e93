using Pipeline.Core.Metadata;

namespace Pipeline.Core.Tests.Metadata.Bylines;

public sealed class BylineOutletAndFooterTests
{
    private static readonly MetadataExtractor Extractor = new(languageDetector: new FixedLanguageDetector("en"));

    private static Pipeline.Core.Documents.DocumentMetadata Extract(string text) => Extractor.Extract(TestTexts.Build(text));

    [Theory]
    [InlineData("Valley Courier")]
    [InlineData("Lakeshore Chronicle")]
    [InlineData("Northfield Evening Review")]
    public void Byline_piece_with_an_outlet_word_is_the_publisher_not_an_author(string outlet)
    {
        var metadata = Extract($"By Petra Lindgren, {outlet}\nThe council met on Tuesday to talk about the roads.");
        Assert.Equal(["Petra Lindgren"], metadata.Authors);
        Assert.Equal(outlet, metadata.Publisher);
    }

    [Fact]
    public void Wire_credit_line_names_the_reporter_not_the_editor_when_there_is_no_byline()
    {
        var metadata = Extract(
            "Dam Plan Approved\nThe regional board approved the dam on Monday after a long debate.\n" +
            "Reporting by Tomas Ekberg; Editing by Lucy Mwangi");
        Assert.Equal(["Tomas Ekberg"], metadata.Authors);
    }

    [Fact]
    public void Wire_credit_line_names_reporters_and_writer_and_stops_at_the_place()
    {
        var metadata = Extract(
            "Dam Plan Approved\nThe regional board approved the dam on Monday after a long debate.\n" +
            "Reporting by Tomas Ekberg in Lund and Greta Aalto; Writing by Omar Haddad; Editing by Lucy Mwangi");
        Assert.Equal(["Tomas Ekberg", "Greta Aalto", "Omar Haddad"], metadata.Authors);
    }

    [Fact]
    public void Byline_wins_over_a_wire_credit_line()
    {
        var metadata = Extract(
            "By Hanne Voss\nThe regional board approved the dam on Monday after a long debate.\n" +
            "Reporting by Tomas Ekberg; Editing by Lucy Mwangi");
        Assert.Equal(["Hanne Voss"], metadata.Authors);
    }

    [Fact]
    public void Staff_byline_gives_no_author_and_no_organisation()
    {
        var metadata = Extract("Dam Plan Approved\nBy STAFF\nThe regional board approved the dam on Monday after a long debate.");
        Assert.Empty(metadata.Authors);
        Assert.DoesNotContain("STAFF", metadata.Entities.Organizations);
    }
}
