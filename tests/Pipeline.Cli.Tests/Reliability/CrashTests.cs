using Pipeline.Tests.Shared;
using System.Diagnostics;
using Xunit.Abstractions;
using Pipeline.Cli.Tests.EndToEnd;
using Pipeline.Core.Documents;

namespace Pipeline.Cli.Tests.Reliability;

/// <summary>
/// Workers killed with SIGKILL at random moments (seeded delays of 0.5-3 s) while hundreds of inputs, uploaded
/// straight into raw so the workers' scanners race for them, flow: nothing is lost or done twice.
/// </summary>
[Collection(CliAzuriteCollection.Name)]
[Trait("Category", "Reliability")]
public sealed class CrashTests(CliAzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task Five_hundred_inputs_through_two_workers_killed_ten_times_get_exactly_one_right_result_each()
    {
        var pipeline = new TestPipeline(azurite);
        var inputs = InputSet.Create(seed: 42, unique: 380, exactPairs: 20, nearPairs: 20, bad: 40);
        await pipeline.Storage.EnsureCreatedAsync();
        await Parallel.ForEachAsync(inputs.Inputs, new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (input, ct) => await pipeline.Storage.Raw.GetBlobClient(input.Name).UploadAsync(BinaryData.FromBytes(input.Content), ct));
        var names = inputs.Inputs.Select(i => i.Name).ToList();
        var environment = ReliabilityPipeline.CrashTimings(pipeline);
        var random = new Random(1234);
        var clock = Stopwatch.StartNew();
        var workers = new List<WorkerProcess> { pipeline.StartWorker(environment), pipeline.StartWorker(environment) };
        var kills = 0;
        try
        {
            var allDone = pipeline.WaitForResultsAsync(names, timeout: TimeSpan.FromMinutes(4));
            while (!allDone.IsCompleted || kills < 10)
            {
                await Task.WhenAny(allDone, Task.Delay(TimeSpan.FromSeconds(0.5 + (random.NextDouble() * 2.5))));
                output.WriteLine($"{clock.Elapsed.TotalSeconds:F0} s: {(await pipeline.ListAsync(pipeline.Storage.Results)).Count} results, kill {kills + 1}");
                if (allDone.IsFaulted)
                {
                    break;
                }

                var victim = random.Next(2);
                await workers[victim].KillAsync();
                kills++;
                workers[victim] = pipeline.StartWorker(environment);
            }

            await allDone;
            output.WriteLine($"results complete after {clock.Elapsed.TotalSeconds:F0} s");
            var elapsed = clock.Elapsed;
            Assert.All(workers, w => Assert.False(w.HasExited, w.Output));

            var results = await ReliabilityPipeline.ReadAllResultsAsync(pipeline);
            Assert.Equal(names.Order(StringComparer.Ordinal), results.Keys.Order(StringComparer.Ordinal));
            inputs.AssertStatuses(results);
            var canonical = results.Values.Where(r => r.Status == ResultStatus.Processed).Select(r => r.Id + ".json").Order(StringComparer.Ordinal).ToList();
            var documents = (await pipeline.ListAsync(pipeline.Storage.Processed)).Select(b => b.Name).Where(n => n.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(canonical, documents);
            Assert.Equal(0, await ReliabilityPipeline.WaitForEmptyQueueAsync(pipeline, pipeline.Storage.Work));
            Assert.Equal(0, await pipeline.QueueDepthAsync(pipeline.Storage.Poison));
            var events = await pipeline.QueueDepthAsync(pipeline.Storage.Events);
            output.WriteLine($"FIGURES crash: inputs {names.Count}, kills {kills}, results {results.Count}, processed {canonical.Count}, " +
                $"duplicates {results.Values.Count(r => r.Status == ResultStatus.Duplicate)}, rejected {results.Values.Count(r => r.Status == ResultStatus.Rejected)}, " +
                $"events {events}, lost 0, time to last result {elapsed.TotalSeconds:F0} s");
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.DisposeAsync();
            }
        }
    }
}
