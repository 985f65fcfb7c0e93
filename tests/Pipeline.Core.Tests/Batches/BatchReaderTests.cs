using System.Text;
using Pipeline.Core.Batches;
using Pipeline.Core.Documents;
using static Pipeline.Tests.Shared.BatchFiles;

namespace Pipeline.Core.Tests.Batches;

public sealed class BatchReaderTests
{
    private static async Task<List<BatchRecord>> ReadAllAsync(byte[] bytes, string name, BatchReaderOptions? options = null)
    {
        var kind = BatchSniffer.Sniff(name, bytes.AsSpan(0, Math.Min(bytes.Length, BatchSniffer.HeadLength))) ?? throw new InvalidOperationException("not a batch");
        var reader = BatchReader.Open(new MemoryStream(bytes), kind, options);
        var records = new List<BatchRecord>();
        while (await reader.ReadAsync() is { } record)
        {
            records.Add(record);
        }

        return records;
    }

    [Fact]
    public void Gzip_magic_makes_any_input_a_batch_and_its_content_decides_the_format()
    {
        Assert.Equal(new BatchKind(BatchFormat.JsonLines, true), BatchSniffer.Sniff("crawl.bin", Gzip(Utf8("{\"text\":\"a\"}\n"))));
        Assert.Equal(new BatchKind(BatchFormat.Warc, true), BatchSniffer.Sniff("CC-MAIN.warc.wet.gz", Gzip(WarcInfo())));
        Assert.Equal(new BatchKind(BatchFormat.Text, true), BatchSniffer.Sniff("page.txt.gz", Gzip(Utf8("Just an article."))));
    }

    [Fact]
    public void Plain_text_and_html_are_not_batches_but_json_lines_and_warc_are()
    {
        Assert.Null(BatchSniffer.Sniff("article.txt", Utf8("Harbour council approves plan\n\nThe council voted.")));
        Assert.Null(BatchSniffer.Sniff("page.html", Utf8("<!doctype html><html><body><p>x</p></body></html>")));
        Assert.Null(BatchSniffer.Sniff("notes.txt", Utf8("{ this is not json }\nmore text")));
        Assert.Equal(BatchFormat.JsonLines, BatchSniffer.Sniff("feed.jsonl", Utf8("{\"title\": \"no text yet\"}\n"))!.Format);
        Assert.Equal(BatchFormat.JsonLines, BatchSniffer.Sniff("export.json", Utf8("{\"url\":\"u\",\"text\":\"hello\"}\n{\"text\":\"b\"}\n"))!.Format);
        Assert.Equal(BatchFormat.Warc, BatchSniffer.Sniff("anything", WarcInfo())!.Format);
    }

    [Fact]
    public async Task Multi_member_gzip_is_read_as_one_stream()
    {
        var bytes = GzipMembers(Utf8("{\"text\":\"one\"}\n"), Utf8("{\"text\":\"two\"}\n"), Utf8("{\"text\":\"three\"}\n"));

        var records = await ReadAllAsync(bytes, "crawl.jsonl.gz");

        Assert.Equal(["one", "two", "three"], records.Select(r => r.Text));
        Assert.Equal([0L, 1L, 2L], records.Select(r => r.Index));
    }

