using Pipeline.Tests.Shared;
using System.Diagnostics;
using Azure;
using Pipeline.Cli.Tests.EndToEnd;
using Pipeline.Core.Documents;
using Xunit.Abstractions;

namespace Pipeline.Cli.Tests.Reliability;

/// <summary>
/// The intake drill: inputs uploaded straight into raw by a client of the test's own (not <c>pipeline drop</c>),
/// while one of two workers is SIGKILLed and replaced every 4 seconds and Azurite is stopped (SIGTERM, waited for)
/// for a minute, longer than every retry, and started again on the same data mid-upload. Every input must end in exactly one right result within a
/// stated bound after the last fault, with the work and poison queues empty. Uses its own Azurite.
/// </summary>
[Collection(DrillCollection.Name)]
[Trait("Category", "Reliability")]
public sealed class IntakeDrillTests(ITestOutputHelper output)
{
    private static readonly TimeSpan KillEvery = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan KillingFor = TimeSpan.FromSeconds(44);
    private static readonly TimeSpan OutageAt = TimeSpan.FromSeconds(12);
    // Longer than every retry of a request (5 retries, about 6 s of backoff): the outage outlasts the resilience layer.
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(60);

    // From the last fault to the last result (docs/design.md, "Worst case"): recovery age 5 s + a scan interval +
    // a lease 3 s + the pollers' back-off (at most maxPollingInterval, 0.5 s here) + draining what
    // queued up meanwhile, on a CI machine of two cores.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task Six_hundred_uploads_through_kills_and_a_minute_long_storage_outage_each_get_exactly_one_right_result()
    {
        var azurite = new CliAzuriteFixture();
        await azurite.InitializeAsync();
        var workers = new List<WorkerProcess>();
        try
        {
            var pipeline = new TestPipeline(azurite);
            var inputs = InputSet.Create(seed: 600, unique: 550, exactPairs: 20, nearPairs: 0, bad: 10);
            var names = inputs.Inputs.Select(i => i.Name).ToList();
            await pipeline.Storage.EnsureCreatedAsync();
            var environment = ReliabilityPipeline.CrashTimings(pipeline);
            workers.Add(pipeline.StartWorker(environment));
            workers.Add(pipeline.StartWorker(environment));
            var clock = Stopwatch.StartNew();

            // Uploads paced over about 30 s, so they span the kills and the outage; each retried until storage takes it.
            var uploads = UploadPacedAsync(pipeline, inputs, TimeSpan.FromSeconds(30));
            var outage = StopAndRestartStorageAsync(azurite, clock);

            // The test is the workers' supervisor, as systemd or Kubernetes would be: a worker that exits (one
            // started while storage is down refuses to start, exit 3) is started again.
            using var stop = new CancellationTokenSource();
            var restarts = 0;
            var supervisor = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    for (var i = 0; i < workers.Count; i++)
                    {
                        if (workers[i].HasExited)
                        {
                            var exited = workers[i];
                            workers[i] = pipeline.StartWorker(environment);
                            await exited.DisposeAsync();
                            Interlocked.Increment(ref restarts);
                        }
                    }

                    await Task.Delay(500, CancellationToken.None);
                }
            });

            var kills = 0;
            var random = new Random(7);
            while (clock.Elapsed < KillingFor)
            {
                await Task.Delay(KillEvery);
                await workers[random.Next(workers.Count)].KillAsync(); // the supervisor starts its replacement
                kills++;
            }

            var down = await outage;
            await uploads;
            var lastFault = clock.Elapsed;
            output.WriteLine($"{kills} kills; storage down {down.TotalSeconds:F1} s; uploads done and last fault at {lastFault.TotalSeconds:F0} s");

            try
            {
                await pipeline.WaitForResultsAsync(names, timeout: Bound, worker: workers[0]);
            }
            finally
            {
                await stop.CancelAsync();
                await supervisor;
            }

            var afterLastFault = clock.Elapsed - lastFault;

            var results = await ReliabilityPipeline.ReadAllResultsAsync(pipeline);
            Assert.Equal(names.Order(StringComparer.Ordinal), results.Keys.Order(StringComparer.Ordinal));
            inputs.AssertStatuses(results);
            var canonical = results.Values.Where(r => r.Status == ResultStatus.Processed).Select(r => r.Id + ".json").Order(StringComparer.Ordinal).ToList();
            var documents = (await pipeline.ListAsync(pipeline.Storage.Processed)).Select(b => b.Name).Where(n => n.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(canonical, documents);
            Assert.Equal(0, await ReliabilityPipeline.WaitForEmptyQueueAsync(pipeline, pipeline.Storage.Work));
            Assert.Equal(0, await pipeline.QueueDepthAsync(pipeline.Storage.Poison));
            output.WriteLine($"FIGURES drill: inputs {names.Count}, kills {kills} (every {KillEvery.TotalSeconds:F0} s for {KillingFor.TotalSeconds:F0} s), " +
                $"worker starts by the supervisor {restarts} (kills and refusals to start during the outage), " +
                $"storage down {down.TotalSeconds:F1} s at {OutageAt.TotalSeconds:F0} s, results {results.Count}, processed {canonical.Count}, " +
                $"duplicates {results.Values.Count(r => r.Status == ResultStatus.Duplicate)}, rejected {results.Values.Count(r => r.Status == ResultStatus.Rejected)}, " +
                $"lost 0, last result {afterLastFault.TotalSeconds:F0} s after the last fault (bound {Bound.TotalSeconds:F0} s)");
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

    private static async Task UploadPacedAsync(TestPipeline pipeline, InputSet inputs, TimeSpan over)
    {
        var pause = over / inputs.Inputs.Count;
        foreach (var chunk in inputs.Inputs.Chunk(5))
        {
            await Task.WhenAll(chunk.Select(input => UploadUntilTakenAsync(pipeline, input.Name, input.Content)));
            await Task.Delay(pause * chunk.Length);
        }
    }

    // A foreign client's upload: it keeps trying through the outage, as a scraper's uploader would.
    private static async Task UploadUntilTakenAsync(TestPipeline pipeline, string name, byte[] content)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
        while (true)
        {
            try
            {
                await pipeline.Storage.Raw.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(content), overwrite: true);
                return;
            }
            catch (Exception ex) when ((ex is RequestFailedException or HttpRequestException or AggregateException or IOException) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }

    private static async Task<TimeSpan> StopAndRestartStorageAsync(CliAzuriteFixture azurite, Stopwatch clock)
    {
        await Task.Delay(OutageAt - clock.Elapsed);
        var down = Stopwatch.StartNew();
        await azurite.Launcher.StopAsync(); // SIGTERM, and wait for the exit: a SIGKILLed Azurite loses acknowledged writes
        await Task.Delay(Outage);
        await azurite.Launcher.StartAsync();
        return down.Elapsed;
    }
}
