using System.Text;
using Pipeline.Core.Deduplication;
using Pipeline.Core.Documents;
using Pipeline.Core.Processing;

namespace Pipeline.Core.Tests.Html;

/// <summary>HTML inputs through <see cref="DocumentProcessor"/>: detection, charsets, main content, markup metadata, bad markup.</summary>
public sealed class HtmlProcessingTests
{
    private const string Body =
        "<p>The county library opened its new reading room on Thursday, after two years of building work and a long argument about the budget.</p>" +
        "<p>Librarians say the room, which faces the river, will hold the local history collection and a dozen study desks for students.</p>";

    private static readonly DocumentProcessor Processor = new();

    private static DocumentRecord Process(string name, byte[] bytes, string? contentType = null) =>
        Processor.ProcessAsync(new RawInput(name, bytes) { ContentType = contentType }, new InMemoryDedupIndex()).AsTask().GetAwaiter().GetResult();

    private static DocumentRecord Process(string name, string html, string? contentType = null) => Process(name, Encoding.UTF8.GetBytes(html), contentType);

    private static string Page(string head, string body) => $"<!DOCTYPE html><html lang=\"en\"><head>{head}</head><body>{body}</body></html>";

    [Fact]
    public void A_page_is_read_as_html_whatever_its_name()
    {
        var record = Process("page.txt", Page("<title>Library</title>", Body));

        Assert.Equal(InputFormats.Html, record.Source.Format);
        Assert.DoesNotContain("<p>", record.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_is_read_as_text()
    {
        var record = Process("note.txt", "The county library opened its new reading room on Thursday after two years of work.");

        Assert.Equal(InputFormats.Text, record.Source.Format);
    }

    [Fact]
    public void A_content_type_of_text_html_makes_a_fragment_html()
    {
        var record = Process("fragment", Body, "text/html; charset=utf-8");

        Assert.Equal(InputFormats.Html, record.Source.Format);
        Assert.Contains("new reading room on Thursday", record.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_meta_charset_decides_the_encoding_of_legacy_bytes()
    {
        var html = Page("<meta charset=\"windows-1251\"><title>Библиотека</title>",
            "<p>Новый читальный зал городской библиотеки открылся в четверг после двух лет строительства и долгого спора о бюджете.</p>");
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1251)!.GetBytes(html);

        var record = Process("page.html", bytes);

        Assert.Equal("windows-1251", record.Source.Encoding);
        Assert.Contains("читальный зал", record.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_utf8_is_kept_when_the_page_declares_a_legacy_charset()
    {
        var html = Page("<meta charset=\"iso-8859-1\">", "<p>Les cafés de la vieille ville ont rouvert ce printemps, et les habitants s'en réjouissent beaucoup.</p>");

        var record = Process("page.html", html);

        Assert.Equal("utf-8", record.Source.Encoding);
        Assert.Contains("Les cafés", record.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Navigation_footer_scripts_and_comments_stay_out_of_the_text()
    {
        var record = Process("page.html", Page(
            "<script>var tracking = 1;</script><style>p{color:red}</style>",
            "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article>" + Body + "</article>" +
            "<div class=\"comments\"><p>Great article, thanks for writing it, I really enjoyed it a lot!</p></div>" +
            "<footer>Copyright 2024 County News</footer><!-- build 42 -->"));

        Assert.Contains("local history collection", record.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("tracking", record.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Home", record.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Great article", record.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Copyright", record.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("build 42", record.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Headings_paragraphs_and_list_items_become_blocks()
    {
        var record = Process("page.html", Page("", "<article>" + Body + "<h2>Opening hours</h2><ul><li>Monday to Friday, nine to six.</li><li>Saturday, ten to four.</li></ul></article>"));

        Assert.Contains("Opening hours", record.Metadata!.Headings);
        Assert.Contains("\n\nMonday to Friday, nine to six.\n\nSaturday, ten to four.", record.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_ld_gives_headline_date_authors_and_publisher()
    {
        const string JsonLd = """
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Library Opens River Room",
            "datePublished":"2024-05-02T09:00:00+02:00","author":[{"@type":"Person","name":"Ana Costa"},{"@type":"Person","name":"Ben Okoro"}],
            "publisher":{"@type":"Organization","name":"County News"}}</script>
            """;

        var metadata = Process("page.html", Page(JsonLd + "<title>Something else | County News</title>", Body)).Metadata!;

        Assert.Equal("Library Opens River Room", metadata.Title);
        Assert.Equal("2024-05-02T09:00:00+02:00", metadata.PublishedAt);
        Assert.Equal(["Ana Costa", "Ben Okoro"], metadata.Authors);
        Assert.Equal("County News", metadata.Publisher);
    }

    [Fact]
    public void Headline_element_that_a_title_field_repeats_wins_over_a_json_ld_headline_of_the_page()
    {
        const string Head = """
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"County news of the week in pictures"}</script>
            <meta name="twitter:title" content="Library Opens River Room">
            """;
        var body = "<h1>County News</h1><h2><span class=\"overline\">Riverside</span> <span itemprop=\"headline\">Library Opens River Room</span></h2>" + Body;

        var metadata = Process("page.html", Page(Head, body)).Metadata!;

        Assert.Equal("Library Opens River Room", metadata.Title);
    }

    [Fact]
    public void The_document_title_loses_the_site_name()
    {
        var metadata = Process("page.html", Page("<title>Library Opens River Room | County News</title><meta property=\"og:site_name\" content=\"County News\">", Body)).Metadata!;

        Assert.Equal("Library Opens River Room", metadata.Title);
    }

    [Fact]
    public void Kicker_the_h1_marks_as_one_is_not_part_of_the_title()
    {
        var metadata = Process("page.html", Page(
            "<meta property=\"og:title\" content=\"Riverside: Library Opens River Room\">",
            "<h1><span class=\"dachzeile\">Riverside</span><span class=\"visually-hidden\">: </span><span>Library Opens River Room</span></h1>" + Body)).Metadata!;

        Assert.Equal("Library Opens River Room", metadata.Title);
    }

    [Fact]
    public void Kicker_marked_in_an_h2_headline_is_cut_off_a_title_that_ends_with_it()
    {
        var metadata = Process("page.html", Page(
            "<meta property=\"og:title\" content=\"Riverside: Library Opens River Room\">",
            "<h2><span class=\"teaser__kicker\">Harbour</span> <span>Ferry timetable changes in May</span></h2>" +
            "<h1>Riverside: Library Opens River Room</h1>" +
            "<h2><span class=\"content__kicker\">Riverside</span><span class=\"sr-only\">: </span><span>Library Opens River Room</span></h2>" + Body)).Metadata!;

        Assert.Equal("Library Opens River Room", metadata.Title);
    }

    [Fact]
    public void Title_stays_whole_when_the_h1_marks_no_kicker()
    {
        var metadata = Process("page.html", Page(
            "<meta property=\"og:title\" content=\"Riverside: Library Opens River Room\">",
            "<h1><span>Riverside:</span> <span>Library Opens River Room</span></h1>" + Body)).Metadata!;

        Assert.Equal("Riverside: Library Opens River Room", metadata.Title);
    }

    [Fact]
    public void Meta_tags_give_date_and_author_but_never_a_url_or_an_agency()
    {
        var metadata = Process("page.html", Page(
            "<meta property=\"article:published_time\" content=\"2023-11-20\"><meta name=\"author\" content=\"https://example.com/staff/ana\">",
            "<p class=\"byline\">By dpa</p>" + Body)).Metadata!;

        Assert.Equal("2023-11-20", metadata.PublishedAt);
        Assert.Empty(metadata.Authors);
    }

    [Fact]
    public void A_time_element_in_the_article_header_gives_the_date()
    {
        var metadata = Process("page.html", Page("", "<article><header><h1>Library Opens River Room</h1><time datetime=\"2022-08-09\">9 August</time></header>" + Body + "</article>")).Metadata!;

        Assert.Equal("2022-08-09", metadata.PublishedAt);
    }

    [Fact]
    public void The_canonical_link_is_the_source_url()
    {
        var record = Process("page.html", Page("<link rel=\"canonical\" href=\"https://news.example/library\">", Body));

        Assert.Equal("https://news.example/library", record.Source.Url);
    }

    [Fact]
    public void Figcaptions_are_image_captions_and_not_text()
    {
        var record = Process("page.html", Page("", "<article>" + Body + "<figure><img src=\"a.jpg\"><figcaption>The new reading room seen from the river.</figcaption></figure></article>"));

        Assert.Equal(["The new reading room seen from the river."], record.Metadata!.ImageCaptions);
        Assert.DoesNotContain("seen from the river", record.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_lang_is_used_when_the_text_cannot_tell()
    {
        var record = Process("page.html", "<!DOCTYPE html><html lang=\"de-DE\"><body><p>Ja.</p></body></html>");

        Assert.Equal("de", record.Metadata?.Language);
    }

    [Fact]
    public void The_html_lang_wins_over_a_guess_from_a_few_words()
    {
        // A link left as the only text: a detector names some language for it with high confidence.
        var record = Process("page.html", "<!DOCTYPE html><html lang=\"de\"><body><p>https://www.example.de/thueringen/gotha/video-freibad-jubilaeum-100.html</p></body></html>");

        Assert.Equal("de", record.Metadata?.Language);
    }

    [Fact]
    public void A_long_text_overrules_a_declared_lang()
    {
        var english = string.Join(" ", Enumerable.Repeat("The council met on Tuesday evening to discuss the new budget for the libraries and the parks.", 4));
        var record = Process("page.html", $"<!DOCTYPE html><html lang=\"de\"><body><article><p>{english}</p></article></body></html>");

        Assert.Equal("en", record.Metadata?.Language);
    }

    [Fact]
    public void A_script_only_page_is_rejected_as_no_content()
    {
        var record = Process("app.html", Page("<script src=\"app.js\"></script>", "<div id=\"app\"></div><script>start()</script>"));

        Assert.Equal(ResultStatus.Rejected, record.Status);
        Assert.Equal(RejectionReasons.NoContent, record.Rejection?.Reason);
    }

    [Fact]
    public void Unclosed_tags_are_repaired_as_a_browser_would()
    {
        var record = Process("page.html", "<html><body><div><p>The county library opened its new reading room on Thursday, after two years of building work.<p>Librarians say the room will hold the local history <b>collection and a dozen <i>study desks.");

        Assert.Equal(ResultStatus.Processed, record.Status);
        Assert.Contains("collection and a dozen study desks.", record.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_frameset_page_is_processed_or_rejected_with_a_reason()
    {
        var record = Process("frames.html", "<html><frameset cols=\"50%,50%\"><frame src=\"a.html\"><frame src=\"b.html\"></frameset></html>");

        Assert.Equal(RejectionReasons.NoContent, record.Rejection?.Reason);
    }

    [Fact]
    public void Deeply_nested_tables_do_not_overflow_the_stack()
    {
        var html = new StringBuilder("<html><body>");
        for (var i = 0; i < 20_000; i++)
        {
            html.Append("<table><tr><td>");
        }

        html.Append(Body).Append("</body></html>");

        var record = Process("nested.html", html.ToString());

        Assert.NotEqual(ResultStatus.Failed, record.Status);
    }

    [Fact]
    public void An_entity_flood_is_decoded_without_error()
    {
        var html = Page("", "<p>" + string.Concat(Enumerable.Repeat("&amp;&lt;&#8217;&eacute;", 200_000)) + "</p>" + Body);

        var record = Process("entities.html", html);

        Assert.Equal(ResultStatus.Processed, record.Status);
        Assert.Contains("reading room", record.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_utc_publication_time_gives_way_to_the_same_instant_in_the_pages_local_time()
    {
        var head = "<meta property=\"article:published_time\" content=\"2020-02-25T02:25:54+00:00\">"
            + "<script>var page = {\"date\":\"2020-02-24T21:25:54-05:00\"};</script>";

        var metadata = Process("page.html", Page(head, Body)).Metadata!;

        Assert.Equal("2020-02-24T21:25:54-05:00", metadata.PublishedAt);
    }

    [Fact]
    public void A_utc_publication_time_gives_way_to_a_local_publish_date_one_day_on()
    {
        var head = "<meta property=\"article:published_time\" content=\"2019-10-18T22:04:00Z\">"
            + "<script>dataLayer.push({'publishdate': '2019-10-19'});</script>";

        var metadata = Process("page.html", Page(head, Body)).Metadata!;

        Assert.Equal("2019-10-19", metadata.PublishedAt);
    }

    [Fact]
    public void A_publish_date_no_offset_can_reach_leaves_the_utc_time_standing()
    {
        // 03:00 UTC is the previous day only west of UTC-3 and never the next day: a date two days on is another article's.
        var head = "<meta property=\"article:published_time\" content=\"2019-10-18T03:00:00Z\">"
            + "<script>dataLayer.push({'publishdate': '2019-10-19'});</script>";

        var metadata = Process("page.html", Page(head, Body)).Metadata!;

        Assert.Equal("2019-10-18T03:00:00Z", metadata.PublishedAt);
    }

    [Fact]
    public void A_date_in_the_meta_column_beside_the_headline_is_read()
    {
        var body = "<article><h1>The library opens its reading room</h1><aside><ul><li class=\"meta__date\">26.02.2020</li></ul></aside>"
            + Body + "</article>";

        var metadata = Process("page.html", Page("<title>Library</title>", body)).Metadata!;

        Assert.Equal("2020-02-26", metadata.PublishedAt);
    }

    [Fact]
    public void A_date_in_an_aside_after_the_article_text_is_not_the_articles()
    {
        var body = "<article><h1>The library opens its reading room</h1>" + Body
            + "<aside><ul><li class=\"teaser__date\">26.02.2020</li></ul></aside></article>";

        var metadata = Process("page.html", Page("<title>Library</title>", body)).Metadata!;

        Assert.Null(metadata.PublishedAt);
    }

    [Fact]
    public void An_h1_marked_as_the_headline_beats_social_copy_in_open_graph()
    {
        var head = "<meta property=\"og:title\" content=\"What we learned from the library opening\"><title>Library news - Gazette</title>";
        var body = "<article><h1 class=\"pg-headline\">The library opens its river reading room after two years</h1>" + Body + "</article>";

        var metadata = Process("page.html", Page(head, body)).Metadata!;

        Assert.Equal("The library opens its river reading room after two years", metadata.Title);
    }
}