    [Fact]
    public async Task Json_lines_carry_text_html_and_what_the_scraper_recorded()
    {
        var jsonl = """
            {"url":"https://news.example/2024/03/05/plan","title":"Plan approved","publishedAt":"2024-03-05T09:30:00Z","author":"Ana Lima","fetchedAt":"2024-03-06T00:00:00Z","id":"r-1","text":"Body one"}

            {"content":"Body two","authors":["Ben Ode",{"name":"Cy Dee"}],"date":"2024-01-02","id":42}
            {"body":"Body three"}
            {"html":"<html><body><p>Page</p></body></html>","url":"https://x.example/p"}
            """;

        var records = await ReadAllAsync(Utf8(jsonl), "feed.jsonl");

        Assert.Equal(4, records.Count);
        Assert.Equal(("Body one", "https://news.example/2024/03/05/plan", "Plan approved", "2024-03-05T09:30:00Z", "2024-03-06T00:00:00Z", "r-1"),
            (records[0].Text, records[0].Url, records[0].Title, records[0].PublishedAt, records[0].FetchedAt, records[0].RecordId));
        Assert.Equal(["Ana Lima"], records[0].Authors);
        Assert.Equal(("Body two", "2024-01-02", "42"), (records[1].Text, records[1].PublishedAt, records[1].RecordId));
        Assert.Equal(["Ben Ode", "Cy Dee"], records[1].Authors);
        Assert.Equal("Body three", records[2].Text);
        Assert.Equal(("<html><body><p>Page</p></body></html>", (string?)null), (records[3].Html, records[3].Text));
        Assert.All(records, r => Assert.Null(r.Rejection));
    }

    [Fact]
    public async Task A_bad_line_is_a_rejected_record_and_reading_goes_on()
    {
        var jsonl = "{\"text\":\"good one\"}\n{not json\n[1,2]\n{}\n{\"text\":\"good two\"}\n";

        var records = await ReadAllAsync(Utf8(jsonl), "feed.jsonl");

        Assert.Equal([null, RejectionReasons.InvalidRecord, RejectionReasons.InvalidRecord, RejectionReasons.Empty, null], records.Select(r => r.Rejection?.Reason));
        Assert.Equal("good two", records[4].Text);
        Assert.All(records.Where(r => r.Rejection is not null), r => Assert.Matches("^[0-9a-f]{64}$", r.Sha256!));
    }

