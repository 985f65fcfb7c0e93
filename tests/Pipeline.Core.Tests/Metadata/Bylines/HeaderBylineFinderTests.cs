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

    [Fact]
    public void Name_between_the_pieces_of_a_date_line_is_the_author() =>
        Assert.Equal(["Jana Roth"], Authors($"""
            - Brücke wird im Winter gesperrt
            - 23.06.2016 um 16:14 Uhr - Jana Roth - 91 Kommentare
            {TestPages.Body}
            """));

    [Fact]
    public void Name_before_its_role_next_to_the_date_line_is_the_author() =>
        Assert.Equal(["Jana Roth"], Authors($"""
            - Brücke wird im Winter gesperrt
            - Jana Roth Wirtschaft Redaktion
            - 23.06.2016
            {TestPages.Body}
            """));

    [Fact]
    public void Lead_word_glued_to_the_name_is_read() =>
        Assert.Equal(["Jana Roth"], Authors($"""
            - Brücke wird im Winter gesperrt
            - vonJana Roth
            {TestPages.Body}
            """));

    [Fact]
    public void Lead_phrase_on_its_own_line_is_joined_with_the_name() =>
        Assert.Equal(["Jana Roth"], Authors($"""
            - Brücke wird im Winter gesperrt
            - Ein Kommentar von
            - Jana Roth
            {TestPages.Body}
            """));

    [Fact]
    public void Photo_credit_is_not_a_byline() =>
        Assert.Empty(Authors($"""
            - Brücke wird im Winter gesperrt
            - Foto von Jana Roth
            {TestPages.Body}
            """));

    [Fact]
    public void Name_printed_twice_next_to_the_date_line_is_one_author() =>
        Assert.Equal(["Jana Roth"], Authors($"""
            - Brücke wird im Winter gesperrt
            - Jana Roth Jana Roth
            - 23.06.2016
            {TestPages.Body}
            """));

    [Fact]
    public void Byline_under_the_article_names_the_author_when_none_heads_it() =>
        Assert.Equal(["Jana Roth"], Authors($"""
            - Brücke wird im Winter gesperrt
            {TestPages.Body}
            {TestPages.Body} Danach folgt die Abstimmung.
            - Von Jana Roth
            - Newsletter abonnieren
            """));

    [Fact]
    public void Label_joined_onto_a_closing_byline_is_not_part_of_the_name() =>
        Assert.Equal(["Anne Roux"], Authors($"""
            - Brücke wird im Winter gesperrt
            {TestPages.Body}
            - Auteur: Anne Roux mot-clé:
            """));

    [Fact]
    public void Capitalised_particle_inside_a_name_is_part_of_it() =>
        Assert.Equal(["Loïc Le Clerc"], Authors($"""
            - Brücke wird im Winter gesperrt
            - Par
            - Loïc Le Clerc
            - 30 septembre 2018
            {TestPages.Body}
            """));
}
