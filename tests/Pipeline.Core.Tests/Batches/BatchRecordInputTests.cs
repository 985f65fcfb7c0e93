using Pipeline.Tests.Shared;
using Pipeline.Core.Batches;
using Pipeline.Core.Deduplication;
using Pipeline.Core.Documents;
using Pipeline.Core.Processing;

namespace Pipeline.Core.Tests.Batches;

public sealed class BatchRecordInputTests
{
    private static readonly DocumentProcessor Processor = new();

    private static DocumentRecord Complete(BatchRecord record) =>
        Processor.Complete(BatchRecordInput.Prepare(Processor, "crawl.jsonl", record), DedupDecision.Canonical);

    [Fact]
    public void A_given_title_date_and_authors_are_the_records_metadata()
    {
        var record = Complete(new BatchRecord
        {
            Index = 3,
            Text = BatchFiles.Article(1),
            Title = "  The   scraper's title ",
            PublishedAt = "2024-03-05T09:30:00Z",
            Authors = ["Ana Lima"],
            Url = "https://news.example/harbour",
            FetchedAt = "2024-03-06T00:00:00Z",
            RecordId = "r-1",
        });

        Assert.Equal(ResultStatus.Processed, record.Status);
        Assert.Equal("The scraper's title", record.Metadata!.Title);
        Assert.Equal("2024-03-05T09:30:00Z", record.Metadata.PublishedAt);
        Assert.Equal(["Ana Lima"], record.Metadata.Authors);
        Assert.Equal(("crawl.jsonl", 3L, "https://news.example/harbour", "2024-03-06T00:00:00Z", "r-1"),
            (record.Source.Name, record.Source.Record, record.Source.Url, record.Source.FetchedAt, record.Source.RecordId));
    }

    [Fact]
    public void An_empty_title_leaves_the_title_to_extraction_and_a_date_in_the_url_is_the_date()
    {
        var record = Complete(new BatchRecord { Index = 0, Text = BatchFiles.Article(2), Title = " ", Url = "https://news.example/2023/11/02/harbour-plan" });

        Assert.Equal("Harbour council approves plan number 2", record.Metadata!.Title);
        Assert.Equal("2023-11-02", record.Metadata.PublishedAt);
    }

    [Theory]
    [InlineData("https://x.example/2024/03/05/story", "2024-03-05")]
    [InlineData("https://x.example/news/2024-03-05-story", "2024-03-05")]
    [InlineData("https://x.example/20240305/story", "2024-03-05")]
    [InlineData("https://x.example/2024/13/05/story", null)]
    [InlineData("https://x.example/story-12345678", null)]
    [InlineData("not a url", null)]
    public void Dates_in_url_paths(string url, string? expected) => Assert.Equal(expected, BatchRecordInput.DateInUrl(url));

    [Fact]
    public void Html_records_are_read_as_html()
    {
        var html = $"<html><head><title>Page title - Site</title></head><body><article><h1>Harbour plan</h1><p>{BatchFiles.Article(4).Replace("\n\n", "</p><p>", StringComparison.Ordinal)}</p></article></body></html>";

        var record = Complete(new BatchRecord { Index = 0, Html = html });

        Assert.Equal(InputFormats.Html, record.Source.Format);
        Assert.DoesNotContain("<p>", record.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_rejected_when_read_stays_rejected_with_its_reason()
    {
        var record = Complete(new BatchRecord { Index = 7, Size = 9, Sha256 = new string('a', 64), Rejection = new Rejection(RejectionReasons.InvalidRecord, "bad") });

        Assert.Equal((ResultStatus.Rejected, RejectionReasons.InvalidRecord, 7L), (record.Status, record.Rejection!.Reason, record.Source.Record));
    }

    [Fact]
    public void A_single_file_record_has_no_batch_fields_in_its_json()
    {
        var json = PipelineJson.Serialize(Processor.Complete(Processor.Prepare(new RawInput("a.txt", BatchFiles.Utf8(BatchFiles.Article(5)))), DedupDecision.Canonical));

        Assert.DoesNotContain("\"record\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("fetchedAt", json, StringComparison.Ordinal);
    }
}
