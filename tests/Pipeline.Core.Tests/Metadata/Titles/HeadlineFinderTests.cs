using Pipeline.Core.Metadata;

namespace Pipeline.Core.Tests.Metadata.Titles;

public sealed class HeadlineFinderTests
{
    private static readonly MetadataExtractor Extractor = new(languageDetector: new FixedLanguageDetector("en"));

    private static string? Title(string page) => Extractor.Extract(TestPages.Build(page)).Title;

    [Fact]
    public void Line_that_is_the_page_title_without_the_site_name_is_the_headline() =>
        Assert.Equal("Harbour bridge to close for winter repairs", Title($"""
            Harbour bridge to close for winter repairs | Valley Courier
            - Home
            - Local news
            - Harbour bridge to close for winter repairs
            {TestPages.Body}
            """));

    [Fact]
    public void Copy_of_the_page_title_nearest_the_body_wins_over_the_breadcrumb_copy() =>
        Assert.Equal("Harbour bridge to close for winter repairs", Title($"""
            Local: Harbour bridge to close for winter repairs - Valley Courier
            - Local: Harbour bridge to close for winter repairs
            - Share this article
            - Harbour bridge to close for winter repairs
            {TestPages.Body}
            """));

    [Fact]
    public void Menu_entry_repeated_from_the_first_lines_is_not_a_headline() =>
        Assert.Null(Title($"""
            Local news
            - Sports
            - Local news
            {TestPages.Body}
            """));

    [Fact]
    public void Line_before_the_byline_is_the_headline_when_the_page_has_no_title_line() =>
        Assert.Equal("Harbour bridge to close for winter repairs", Title($"""
            - Menu
            - Search
            - Harbour bridge to close for winter repairs
            - By Jane Roe
            {TestPages.Body}
            """));

    [Fact]
    public void Line_printed_twice_above_the_body_is_the_headline() =>
        Assert.Equal("Harbour bridge to close for winter repairs", Title($"""
            - Menu
            - 3. Harbour bridge to close for winter repairs
            - Share
            # Harbour bridge to close for winter repairs
            {TestPages.Body}
            """));

    [Fact]
    public void Headline_wrapped_onto_a_second_line_is_joined() =>
        Assert.Equal("Harbour bridge to close for winter repairs after storm", Title($"""
            - Menu
            - Harbour bridge to close for winter repairs after
            - storm
            - By Jane Roe
            {TestPages.Body}
            """));

    [Fact]
    public void Date_line_is_never_the_headline() =>
        Assert.Null(Title($"""
            - Menu
            - Published 3 May 2020, 10:15
            - By Jane Roe
            {TestPages.Body}
            """));

    [Fact]
    public void Line_above_the_date_line_is_the_headline_when_nothing_else_marks_it() =>
        Assert.Equal("Harbour bridge to close for winter repairs", Title($"""
            - Menu
            - Harbour bridge to close for winter repairs
            - Jane Roe
            - 3 May 2020, 10:15
            {TestPages.Body}
            """));

    [Fact]
    public void Headline_above_its_standfirst_wins_over_the_standfirst() =>
        Assert.Equal("Harbour bridge to close for winter repairs", Title($"""
            - Menu
            - Harbour bridge to close for winter repairs
            - The council says the work cannot wait until the ferry season is over
            - 3 May 2020
            {TestPages.Body}
            """));

    [Fact]
    public void Heading_under_the_date_line_is_the_headline_when_none_stands_above() =>
        Assert.Equal("Harbour bridge to close for winter repairs", Title($"""
            - Menu
            - News
            - 3 May 2020
            - # Harbour bridge to close for winter repairs
            {TestPages.Body}
            """));

    [Fact]
    public void Headline_split_at_its_colon_is_joined() =>
        Assert.Equal("Harbour bridge in the old town: closed for winter repairs", Title($"""
            - Menu
            - Harbour bridge in the old town:
            - closed for winter repairs
            - 3 May 2020
            {TestPages.Body}
            """));

    [Fact]
    public void Share_line_removed_by_the_rules_is_never_the_headline() =>
        Assert.Null(Title($"""
            - Menu
            = Subscribe to the Valley Courier today
            - 3 May 2020
            {TestPages.Body}
            """));

    [Fact]
    public void Heading_under_the_date_line_and_its_section_label_wins_over_a_teaser_above_the_date() =>
        Assert.Equal("Harbour bridge to close for winter repairs", Title($"""
            - Menu
            - Council budget: harbour bridge closes, ferries run longer
            - 3 May 2020, 10:15
            - Harbour
            # Harbour bridge to close for winter repairs
            {TestPages.Body}
            """));

    [Fact]
    public void Heading_between_the_title_block_and_the_body_is_the_headline_under_its_kicker() =>
        Assert.Equal("Council outwits the ferry company", Title($"""
            - Menu
            ! Harbour bridge and the winter repairs
            # Council outwits the ferry company
            {TestPages.Body}
            """));

    [Fact]
    public void Title_block_stays_the_headline_when_a_list_follows_its_subheading() =>
        Assert.Equal("Harbour bridge and the winter repairs", Title($"""
            - Menu
            ! Harbour bridge and the winter repairs
            # What the closure means for drivers
            Ferries run every hour
            {TestPages.Body}
            """));

    [Fact]
    public void Line_before_a_name_place_and_date_byline_is_the_headline() =>
        Assert.Equal("Harbour bridge to close for winter repairs", Title($"""
            - Menu
            - Harbour bridge to close for winter repairs
            - Jane Roe | Valley Town | 08/01/2014
            - Photos
            - The old harbour bridge seen from the ferry
            - 27-06-2012
            {TestPages.Body}
            """));

    [Fact]
    public void Share_lines_between_the_headline_and_its_date_line_do_not_count_against_the_reach() =>
        Assert.Equal("Harbour bridge to close for winter repairs", Title($"""
            - Menu
            - Harbour bridge to close for winter repairs
            = Share on Facebook
            = Share on Twitter
            = Print
            = Save
            - Others
            - Jane Roe
            - Jane Roe
            = Twitter
            - 3 May 2020, 10:15
            {TestPages.Body}
            """));

    [Fact]
    public void Picture_between_the_headline_and_a_labelled_byline_is_stepped_over() =>
        Assert.Equal("Harbour bridge to close for winter repairs", Title($"""
            - Menu
            - Harbour bridge to close for winter repairs
            = bridge.JPG
            = Print
            - Metro Desk By Metro Desk The Valley Courier on December 27, 2014 at 12:06 PM
            {TestPages.Body}
            """));
}
