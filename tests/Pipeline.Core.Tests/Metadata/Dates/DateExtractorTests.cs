using Pipeline.Core.Metadata.Dates;

namespace Pipeline.Core.Tests.Metadata.Dates;

public sealed class DateExtractorTests
{
    private static string? Date(string text, string? language = "en") =>
        DateExtractor.Extract(TestTexts.Build(text), headerBlocks: 3, language);

    [Fact]
    public void English_dateline_with_credit() =>
        Assert.Equal("2021-03-04", Date("March 4, 2021 (Jane Roe - XYZ) - A storm hit the coast on Tuesday."));

    [Fact]
    public void Day_first_english_date_line() => Assert.Equal("2019-06-07", Date("7 June 2019\nThe council met again."));

    [Fact]
    public void City_dateline_with_abbreviated_month() =>
        Assert.Equal("2015-11-18", Date("PARIS, Nov. 18, 2015 — Officials said the talks would resume."));

    [Fact]
    public void Iso_date_stamp() => Assert.Equal("2020-02-29", Date("2020-02-29\nLeap day story."));

    [Fact]
    public void Iso_timestamp_keeps_time_and_zone() => Assert.Equal("2015-11-18T10:30:00Z", Date("Published: 2015-11-18T10:30:00Z\nBody."));

    [Fact]
    public void Timestamp_with_offset_keeps_the_offset() =>
        Assert.Equal("2023-05-01T08:15:00+02:00", Date("Posted on 2023-05-01T08:15:00+0200\nBody."));

    [Fact]
    public void Us_numeric_date() => Assert.Equal("2015-11-18", Date("11/18/2015\nBody text here."));

    [Fact]
    public void European_dotted_numeric_date() => Assert.Equal("2015-11-03", Date("03.11.2015\nText.", language: "en"));

    [Fact]
    public void Dotted_date_with_a_two_digit_year_is_this_century() =>
        Assert.Equal("2019-10-19T11:29:00", Date("19.10.19, 11:29 Uhr\nDer Text.", language: "de"));

    [Fact]
    public void Version_like_number_is_not_a_two_digit_year_date() => Assert.Null(Date("Release 1.2.19.4\nText."));

    [Fact]
    public void Korean_date_with_units() => Assert.Equal("2020-04-29", Date("2020년 4월 29일\n본문.", language: "ko"));

    [Fact]
    public void Japanese_date_with_units_keeps_the_time() =>
        Assert.Equal("2020-04-29T10:15:00", Date("2020年4月29日 10:15\n本文。", language: "ja"));

    [Fact]
    public void Year_first_dotted_date() => Assert.Equal("2019-08-20", Date("2019.08.20\nBody.", language: "ko"));

    [Fact]
    public void Year_first_slashed_date() => Assert.Equal("2019-08-20", Date("2019/08/20\nBody."));

    [Fact]
    public void Year_first_date_with_mixed_marks_is_not_read() => Assert.Null(Date("2019.08/20\nBody."));

    [Fact]
    public void Day_over_twelve_decides_a_slashed_date() => Assert.Equal("2015-11-18", Date("18/11/2015\nText."));

    [Fact]
    public void Ambiguous_slashed_date_is_day_first_in_french() => Assert.Equal("2015-11-03", Date("03/11/2015\nTexte.", language: "fr"));

    [Fact]
    public void French_published_line() => Assert.Equal("2015-11-18", Date("Publié le 18 novembre 2015\nLe texte."));

    [Fact]
    public void French_first_of_month() => Assert.Equal("2020-03-01", Date("1er mars 2020\nLe texte."));

    [Fact]
    public void French_accented_month() => Assert.Equal("2018-02-12", Date("12 février 2018\nTexte."));

    [Fact]
    public void German_published_line() => Assert.Equal("2015-11-18", Date("Veröffentlicht am 18. November 2015\nDer Text."));

    [Fact]
    public void German_umlaut_month() => Assert.Equal("2021-03-05", Date("5. März 2021\nText."));

    [Fact]
    public void Spanish_published_line() => Assert.Equal("2015-11-18", Date("Publicado el 18 de noviembre de 2015\nEl texto."));

    [Fact]
    public void Published_wins_over_updated()
    {
        var text = "Updated: January 5, 2022\nPublished: January 3, 2022\nBody.";
        Assert.Equal("2022-01-03", Date(text));
    }

    [Fact]
    public void Published_line_at_the_end_is_used() =>
        Assert.Equal("2017-09-09", Date("First paragraph.\nSecond paragraph.\nThird paragraph.\nFourth.\nPublished on September 9, 2017"));

    [Fact]
    public void Date_in_the_body_is_not_a_publication_date() =>
        Assert.Null(Date("The summit was long.\nLeaders had met on 12 March 2014 in the capital, where talks failed."));

    [Fact]
    public void February_thirtieth_is_rejected() => Assert.Null(Date("February 30, 2015\nBody."));

    [Fact]
    public void Month_thirteen_is_rejected() => Assert.Null(Date("2015-13-01\nBody."));

    [Fact]
    public void Twelve_hour_time_is_converted() =>
        Assert.Equal("2016-04-02T15:45:00", Date("Published April 2, 2016 at 3:45 pm\nBody."));

    [Fact]
    public void Line_of_short_numbers_has_no_date() => Assert.Null(DateExtractor.FindDate("Page 1 of 23 | 45 comments | 6 shares", 0, "en"));

    [Fact]
    public void Date_after_short_numbers_on_the_same_line_is_found() =>
        Assert.Equal("2018-03-05", DateExtractor.FindDate("12 photos, 3 videos - 5 March 2018", 0, "en"));

    [Fact]
    public void Dotted_two_digit_year_date_is_found_without_a_four_digit_run() =>
        Assert.Equal("2015-11-18", DateExtractor.FindDate("Stand: 18.11.15", 0, "de"));
}
