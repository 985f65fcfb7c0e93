using System.Text;
using System.Text.Json;
using Pipeline.Cli.Tests.EndToEnd;
using Pipeline.Storage.Batches;
using Pipeline.Storage.Outputs;
using Pipeline.Storage.Runtime;
using Xunit.Abstractions;
using Pipeline.Tests.Shared;
using static Pipeline.Tests.Shared.BatchFiles;

namespace Pipeline.Cli.Tests.Reliability;

/// <summary>
/// Workers SIGKILLed while they fan a batch out (the fan-out's checkpoint is part-way): every record still gets exactly
/// one result, the fan-out resumes from its checkpoint rather than from the start, and the summary is written once.
/// </summary>
[Collection(CliAzuriteCollection.Name)]
[Trait("Category", "Reliability")]
public sealed partial class BatchCrashTests(CliAzuriteFixture azurite, ITestOutputHelper output)
{
    [Theory]
    [InlineData("crawl.jsonl", Compression.None)]
    [InlineData("crawl.jsonl.gz", Compression.OneMember)]
    [InlineData("cc-members.jsonl.gz", Compression.MemberPerRecord)]
    public async Task Workers_killed_while_fanning_out_a_batch_leave_one_result_per_record_and_one_summary(string name, Compression compression)
    {
        const int unique = 1000, copies = 100, empty = 100;
        var pipeline = new TestPipeline(azurite);
        await pipeline.Storage.EnsureCreatedAsync();
        var random = new Random(5);
        var texts = Enumerable.Range(0, unique).Select(i => RandomArticle(random, i)).ToList();
        var lines = texts.Select(t => JsonLine(("text", t)))
            .Concat(Enumerable.Range(0, copies).Select(i => JsonLine(("text", texts[i * 7]))))
            .Concat(Enumerable.Range(0, empty).Select(_ => "{}"));
        var content = compression switch
        {
            Compression.None => Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"),
            Compression.OneMember => Gzip(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n")),
            _ => GzipMembers([.. lines.Select(l => Encoding.UTF8.GetBytes(l + "\n"))]), // as Common Crawl writes it
        };
        var uploaded = await pipeline.Storage.Raw.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(content));
        var batch = new WorkItem(pipeline.Storage.Raw.Name, name, uploaded.Value.ETag.ToString());
        var checkpoint = pipeline.Storage.State.GetBlobClient(OutputNames.Checkpoint(batch.RunId, BatchFanOutStep.StepName));

        var environment = ReliabilityPipeline.CrashTimings(pipeline);
        var workers = new List<WorkerProcess> { pipeline.StartWorker(environment), pipeline.StartWorker(environment) };
        var kills = new List<long>();
        var checkpoints = new List<FanOutCheckpoint>();
        using var stop = new CancellationTokenSource();
        var consumer = BatchOutputs.ConsumeEventsAsync(pipeline, stop.Token);
        try
        {
            // Kill both workers whenever the fan-out has saved a chunk and is not done, twice, at different depths.
            foreach (var depth in new[] { 300L, 900L })
            {
                var state = await WaitForCheckpointAsync(checkpoint, depth, TimeSpan.FromSeconds(90));
                if (state is null || state.Done)
                {
                    break; // the fan-out outran the test; the assertions still hold
                }

                foreach (var worker in workers)
                {
                    await worker.KillAsync();
                }

                kills.Add(state.NextIndex);
                checkpoints.Add(state);
                workers = [pipeline.StartWorker(environment), pipeline.StartWorker(environment)];
            }

            var summary = await BatchOutputs.WaitForSummaryAsync(pipeline, name, TimeSpan.FromMinutes(4), workers);
            var statuses = await BatchOutputs.StatusesAsync(pipeline, name);
            await Task.Delay(TimeSpan.FromSeconds(2)); // the summary's event follows the summary
            await stop.CancelAsync();
            var events = await consumer;
            output.WriteLine($"FIGURES batch crash {name}: records {statuses.Count}, killed at records {string.Join(", ", kills)}, " +
                $"record events {events.Count(e => e.TryGetProperty("record", out _))}, summary events {events.Count(e => e.GetProperty("status").GetString() == "batch")}");

            Assert.NotEmpty(kills);
            Assert.Equal(Enumerable.Range(0, unique + copies + empty).Select(i => (long)i), statuses.Keys);
            Assert.Equal(unique, statuses.Values.Count(s => s == "processed"));
            Assert.Equal(copies, statuses.Values.Count(s => s == "duplicate"));
            Assert.Equal(empty, statuses.Values.Count(s => s == "rejected"));
            Assert.Equal((long)(unique + copies + empty), BatchOutputs.Count(summary, "records"));
            Assert.Equal(((long)unique, (long)copies, (long)empty, 0L),
                (BatchOutputs.Count(summary, "processed"), BatchOutputs.Count(summary, "duplicate"), BatchOutputs.Count(summary, "rejected"), BatchOutputs.Count(summary, "failed")));

            // Written once: created and never overwritten, and one summary event.
            var properties = (await pipeline.Storage.Results.GetBlobClient(OutputNames.ResultBlob(name)).GetPropertiesAsync()).Value;
            Assert.Equal(properties.CreatedOn, properties.LastModified);
            Assert.Single(events, e => e.GetProperty("status").GetString() == "batch");
            Assert.All(Enumerable.Range(0, unique + copies + empty), i =>
                Assert.Contains(events, e => e.TryGetProperty("record", out var r) && r.GetInt64() == i));

            // The fan-out resumed from its checkpoint, not from the start: a multi-member gzip from the member of the next
            // record (no member before it decompressed again), a single-member one from its only member, at 0.
            var resumes = workers.SelectMany(w => w.Lines).Select(l => ResumeLine().Match(l)).Where(m => m.Success).ToList();
            Assert.NotEmpty(resumes);
            var from = resumes.Select(m => long.Parse(m.Groups["from"].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            output.WriteLine($"FIGURES batch crash {name}: fan-out resumed reading from bytes {string.Join(", ", from)}");
            switch (compression)
            {
                case Compression.MemberPerRecord:
                    Assert.All(from, f => Assert.True(f > 0, $"resumed from byte {f}"));
                    Assert.All(checkpoints, c => Assert.True(c.MemberOffset > 0 && c.MemberSkip == 0, $"{c}"));
                    break;
                case Compression.OneMember:
                    Assert.All(from, f => Assert.Equal(0, f));
                    Assert.All(checkpoints, c => Assert.Equal(0, c.MemberOffset));
                    break;
                default:
                    Assert.All(from, f => Assert.True(f > 0, $"resumed from byte {f}"));
                    Assert.All(checkpoints, c => Assert.Null(c.MemberOffset));
                    break;
            }

            var staged = await pipeline.ListAsync(pipeline.Storage.State, $"batches/{batch.RunId}/records/");
            Assert.Empty(staged);
            Assert.Equal(0, await ReliabilityPipeline.WaitForEmptyQueueAsync(pipeline, pipeline.Storage.Work));
            Assert.Equal(0, await pipeline.QueueDepthAsync(pipeline.Storage.Poison));
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.DisposeAsync();
            }
        }
    }

    /// <summary>How the crash test's batch is stored.</summary>
    public enum Compression
    {
        /// <summary>Plain JSON Lines.</summary>
        None,

        /// <summary>One gzip member (<c>gzip crawl.jsonl</c>).</summary>
        OneMember,

        /// <summary>One gzip member per record, as Common Crawl writes it.</summary>
        MemberPerRecord,
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"batch fan-out resumes at record \d+, reading from byte (?<from>\d+)")]
    private static partial System.Text.RegularExpressions.Regex ResumeLine();

    private static async Task<FanOutCheckpoint?> WaitForCheckpointAsync(Azure.Storage.Blobs.BlobClient checkpoint, long depth, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await checkpoint.ExistsAsync())
            {
                var state = JsonSerializer.Deserialize<FanOutCheckpoint>((await checkpoint.DownloadContentAsync()).Value.Content.ToString(), new JsonSerializerOptions(JsonSerializerDefaults.Web));
                if (state is not null && (state.Done || state.NextIndex >= depth))
                {
                    return state;
                }
            }

            await Task.Delay(20);
        }

        return null;
    }
}
