using Pipeline.Cli.Tests.EndToEnd;
using Xunit.Abstractions;

namespace Pipeline.Cli.Tests.Reliability;

/// <summary>SIGTERM with runs in flight: the worker exits cleanly after its grace period and hands its runs back.</summary>
[Collection(CliAzuriteCollection.Name)]
[Trait("Category", "Reliability")]
public sealed class ShutdownTests(CliAzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task Sigterm_with_runs_in_flight_exits_zero_and_a_new_worker_finishes_every_run_once()
    {
        var pipeline = new TestPipeline(azurite);
        var inputs = InputSet.Create(seed: 5, unique: 8, exactPairs: 1, nearPairs: 0, bad: 0);
        await pipeline.Storage.EnsureCreatedAsync();
        foreach (var input in inputs.Inputs)
        {
            await pipeline.Storage.Raw.GetBlobClient(input.Name).UploadAsync(BinaryData.FromBytes(input.Content));
        }

        var names = inputs.Inputs.Select(i => i.Name).ToList();
        var slow = pipeline.With(
            ("Pipeline__FaultInjection__DelayStep", "extract"),
            ("Pipeline__FaultInjection__DelayNamePattern", "*"),
            ("Pipeline__FaultInjection__Delay", "00:00:02"),
            ("Pipeline__Worker__ShutdownGracePeriod", "00:00:01"),
            // A released run must not wait out a long lease before the next worker sees it.
            ("Pipeline__Worker__RunLease", "00:00:30"));
        int? exitCode;
        string firstOutput;
        await using (var worker = pipeline.StartWorker(slow))
        {
            // Runs are in flight once their dedup claim exists (they then sit in the delayed extract).
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (await pipeline.CountDedupClaimsAsync() == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "no run started\n" + worker.Output);
                await Task.Delay(100);
            }

            // Generous: bounds a hang, not a performance figure.
            exitCode = await worker.TerminateAsync(TimeSpan.FromSeconds(15));
            firstOutput = worker.Output;
        }

        var resultsAtStop = (await pipeline.ListAsync(pipeline.Storage.Results)).Count;
        Assert.True(exitCode == 0, $"exit code {exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none: still running after 15 s"}\n{firstOutput}");
        Assert.True(resultsAtStop < names.Count, "every run finished before SIGTERM; the test did not stop runs in flight");

        await using (var worker = pipeline.StartWorker(pipeline.With(("Pipeline__Worker__RunLease", "00:00:30"))))
        {
            await pipeline.WaitForResultsAsync(names, timeout: TimeSpan.FromSeconds(60), worker: worker);
        }

        var results = await ReliabilityPipeline.ReadAllResultsAsync(pipeline);
        Assert.Equal(names.Order(StringComparer.Ordinal), results.Keys.Order(StringComparer.Ordinal));
        inputs.AssertStatuses(results);
        Assert.Equal(0, await pipeline.QueueDepthAsync(pipeline.Storage.Poison));
        output.WriteLine($"FIGURES shutdown: inputs {names.Count}, results when SIGTERM'd worker exited {resultsAtStop}, exit code {exitCode}, all {results.Count} results after restart");
    }
}
