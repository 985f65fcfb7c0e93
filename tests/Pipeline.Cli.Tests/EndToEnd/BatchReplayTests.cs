using System.Text.Json;
using Pipeline.Storage.Batches;
using Pipeline.Storage.Outputs;
using Pipeline.Storage.Runtime;
using Pipeline.Tests.Shared;
using Xunit.Abstractions;
using static Pipeline.Tests.Shared.BatchFiles;

namespace Pipeline.Cli.Tests.EndToEnd;

/// <summary><c>pipeline replay</c> of a batch through real workers on Azurite: only its failed records run again.</summary>
[Collection(CliAzuriteCollection.Name)]
public sealed class BatchReplayTests(CliAzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task Replaying_a_batch_reruns_exactly_its_failed_records_from_the_raw_blob_and_updates_its_summary()
    {
        const int count = 250;
        long[] failing = [3, 117, 230];
        const string name = "replay/cc-members.jsonl.gz";
        var pipeline = new TestPipeline(azurite, maxDequeueCount: 2);
        await pipeline.Storage.EnsureCreatedAsync();
        var random = new Random(8);
        var content = GzipMembers([.. Enumerable.Range(0, count).Select(i => Utf8(JsonLine(("text", RandomArticle(random, i))) + "\n"))]);
        var uploaded = await pipeline.Storage.Raw.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(content));
        var batch = new WorkItem(pipeline.Storage.Raw.Name, name, uploaded.Value.ETag.ToString());
        var faulty = pipeline.With(("Pipeline__FaultInjection__FailStep", "extract"), ("Pipeline__FaultInjection__FailRecords", string.Join(',', failing)));

        JsonElement first;
        await using (var worker = pipeline.StartWorker(faulty))
        {
            first = await BatchOutputs.WaitForSummaryAsync(pipeline, name, TimeSpan.FromMinutes(4), [worker]);
            await worker.KillAsync();
        }

        Assert.Equal((count - 3L, 3L), (BatchOutputs.Count(first, "processed"), BatchOutputs.Count(first, "failed")));
        Assert.Equal(failing, (await BatchOutputs.StatusesAsync(pipeline, name)).Where(s => s.Value == "failed").Select(s => s.Key));
        var before = (await pipeline.ListAsync(pipeline.Storage.Results, OutputNames.RecordResultsPrefix(name))).ToDictionary(b => b.Name, b => b.Properties.ETag);
        var source = await ReadSourceAsync(pipeline, batch with { Record = 117 });
        Assert.True(source.From.StreamOffset > 0, $"{source}"); // its own gzip member, not the start of the batch

        await using var healthy = pipeline.StartWorker();
        var replay = await pipeline.RunAsync("replay", name);
        Assert.Equal(0, replay.ExitCode);
        Assert.Contains("3 failed records (#3, #117, #230)", replay.StdOut, StringComparison.Ordinal);
        var summary = await WaitForFailedCountAsync(pipeline, name, 0, TimeSpan.FromMinutes(2), healthy);
        var after = (await pipeline.ListAsync(pipeline.Storage.Results, OutputNames.RecordResultsPrefix(name))).ToDictionary(b => b.Name, b => b.Properties.ETag);
        output.WriteLine($"FIGURES batch replay: {failing.Length} failed records of {count} rerun; record 117 read from byte {source.From.StreamOffset} of {content.Length}");

        Assert.Equal((long)count, BatchOutputs.Count(summary, "records"));
        Assert.Equal(((long)count, 0L), (BatchOutputs.Count(summary, "processed"), BatchOutputs.Count(summary, "failed")));
        Assert.Empty(summary.GetProperty("failures").EnumerateArray());
        Assert.All(await BatchOutputs.StatusesAsync(pipeline, name), s => Assert.Equal("processed", s.Value));
        Assert.Equal(failing.Select(i => OutputNames.RecordResultBlob(name, i)), after.Where(r => before[r.Key] != r.Value).Select(r => r.Key));
        foreach (var index in failing)
        {
            var record = await BatchOutputs.ReadRecordAsync(pipeline, name, index);
            Assert.Equal((index, "processed"), (record.Source.Record!.Value, record.Status.ToString().ToLowerInvariant()));
            Assert.Null(record.Error);
        }

        Assert.Equal(0, await Reliability.ReliabilityPipeline.WaitForEmptyQueueAsync(pipeline, pipeline.Storage.Work));
    }

    private static async Task<BatchRecordSource> ReadSourceAsync(TestPipeline pipeline, WorkItem record)
    {
        var blob = pipeline.Storage.State.GetBlobClient(OutputNames.Checkpoint(record.RunId, BatchRecordSource.StepName));
        return JsonSerializer.Deserialize<BatchRecordSource>((await blob.DownloadContentAsync()).Value.Content.ToString(), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    private static async Task<JsonElement> WaitForFailedCountAsync(TestPipeline pipeline, string name, long failed, TimeSpan timeout, WorkerProcess worker)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var summary = await BatchOutputs.WaitForSummaryAsync(pipeline, name, timeout, [worker]);
            if (BatchOutputs.Count(summary, "failed") == failed)
            {
                return summary;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The summary of {name} still counts {BatchOutputs.Count(summary, "failed")} failed records:\n{string.Join('\n', worker.Lines.TakeLast(30))}");
            }

            await Task.Delay(250);
        }
    }
}
