using System.Text.Json;
using Pipeline.Core.Documents;
using Pipeline.Storage.Outputs;
using Pipeline.Tests.Shared;

namespace Pipeline.Cli.Tests.EndToEnd;

/// <summary>The pipeline as users run it: <c>pipeline worker</c> processes, <c>pipeline drop</c>, a real Azurite.</summary>
[Collection(CliAzuriteCollection.Name)]
public sealed class WorkerEndToEndTests(CliAzuriteFixture azurite) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pipeline-e2e-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly string Samples = RepositoryPaths.File("samples", "inputs");

    private static IReadOnlyList<string> SampleNames() =>
        Directory.EnumerateFiles(Samples).Select(p => Path.GetFileName(p)!).Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal).ToList();

    /// <summary>Writes distinct articles (no two are duplicates of each other) into the temp folder.</summary>
    private IReadOnlyList<string> WriteArticles(string prefix, int count)
    {
        string[] places = ["Alder Bay", "Brookmere", "Cold Harbour", "Dunmore", "Eastwick", "Fallow Cross", "Greyhaven", "Holt End", "Ironbridge", "Juniper Vale", "Kestrel Point", "Lowater"];
        string[] things = ["a new library", "the tram line", "a flood barrier", "the night market", "a solar farm", "the ferry service", "a cycling route", "the old cinema", "a wind turbine", "the town hall roof", "a school canteen", "the river walk"];
        var names = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var name = $"{prefix}-{i:D2}.txt";
            File.WriteAllText(Path.Combine(_folder, name),
                $"{places[i % places.Length]} weighs {things[(i * 5 + 3) % things.Length]}\n\n" +
                $"Residents of {places[i % places.Length]} met on evening {i} to discuss {things[(i * 5 + 3) % things.Length]}, which officials say could cost {i + 3} million over {i % 4 + 2} years.\n\n" +
                $"Item {i}: the committee chair, speaking for number {i * 7919 % 1000}, said that a decision on {things[(i * 7 + 1) % things.Length]} would follow in {(i % 11) + 1} weeks after consultation {i * 31}.\n");
            names.Add(name);
        }

        return names;
    }

    private async Task AssertExactlyOneResultEachAsync(TestPipeline pipeline, IReadOnlyList<string> names)
    {
        var results = (await pipeline.ListAsync(pipeline.Storage.Results)).Select(b => b.Name).Order(StringComparer.Ordinal);
        Assert.Equal(names.Select(OutputNames.ResultBlob).Order(StringComparer.Ordinal), results);
        foreach (var name in names)
        {
            Assert.Equal(ResultStatus.Processed, (await pipeline.ReadResultAsync(name)).Status);
        }
    }

    [Fact]
    public async Task Every_dropped_blob_gets_exactly_one_result_with_one_worker()
    {
        var pipeline = new TestPipeline(azurite);
        var names = WriteArticles("one", 8);
        await using var worker = pipeline.StartWorker();

        var drop = await pipeline.RunAsync(["drop", _folder]);
        Assert.Equal(0, drop.ExitCode);
        await pipeline.WaitForResultsAsync(names, worker: worker);
        await WorkerProcess.WaitForLinesAsync([worker], " -> processed ", names.Count);

        await AssertExactlyOneResultEachAsync(pipeline, names);
        Assert.Equal(names.Count, worker.Lines.Count(l => l.Contains(" -> processed ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Every_dropped_blob_gets_exactly_one_result_with_two_workers()
    {
        var pipeline = new TestPipeline(azurite);
        var names = WriteArticles("two", 12);
        await using var first = pipeline.StartWorker();
        await using var second = pipeline.StartWorker();

        Assert.Equal(0, (await pipeline.RunAsync(["drop", _folder])).ExitCode);
        await pipeline.WaitForResultsAsync(names, worker: first);
        await WorkerProcess.WaitForLinesAsync([first, second], " -> processed ", names.Count);
        await Task.Delay(500); // let any stray second run surface in the logs before counting them

        await AssertExactlyOneResultEachAsync(pipeline, names);
        var completed = first.Lines.Concat(second.Lines).Count(l => l.Contains(" -> processed ", StringComparison.Ordinal));
        Assert.Equal(names.Count, completed);
    }

    [Fact]
    public async Task Killed_worker_runs_are_finished_by_a_restarted_worker_from_their_dedup_claims()
    {
        var pipeline = new TestPipeline(azurite);
        var names = WriteArticles("crash", 6);
        Assert.Equal(0, (await pipeline.RunAsync(["drop", _folder])).ExitCode);

        // The first worker stalls every run in extract, after its dedup claim: it dies mid-run.
        await using (var doomed = pipeline.StartWorker(pipeline.With(
            ("Pipeline__FaultInjection__DelayStep", "extract"), ("Pipeline__FaultInjection__Delay", "00:05:00"))))
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (await pipeline.CountDedupClaimsAsync() < names.Count)
            {
                Assert.True(DateTime.UtcNow < deadline, "The first worker did not checkpoint every run:\n" + doomed.Output);
                await Task.Delay(200);
            }

            await doomed.KillAsync();
        }

        Assert.Empty(await pipeline.ListAsync(pipeline.Storage.Results));
        await using var restarted = pipeline.StartWorker();
        await pipeline.WaitForResultsAsync(names, worker: restarted);

        await AssertExactlyOneResultEachAsync(pipeline, names);
        Assert.Equal(names.Count * 2, (await pipeline.ListAsync(pipeline.Storage.Processed)).Count);
        Assert.Equal(names.Count, await pipeline.QueueDepthAsync(pipeline.Storage.Events));
    }

    [Fact]
    public async Task Poisoned_input_ends_failed_and_replay_reprocesses_it_once_the_fault_is_gone()
    {
        var pipeline = new TestPipeline(azurite, maxDequeueCount: 2);
        var names = WriteArticles("poison", 2);
        var faulty = pipeline.With(("Pipeline__FaultInjection__FailStep", "extract"), ("Pipeline__FaultInjection__FailNamePattern", "poison-00*"));

        await using (var worker = pipeline.StartWorker(faulty))
        {
            Assert.Equal(0, (await pipeline.RunAsync(["drop", _folder])).ExitCode);
            await pipeline.WaitForResultsAsync([names[0]], status: "failed", worker: worker);
            await pipeline.WaitForResultsAsync([names[1]], status: "processed", worker: worker);

            // The failed result is written before the message moves to the poison queue: wait for both.
            await pipeline.WaitForQueueDepthAsync(pipeline.Storage.Poison, 1);
            await worker.KillAsync();
        }

        var failed = await pipeline.ReadResultAsync(names[0]);
        Assert.Equal(ResultStatus.Failed, failed.Status);
        Assert.Equal("InjectedFaultException", failed.Error!.Type);
        Assert.Equal(2, failed.Error.Attempts);
        Assert.Equal(1, await pipeline.QueueDepthAsync(pipeline.Storage.Poison));

        await using var healthy = pipeline.StartWorker();
        var replay = await pipeline.RunAsync(["replay", "--failed"]);
        Assert.Equal(0, replay.ExitCode);
        await pipeline.WaitForResultsAsync([names[0]], status: "processed", worker: healthy);

        Assert.Equal(ResultStatus.Processed, (await pipeline.ReadResultAsync(names[0])).Status);
    }

    [Fact]
    public async Task Status_json_shows_counts_by_status()
    {
        var pipeline = new TestPipeline(azurite);
        var names = WriteArticles("status", 3);
        File.Copy(Path.Combine(_folder, names[0]), Path.Combine(_folder, "status-copy.txt"));
        File.WriteAllBytes(Path.Combine(_folder, "status-empty.txt"), []);
        await using (var worker = pipeline.StartWorker())
        {
            Assert.Equal(0, (await pipeline.RunAsync(["drop", _folder])).ExitCode);
            await pipeline.WaitForResultsAsync([.. names, "status-copy.txt", "status-empty.txt"], worker: worker);
        }

        var status = await pipeline.RunAsync("status", "--json");

        Assert.Equal(0, status.ExitCode);
        var counts = JsonDocument.Parse(status.StdOut).RootElement.GetProperty("counts");
        Assert.Equal(3, counts.GetProperty("processed").GetInt32());
        Assert.Equal(1, counts.GetProperty("duplicate").GetInt32());
        Assert.Equal(1, counts.GetProperty("rejected").GetInt32());
        Assert.Equal(0, counts.GetProperty("failed").GetInt32());
    }

    [Fact]
    public async Task Show_json_prints_the_stored_record()
    {
        var pipeline = new TestPipeline(azurite);
        var names = WriteArticles("show", 1);
        await using (var worker = pipeline.StartWorker())
        {
            Assert.Equal(0, (await pipeline.RunAsync(["drop", _folder])).ExitCode);
            await pipeline.WaitForResultsAsync(names, worker: worker);
        }

        var show = await pipeline.RunAsync("show", names[0], "--json");

        Assert.Equal(0, show.ExitCode);
        RecordSchema.AssertValid(show.StdOut);
        var stored = await pipeline.ReadResultAsync(names[0]);
        Assert.Equal(PipelineJson.Serialize(stored), PipelineJson.Serialize(PipelineJson.Deserialize(System.Text.Encoding.UTF8.GetBytes(show.StdOut))));
    }

    [Fact]
    public async Task Stored_results_for_the_samples_equal_what_process_prints_for_them()
    {
        var pipeline = new TestPipeline(azurite);
        var names = SampleNames();
        var offline = await CliProcess.RunAsync("process", "--json", Samples);
        Assert.Equal(0, offline.ExitCode);

        // Dropped in order before a one-at-a-time worker starts, so duplicates are decided in the same order.
        Assert.Equal(0, (await pipeline.RunAsync(["drop", Samples])).ExitCode);
        await using (var worker = pipeline.StartWorker(pipeline.With(
            ("AzureFunctionsJobHost__extensions__queues__batchSize", "1"), ("AzureFunctionsJobHost__extensions__queues__newBatchThreshold", "0"))))
        {
            await pipeline.WaitForResultsAsync(names, worker: worker);
        }

        var expected = offline.StdOutLines.Select(l => PipelineJson.Deserialize(System.Text.Encoding.UTF8.GetBytes(l))).ToList();
        Assert.Equal(names.Count, expected.Count);
        for (var i = 0; i < names.Count; i++)
        {
            var stored = await pipeline.ReadResultAsync(names[i]);
            Assert.Equal(names[i], Path.GetFileName(expected[i].Source.Name));
            Assert.Equal(Comparable(expected[i]), Comparable(stored));
        }
    }

    /// <summary>The record minus what legitimately differs between the two runs: the name's folder and the ETag.</summary>
    private static string Comparable(DocumentRecord record) =>
        PipelineJson.Serialize(record with { Source = record.Source with { Name = Path.GetFileName(record.Source.Name), ETag = null } });

    [Fact]
    public async Task Up_decides_copies_among_the_samples_as_process_does()
    {
        var pipeline = new TestPipeline(azurite);
        var offline = await CliProcess.RunAsync("process", "--json", Samples);
        Assert.Equal(0, offline.ExitCode);

        var up = await CliProcess.RunAsync(["up", "--once", "--connection", pipeline.ConnectionString, "--samples", Samples], pipeline.Environment, TimeSpan.FromMinutes(2));

        Assert.True(up.ExitCode == 0, up.StdOut + up.StdErr);
        foreach (var expected in offline.StdOutLines.Select(l => PipelineJson.Deserialize(System.Text.Encoding.UTF8.GetBytes(l))))
        {
            var stored = await pipeline.ReadResultAsync(Path.GetFileName(expected.Source.Name));
            Assert.Equal((expected.Status, expected.Id, expected.DuplicateOf?.Id), (stored.Status, stored.Id, stored.DuplicateOf?.Id));
        }
    }

    [Fact]
    public async Task Up_once_prints_a_result_per_sample_and_exits_zero()
    {
        var pipeline = new TestPipeline(azurite);

        var up = await CliProcess.RunAsync(["up", "--once", "--connection", pipeline.ConnectionString, "--samples", Samples], pipeline.Environment, TimeSpan.FromMinutes(2));

        Assert.True(up.ExitCode == 0, up.StdOut + up.StdErr);
        foreach (var name in SampleNames())
        {
            Assert.Contains(up.StdOutLines, l => l.Contains(name, StringComparison.Ordinal) && (l.Contains("processed", StringComparison.Ordinal)
                || l.Contains("duplicate", StringComparison.Ordinal) || l.Contains("rejected", StringComparison.Ordinal)));
        }
    }
}
