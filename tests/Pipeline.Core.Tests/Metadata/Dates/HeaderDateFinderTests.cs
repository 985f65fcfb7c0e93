using Pipeline.Core.Metadata;

namespace Pipeline.Core.Tests.Metadata.Dates;

public sealed class HeaderDateFinderTests
{
    private static readonly MetadataExtractor Extractor = new(languageDetector: new FixedLanguageDetector("de"));

    private static string? Date(string page) => Extractor.Extract(TestPages.Build(page)).PublishedAt;

    [Fact]
    public void Date_line_under_the_headline_is_the_publication_date() =>
        Assert.Equal("2020-05-03", Date($"""
            Brücke wird im Winter gesperrt | Talbote
            - Montag, 14.09.2020
            - Brücke wird im Winter gesperrt
            - 3. Mai 2020
            {TestPages.Body}
            """));

    [Fact]
    public void Share_and_print_lines_between_headline_and_date_line_do_not_put_the_date_out_of_reach() =>
        Assert.Equal("2020-05-03", Date($"""
            - Brücke wird im Winter gesperrt | Talbote
            - Brücke wird im Winter gesperrt
            - Die Stadt will die alte Brücke über den Winter sanieren und sperrt sie ab November
            = Teilen
            = Auf Facebook teilen
            = Drucken
            = Merken
            = Kommentare
            - Anna Muster
            - Anna Muster
            = Twitter
            - Sonstiges
            - Mehr
            - 3. Mai 2020
            - Die Brücke ist seit 1950 die einzige Verbindung zwischen der Altstadt und dem Hafen
            - Der Hafen
            - Die Altstadt
            - 14.09.2021
            {TestPages.Body}
            """));

    [Fact]
    public void Updated_line_gives_the_date_only_when_no_other_is_near() =>
        Assert.Equal("2020-05-04T10:27:00", Date($"""
            Brücke wird im Winter gesperrt | Talbote
            - Brücke wird im Winter gesperrt
            - Aktualisiert: 04.05.2020, 10:27
            {TestPages.Body}
            """));

    [Fact]
    public void Published_line_wins_over_a_nearer_updated_line() =>
        Assert.Equal("2020-05-03", Date($"""
            Brücke wird im Winter gesperrt | Talbote
            - Brücke wird im Winter gesperrt
            - Aktualisiert: 04.05.2020, 10:27
            - Veröffentlicht: 03.05.2020
            {TestPages.Body}
            """));

    [Theory]
    [InlineData("18 февраля 2020", "2020-02-18")]
    [InlineData("3 de maio de 2022", "2022-05-03")]
    [InlineData("19 febbraio 2020", "2020-02-19")]
    [InlineData("20 septembrie 2020", "2020-09-20")]
    public void Month_names_of_other_languages_are_read(string line, string expected) =>
        Assert.Equal(expected, Date($"""
            Brücke wird im Winter gesperrt | Talbote
            - Brücke wird im Winter gesperrt
            - {line}
            {TestPages.Body}
            """));
}