    [Fact]
    public async Task A_ten_megabyte_line_is_rejected_as_too_large_without_being_kept()
    {
        var huge = "{\"text\":\"" + new string('x', 10 * 1024 * 1024) + "\"}";
        var bytes = Utf8("{\"text\":\"before\"}\n" + huge + "\n{\"text\":\"after\"}\n");

        var records = await ReadAllAsync(bytes, "feed.jsonl");

        Assert.Equal(["before", null, "after"], records.Select(r => r.Text));
        Assert.Equal(RejectionReasons.TooLarge, records[1].Rejection?.Reason);
        Assert.Equal(huge.Length, records[1].Size);

        // The line is hashed as it streams past, not buffered: with a 1 MiB limit, reading it allocates a fraction of its 10 MB.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var limited = await ReadAllAsync(bytes, "feed.jsonl", new BatchReaderOptions { MaxRecordBytes = 1024 * 1024 });
        Assert.Equal(RejectionReasons.TooLarge, limited[1].Rejection?.Reason);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 4 * 1024 * 1024);
    }

    [Fact]
    public async Task A_hundred_thousand_empty_objects_are_a_hundred_thousand_rejections_read_in_bounded_memory()
    {
        var bytes = Gzip(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("{}\n", 100_000))));
        var kind = BatchSniffer.Sniff("empty.jsonl.gz", bytes)!;
        var reader = BatchReader.Open(new MemoryStream(bytes), kind);
        var count = 0L;
        long? last = null;
        while (await reader.ReadAsync() is { } record)
        {
            Assert.Equal(RejectionReasons.Empty, record.Rejection?.Reason);
            count++;
            last = record.Index;
        }

        Assert.Equal(100_000, count);
        Assert.Equal(99_999, last);
    }

    [Fact]
    public async Task A_truncated_gzip_keeps_the_records_before_the_cut_and_ends_in_a_truncated_record()
    {
        var lines = string.Concat(Enumerable.Range(0, 2000).Select(i => $"{{\"text\":\"record {i} {new string('y', 200)}\"}}\n"));
        var whole = Gzip(Utf8(lines));
        var cut = whole[..(whole.Length / 2)];

        var records = await ReadAllAsync(cut, "cut.jsonl.gz");

        Assert.True(records.Count is > 10 and < 2000);
        Assert.All(records[..^1], r => Assert.Null(r.Rejection));
        Assert.Equal(RejectionReasons.Truncated, records[^1].Rejection?.Reason);
    }

    [Fact]
    public async Task Wet_conversion_records_are_documents_and_other_types_are_skipped_and_counted()
    {
        var wet = Gzip([.. WarcInfo(), .. WetConversion("https://a.example/2023/11/02/one", "First page text."), .. WarcRequest("https://a.example/"), .. WetConversion("https://b.example/two", "Second page text.")]);
        var kind = BatchSniffer.Sniff("CC-MAIN-1.warc.wet.gz", wet)!;
        var reader = BatchReader.Open(new MemoryStream(wet), kind);

        var first = await reader.ReadAsync();
        var second = await reader.ReadAsync();
        var end = await reader.ReadAsync();

        Assert.Equal(("First page text.", "https://a.example/2023/11/02/one", "2024-03-05T10:00:00Z", 0L), (Encoding.UTF8.GetString(first!.Payload!), first.Url, first.FetchedAt, first.Index));
        Assert.Equal(("Second page text.", 1L), (Encoding.UTF8.GetString(second!.Payload!), second.Index));
        Assert.StartsWith("<urn:uuid:", first.RecordId, StringComparison.Ordinal);
        Assert.Null(end);
        Assert.Equal(2, reader.Skipped);
    }

    [Fact]
    public async Task Warc_response_records_give_the_html_body_and_non_pages_are_skipped()
    {
        var warc = (byte[])[
            .. WarcInfo(),
            .. WarcRequest("https://a.example/page"),
            .. WarcResponse("https://a.example/page", "<html><body><p>Hello</p></body></html>"),
            .. WarcResponse("https://a.example/old", "", status: 301),
            .. WarcResponse("https://a.example/logo.png", "PNG", contentType: "image/png"),
            .. WarcRecord("metadata", "https://a.example/page", null, Utf8("fetchTimeMs: 12\r\n"), "application/warc-fields"),
        ];
        var reader = BatchReader.Open(new MemoryStream(warc), BatchSniffer.Sniff("x.warc", warc)!);

        var page = await reader.ReadAsync();

        Assert.Equal("<html><body><p>Hello</p></body></html>", Encoding.UTF8.GetString(page!.Payload!));
        Assert.Equal("text/html; charset=utf-8", page.ContentType);
        Assert.Null(await reader.ReadAsync());
        Assert.Equal(5, reader.Skipped);
    }

    [Fact]
    public async Task An_uncompressed_batch_resumes_at_the_offset_after_a_record()
    {
        var bytes = Utf8("{\"text\":\"a\"}\n\n{\"text\":\"b\"}\n{\"text\":\"c\"}\n");
        var kind = BatchSniffer.Sniff("f.jsonl", bytes)!;
        var reader = BatchReader.Open(new MemoryStream(bytes), kind);
        await reader.ReadAsync();
        var point = reader.ResumePoint;

        var resumed = await BatchReader.ResumeAsync(new MemoryStream(bytes[(int)point.StreamOffset..]), kind, point, firstIndex: 1, skipped: 0);

        var b = await resumed.ReadAsync();
        Assert.Equal(("b", 1L), (b!.Text, b.Index));
        var c = await resumed.ReadAsync();
        Assert.Equal(("c", 2L), (c!.Text, c.Index));
        Assert.Equal(bytes.Length, resumed.Position);
        Assert.Equal((point.Position, 0L), (point.StreamOffset, point.Skip));
    }

    [Fact]
    public async Task A_compressed_batch_resumes_by_skipping_the_records_already_done()
    {
        var bytes = GzipMembers(Utf8("{\"text\":\"a\"}\n{bad\n"), Utf8("\n{\"text\":\"c\"}\n{\"text\":\"d\"}\n"));
        var kind = BatchSniffer.Sniff("f.jsonl.gz", bytes)!;
        var reader = BatchReader.Open(new MemoryStream(bytes), kind);

        Assert.Equal(2, await reader.SkipAsync(2));
        var c = await reader.ReadAsync();

        Assert.Equal(("c", 2L), (c!.Text, c.Index));
    }
}
