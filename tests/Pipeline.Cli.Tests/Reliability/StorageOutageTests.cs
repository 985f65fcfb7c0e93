using Pipeline.Tests.Shared;
using System.Diagnostics;
using Pipeline.Cli.Tests.EndToEnd;
using Pipeline.Core.Documents;
using Xunit.Abstractions;

namespace Pipeline.Cli.Tests.Reliability;

/// <summary>
/// Azurite stopped for several seconds mid-run and started again on the same ports and data: the workers ride
/// it out, log the outage a bounded number of times, and every input still gets exactly one result.
/// Uses its own Azurite, so stopping it does not disturb the other tests.
/// </summary>
[Collection(DrillCollection.Name)]
[Trait("Category", "Reliability")]
public sealed class StorageOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task Storage_stopped_for_six_seconds_mid_run_loses_nothing_and_is_logged_once_per_outage()
    {
        var azurite = new CliAzuriteFixture();
        await azurite.InitializeAsync();
        var workers = new List<WorkerProcess>();
        try
        {
            var pipeline = new TestPipeline(azurite);
            var inputs = InputSet.Create(seed: 11, unique: 30, exactPairs: 3, nearPairs: 2, bad: 0);
            await pipeline.Storage.EnsureCreatedAsync();
            await Parallel.ForEachAsync(inputs.Inputs, new ParallelOptions { MaxDegreeOfParallelism = 8 },
                async (input, ct) => await pipeline.Storage.Raw.GetBlobClient(input.Name).UploadAsync(BinaryData.FromBytes(input.Content), ct));
            var names = inputs.Inputs.Select(i => i.Name).ToList();
            var environment = ReliabilityPipeline.CrashTimings(pipeline);
            var clock = Stopwatch.StartNew();
            workers.Add(pipeline.StartWorker(environment));
            workers.Add(pipeline.StartWorker(environment));

            while ((await pipeline.ListAsync(pipeline.Storage.Results)).Count == 0)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "no result before the outage\n" + workers[0].Output);
                await Task.Delay(100);
            }

            var before = (await pipeline.ListAsync(pipeline.Storage.Results)).Count;
            await azurite.Launcher.StopAsync();
            var down = Stopwatch.StartNew();
            await Task.Delay(Outage);
            await azurite.Launcher.StartAsync();
            down.Stop();
            output.WriteLine($"{before} results before the outage; storage down {down.Elapsed.TotalSeconds:F1} s");

            await pipeline.WaitForResultsAsync(names, timeout: TimeSpan.FromSeconds(90), worker: workers[0]);
            var elapsed = clock.Elapsed;
            var results = await ReliabilityPipeline.ReadAllResultsAsync(pipeline);
            Assert.Equal(names.Order(StringComparer.Ordinal), results.Keys.Order(StringComparer.Ordinal));
            inputs.AssertStatuses(results);
            var canonical = results.Values.Where(r => r.Status == ResultStatus.Processed).Select(r => r.Id + ".json").Order(StringComparer.Ordinal).ToList();
            var documents = (await pipeline.ListAsync(pipeline.Storage.Processed)).Select(b => b.Name).Where(n => n.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(canonical, documents);
            Assert.Equal(0, await pipeline.QueueDepthAsync(pipeline.Storage.Poison));

            // A poller still backing off when the last result landed logs its recovery at its next try.
            static int Count(WorkerProcess w, string text) => w.Lines.Count(l => l.Contains(text, StringComparison.Ordinal));
            var settle = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (workers.Any(w => Count(w, "Storage is unavailable") > Count(w, "available again")) && DateTime.UtcNow < settle)
            {
                await Task.Delay(200);
            }

            var retryWarnings = workers.Sum(w => Count(w, "[1000]"));
            var unavailable = workers.Select(w => w.Lines.Count(l => l.Contains("Storage is unavailable", StringComparison.Ordinal))).ToList();
            var recovered = workers.Select(w => w.Lines.Count(l => l.Contains("available again", StringComparison.Ordinal))).ToList();
            output.WriteLine($"FIGURES outage: inputs {names.Count}, down {down.Elapsed.TotalSeconds:F1} s, results before {before}, after {results.Count}, " +
                $"processed {canonical.Count}, 'unavailable' lines per worker [{string.Join(", ", unavailable)}], 'available again' [{string.Join(", ", recovered)}], " +
                $"retry warnings (event 1000, one line each) {retryWarnings}, time to last result {elapsed.TotalSeconds:F0} s");
            foreach (var worker in workers)
            {
                output.WriteLine("---- worker\n" + string.Join('\n', worker.Lines.Where(l => !l.Contains("info: ", StringComparison.Ordinal) || l.Contains("[10", StringComparison.Ordinal))));
            }

            Assert.All(workers, w => Assert.False(w.HasExited, w.Output));
            // Every request in flight logs its retry once; a stack trace per request would bury the outage lines.
            Assert.DoesNotContain(workers.SelectMany(w => w.Lines), l => l.Contains("End of stack trace", StringComparison.Ordinal) || l.TrimStart().StartsWith("at System.", StringComparison.Ordinal));
            Assert.All(unavailable, count => Assert.InRange(count, 0, 3));
            Assert.All(workers.Zip(unavailable, recovered), w => Assert.Equal(w.Second, w.Third));
            Assert.Contains(unavailable, count => count > 0);
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.DisposeAsync();
            }

            await azurite.DisposeAsync();
        }
    }
}
