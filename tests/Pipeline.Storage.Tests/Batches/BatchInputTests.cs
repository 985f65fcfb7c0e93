using System.Text;
using Pipeline.Core.Documents;
using Pipeline.Storage.Outputs;
using Pipeline.Storage.Tests.Azurite;
using Pipeline.Storage.Tests.Runtime;
using Pipeline.Tests.Shared;
using static Pipeline.Tests.Shared.BatchFiles;

namespace Pipeline.Storage.Tests.Batches;

/// <summary>Batch inputs dropped into <c>raw</c> and run by a worker on Azurite: one result per record, and a summary.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BatchInputTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Gzipped_json_lines_give_one_result_per_record_deduplicated_across_records_and_earlier_files_and_a_summary_of_them()
    {
        await using var pipeline = await PipelineHarness.CreateAsync(azurite);
        var random = new Random(7);
        var earlier = RandomArticle(random, 999);
        await pipeline.UploadAsync("earlier.txt", Utf8(earlier));
        Assert.Equal(ResultStatus.Processed, (await pipeline.WaitForResultAsync("earlier.txt")).Status);

        var unique = Enumerable.Range(0, 200).Select(i => RandomArticle(random, i)).ToList();
        var lines = new List<string>();
        lines.AddRange(unique.Select((text, i) => JsonLine(("url", $"https://news.example/2024/03/{(i % 28) + 1:D2}/story-{i}"), ("text", text))));
        lines.AddRange(Enumerable.Range(0, 15).Select(i => JsonLine(("text", unique[i]))));  // 200-214: copies of 0-14
        lines.Add(JsonLine(("text", earlier)));                                                // 215: copy of an earlier file
        lines.AddRange(Enumerable.Range(0, 8).Select(_ => JsonLine(("text", "   "))));         // 216-223: empty
        lines.Add("{\"text\": \"cut off");                                                    // 224: invalid JSON
        lines.Add("[1, 2, 3]");                                                                // 225: not an object
        await pipeline.UploadAsync("crawl/2024-03.jsonl.gz", Gzip(Utf8(string.Join('\n', lines) + "\n")));

        var summary = await pipeline.WaitForSummaryAsync("crawl/2024-03.jsonl.gz");
        var results = await pipeline.ReadRecordResultsAsync("crawl/2024-03.jsonl.gz");

        Assert.Equal("batch", summary.Status);
        RecordSchema.AssertValidSummary(await pipeline.ReadResultJsonAsync("crawl/2024-03.jsonl.gz"));
        Assert.Equal("jsonl+gzip", summary.Source.Format);
        Assert.Equal(new Pipeline.Storage.Batches.BatchCounts(226, 200, 16, 10, 0, 0), summary.Batch);
        Assert.Equal(Enumerable.Range(0, 226).Select(i => (long)i), results.Keys);
        Assert.All(results.Values, r => Assert.Equal("crawl/2024-03.jsonl.gz", r.Source.Name));
        for (var i = 0; i < 15; i++)
        {
            // Records run in parallel: either copy may be the canonical one, never both.
            var pair = new[] { results[i], results[200 + i] };
            var canonical = Assert.Single(pair, r => r.Status == ResultStatus.Processed);
            Assert.Equal(canonical.Id, Assert.Single(pair, r => r.Status == ResultStatus.Duplicate).DuplicateOf!.Id);
        }

        var earlierResult = await pipeline.WaitForResultAsync("earlier.txt");
        Assert.Equal(earlierResult.Id, results[215].DuplicateOf!.Id);
        Assert.All(Enumerable.Range(216, 8), i => Assert.Equal(RejectionReasons.WhitespaceOnly, results[i].Rejection!.Reason));
        Assert.Equal(RejectionReasons.InvalidRecord, results[224].Rejection!.Reason);
        Assert.Equal(RejectionReasons.InvalidRecord, results[225].Rejection!.Reason);
        Assert.Equal("https://news.example/2024/03/04/story-3", results[3].Source.Url);
        Assert.StartsWith("2024-03-04", results[3].Metadata!.PublishedAt, StringComparison.Ordinal);
        foreach (var result in results.Values)
        {
            RecordSchema.AssertValid(PipelineJson.Serialize(result));
        }
    }

    [Fact]
    public async Task Wet_and_warc_files_give_a_result_per_content_record_and_count_the_others_as_skipped()
    {
        await using var pipeline = await PipelineHarness.CreateAsync(azurite);
        var random = new Random(11);
        var wet = Concat(
            WarcInfo(),
            WetConversion("https://a.example/one", RandomArticle(random, 1)),
            WetConversion("https://a.example/two", RandomArticle(random, 2)),
            WetConversion("https://a.example/three", RandomArticle(random, 3)));
        var page = "<html><head><title>Ferry returns to the island</title></head><body><article><h1>Ferry returns to the island</h1>" +
            string.Concat(RandomArticle(random, 4).Split("\n\n").Skip(1).Select(p => $"<p>{p.Trim()}</p>")) + "</article></body></html>";
        var warc = Concat(
            WarcInfo(),
            WarcRequest("https://b.example/ferry"),
            WarcResponse("https://b.example/ferry", page),
            WarcResponse("https://b.example/logo.png", "PNG", contentType: "image/png"));
        await pipeline.UploadAsync("cc/segment.warc.wet", wet);
        await pipeline.UploadAsync("cc/segment.warc.gz", Gzip(warc));

        var wetSummary = await pipeline.WaitForSummaryAsync("cc/segment.warc.wet");
        var warcSummary = await pipeline.WaitForSummaryAsync("cc/segment.warc.gz");
        var wetResults = await pipeline.ReadRecordResultsAsync("cc/segment.warc.wet");
        var warcResults = await pipeline.ReadRecordResultsAsync("cc/segment.warc.gz");

        Assert.Equal((3L, 3L, 1L), (wetSummary.Batch.Records, wetSummary.Batch.Processed, wetSummary.Batch.Skipped));
        Assert.Equal(["https://a.example/one", "https://a.example/two", "https://a.example/three"], wetResults.Values.Select(r => r.Source.Url));
        Assert.Equal((1L, 1L, 3L), (warcSummary.Batch.Records, warcSummary.Batch.Processed, warcSummary.Batch.Skipped));
        var ferry = Assert.Single(warcResults.Values);
        Assert.Equal("Ferry returns to the island", ferry.Metadata!.Title);
        Assert.Equal(InputFormats.Html, ferry.Source.Format);
    }

    [Fact]
    public async Task A_batch_whose_records_are_all_unreadable_still_ends_in_a_summary_and_the_raw_blob_is_untouched()
    {
        await using var pipeline = await PipelineHarness.CreateAsync(azurite);
        var bytes = Utf8("{}\n{\"text\": 5}\nnot json at all\n");
        var etag = await pipeline.UploadAsync("broken.jsonl", bytes);

        var summary = await pipeline.WaitForSummaryAsync("broken.jsonl");

        Assert.Equal(new Pipeline.Storage.Batches.BatchCounts(3, 0, 0, 3, 0, 0), summary.Batch);
        Assert.Equal(etag, summary.Source.ETag);
        var raw = await pipeline.Storage.Raw.GetBlobClient("broken.jsonl").DownloadContentAsync();
        Assert.Equal(bytes, raw.Value.Content.ToArray());
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
