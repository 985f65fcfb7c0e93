using System.Text;
using Pipeline.Core.Documents;
using Pipeline.Tests.Shared;
using Xunit.Abstractions;
using static Pipeline.Tests.Shared.BatchFiles;

namespace Pipeline.Cli.Tests.EndToEnd;

/// <summary>Bad and large batches through a real <c>pipeline worker</c> on Azurite: clear rejections, no crash, bounded memory.</summary>
[Collection(CliAzuriteCollection.Name)]
public sealed class BatchWorkerTests(CliAzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task Invalid_lines_a_truncated_gzip_and_a_ten_megabyte_line_are_rejected_records_and_the_worker_runs_on()
    {
        var pipeline = new TestPipeline(azurite);
        await pipeline.Storage.EnsureCreatedAsync();
        var random = new Random(3);
        var invalid = string.Join('\n', JsonLine(("text", RandomArticle(random, 1))), "{\"text\": \"no end", "{\"title\": \"no text\"}", JsonLine(("text", RandomArticle(random, 2))));
        var whole = Gzip(Utf8(string.Join('\n', Enumerable.Range(10, 50).Select(i => JsonLine(("text", RandomArticle(random, i))))) + "\n"));
        var truncated = whole[..(whole.Length * 6 / 10)];
        var longLine = string.Join('\n', JsonLine(("text", RandomArticle(random, 3))), JsonLine(("text", new string('x', 10 * 1024 * 1024))), JsonLine(("text", RandomArticle(random, 4))));
        await pipeline.Storage.Raw.GetBlobClient("bad/invalid.jsonl").UploadAsync(BinaryData.FromString(invalid));
        await pipeline.Storage.Raw.GetBlobClient("bad/truncated.jsonl.gz").UploadAsync(BinaryData.FromBytes(truncated));
        await pipeline.Storage.Raw.GetBlobClient("bad/long.jsonl").UploadAsync(BinaryData.FromString(longLine));
        await using var worker = pipeline.StartWorker();

        var invalidSummary = await BatchOutputs.WaitForSummaryAsync(pipeline, "bad/invalid.jsonl", TimeSpan.FromMinutes(2), [worker]);
        var truncatedSummary = await BatchOutputs.WaitForSummaryAsync(pipeline, "bad/truncated.jsonl.gz", TimeSpan.FromMinutes(2), [worker]);
        var longSummary = await BatchOutputs.WaitForSummaryAsync(pipeline, "bad/long.jsonl", TimeSpan.FromMinutes(2), [worker]);
        output.WriteLine($"FIGURES bad batches: worker peak RSS {worker.PeakResidentBytes() / (1024 * 1024)} MiB");

        Assert.Equal((4L, 2L, 2L), (BatchOutputs.Count(invalidSummary, "records"), BatchOutputs.Count(invalidSummary, "processed"), BatchOutputs.Count(invalidSummary, "rejected")));
        Assert.Equal(RejectionReasons.InvalidRecord, (await BatchOutputs.ReadRecordAsync(pipeline, "bad/invalid.jsonl", 1)).Rejection!.Reason);
        Assert.Equal(RejectionReasons.Empty, (await BatchOutputs.ReadRecordAsync(pipeline, "bad/invalid.jsonl", 2)).Rejection!.Reason);

        var kept = BatchOutputs.Count(truncatedSummary, "processed");
        Assert.InRange(kept, 1, 49);
        Assert.Equal(kept + 1, BatchOutputs.Count(truncatedSummary, "records"));
        Assert.Equal(RejectionReasons.Truncated, (await BatchOutputs.ReadRecordAsync(pipeline, "bad/truncated.jsonl.gz", kept)).Rejection!.Reason);

        Assert.Equal((3L, 2L, 1L), (BatchOutputs.Count(longSummary, "records"), BatchOutputs.Count(longSummary, "processed"), BatchOutputs.Count(longSummary, "rejected")));
        Assert.Equal(RejectionReasons.TooLarge, (await BatchOutputs.ReadRecordAsync(pipeline, "bad/long.jsonl", 1)).Rejection!.Reason);
        Assert.False(worker.HasExited, worker.Output);
        Assert.Equal(0, await pipeline.QueueDepthAsync(pipeline.Storage.Poison));

        var show = await pipeline.RunAsync("show", "bad/invalid.jsonl");
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("batch", show.StdOut, StringComparison.Ordinal);
        Assert.Contains("jsonl", show.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_of_empty_objects_gets_a_rejection_and_an_event_for_each_and_its_summary()
    {
        // 5,000 here: Azurite's inserts slow as a container fills (100,000 results took over 16 minutes), and the
        // reader's bound on 100,000 empty objects is tested in the core and through `pipeline process`. The 100,000
        // through a worker is measured, not tested: the load driver's `batch-empty` scenario (docs/benchmarks.md, Batches).
        const int count = 5_000;
        using var stop = new CancellationTokenSource();
        var pipeline = new TestPipeline(azurite);
        await pipeline.Storage.EnsureCreatedAsync();
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{}\n", count)));
        await pipeline.Storage.Raw.GetBlobClient("empty.jsonl").UploadAsync(BinaryData.FromBytes(bytes));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var worker = pipeline.StartWorker();
        var events = BatchOutputs.ConsumeEventsAsync(pipeline, stop.Token);

        var summary = await BatchOutputs.WaitForSummaryAsync(pipeline, "empty.jsonl", TimeSpan.FromMinutes(8), [worker]);
        await stop.CancelAsync();
        Assert.Equal(count, (await events).Count(e => e.TryGetProperty("record", out _)));
        output.WriteLine($"FIGURES empty objects: {count} records in {clock.Elapsed.TotalSeconds:F0} s, worker peak RSS {worker.PeakResidentBytes() / (1024 * 1024)} MiB");

        Assert.Equal(((long)count, 0L, (long)count, 0L), (BatchOutputs.Count(summary, "records"), BatchOutputs.Count(summary, "processed"), BatchOutputs.Count(summary, "rejected"), BatchOutputs.Count(summary, "failed")));
        Assert.Equal(count, (await pipeline.ListAsync(pipeline.Storage.Results, "empty.jsonl/")).Count);
        Assert.Equal(RejectionReasons.Empty, (await BatchOutputs.ReadRecordAsync(pipeline, "empty.jsonl", count - 1)).Rejection!.Reason);
        Assert.False(worker.HasExited, worker.Output);
    }
}
