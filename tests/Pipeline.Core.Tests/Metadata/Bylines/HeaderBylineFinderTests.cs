using Pipeline.Core.Metadata;

namespace Pipeline.Core.Tests.Metadata.Bylines;

public sealed class HeaderBylineFinderTests
{
    private static readonly MetadataExtractor Extractor = new(languageDetector: new FixedLanguageDetector("de"));

    private static IReadOnlyList<string> Authors(string page) => Extractor.Extract(TestPages.Build(page)).Authors;

    [Fact]
    public void Byline_removed_as_furniture_under_the_headline_names_the_author() =>
        Assert.Equal(["Jana Roth"], Authors($"""
            Brücke wird im Winter gesperrt | Talbote
            - Brücke wird im Winter gesperrt
            - Von Jana Roth
            {TestPages.Body}
            """));

    [Fact]
    public void Byline_split_over_lines_is_joined() =>
        Assert.Equal(["Jana Roth", "Karl Weber"], Authors($"""
            Brücke wird im Winter gesperrt | Talbote
            - Brücke wird im Winter gesperrt
            - von
            - Jana Roth und
            - Karl Weber
            {TestPages.Body}
            """));

    [Fact]
    public void Name_followed_by_a_date_under_the_headline_is_the_author() =>
        Assert.Equal(["Jana Roth"], Authors($"""
            Brücke wird im Winter gesperrt | Talbote
            - Brücke wird im Winter gesperrt
            - Jana Roth 19.10.2019, 05:00 Uhr
            {TestPages.Body}
            """));

    [Fact]
    public void Name_without_a_date_beside_it_is_not_an_author() =>
        Assert.Empty(Authors($"""
            Brücke wird im Winter gesperrt | Talbote
            - Brücke wird im Winter gesperrt
            - Jana Roth
            {TestPages.Body}
            """));
}
