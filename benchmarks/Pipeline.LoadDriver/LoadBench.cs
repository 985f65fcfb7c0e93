using System.Text.Json;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using Azure;
using Azure.Core.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Core.Deduplication;
using Pipeline.Core.Documents;
using Pipeline.Development.Azurite;
using Pipeline.Storage.Configuration;
using Pipeline.Storage.Deduplication;
using Pipeline.Storage.Hosting;
using Pipeline.Storage.Intake;
using Pipeline.Storage.Runtime;

namespace Pipeline.LoadDriver;

/// <summary>
/// The scenarios, each on its own containers and queues of an Azurite that the driver starts. Each throughput
/// run gets a fresh Azurite: Azurite keeps every blob, message and entity of an account in shared LokiJS
/// collections whose operations slow down as they fill, so a run on an Azurite that earlier runs filled would
/// be measured against a slower emulator than the run before it.
/// </summary>
internal sealed partial class LoadBench : IAsyncDisposable
{
    private readonly string _root;
    private readonly bool _inMemory;
    private AzuriteLauncher _azurite;
    private int _runs;

    private LoadBench(AzuriteLauncher azurite, string root, bool inMemory)
    {
        _azurite = azurite;
        _root = root;
        _inMemory = inMemory;
    }

    public static async Task<LoadBench> StartAsync(bool inMemory, CancellationToken ct)
    {
        var root = RepositoryLocator.FindRoot() ?? throw new InvalidOperationException("Run the load driver inside the repository.");
        return new LoadBench(await StartAzuriteAsync(inMemory, ct), root, inMemory);
    }

    public async ValueTask DisposeAsync() => await _azurite.DisposeAsync();

    private static async Task<AzuriteLauncher> StartAzuriteAsync(bool inMemory, CancellationToken ct)
    {
        var azurite = new AzuriteLauncher(new AzuriteOptions
        {
            DataDirectory = Directory.CreateTempSubdirectory("pipeline-load-").FullName,
            DebugLog = Environment.GetEnvironmentVariable("LOAD_AZURITE_DEBUG") == "1", // off: a disk write per request would be measured too
            InMemoryPersistence = inMemory,
        });
        await azurite.StartAsync(ct);
        return azurite;
    }

    /// <summary>Replaces the Azurite with a new, empty one.</summary>
    private async Task FreshAzuriteAsync(CancellationToken ct)
    {
        var old = _azurite;
        var dataDirectory = old.DataDirectory;
        await old.DisposeAsync();
        if (Environment.GetEnvironmentVariable("LOAD_AZURITE_DEBUG") != "1")
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        _azurite = await StartAzuriteAsync(_inMemory, ct);
    }

    public async Task<IReadOnlyList<string>> ThroughputAsync(int docs, int warmup, int size, int concurrency, int repeat, CancellationToken ct)
    {
        var articles = new SyntheticArticles(Path.Combine(_root, "samples", "inputs"), seed: 42);
        var inputs = Enumerable.Range(0, docs).Select(i => articles.Next(i, size)).ToArray();
        var warm = Enumerable.Range(docs, warmup).Select(i => articles.Next(i, size)).ToArray();

        // Rounds of ceiling, 1 worker, 2 workers, back to back, so that a slow spell of the machine hits all three;
        // each round's ratios are computed within the round, and the median round (by the 2-worker ratio) reported.
        var rounds = new List<(Measured Ceiling, Measured One, Measured Two)>();
        for (var round = 0; round < Math.Max(1, repeat); round++)
        {
            await FreshAzuriteAsync(ct);
            var c = await CeilingAsync(warm, inputs, concurrency, ct);
            await FreshAzuriteAsync(ct);
            var o = await PipelineAsync(warm, inputs, workers: 1, concurrency, ct);
            await FreshAzuriteAsync(ct);
            var t = await PipelineAsync(warm, inputs, workers: 2, concurrency, ct);
            rounds.Add((c, o, t));
            Console.Error.WriteLine(
                $"// round {round + 1}: ceiling {c.PerSecond:0.0}/s, 1 worker {o.PerSecond / c.PerSecond:P0}, 2 workers {t.PerSecond / c.PerSecond:P0}");
        }

        var (ceiling, one, two) = rounds.OrderBy(r => r.Two.PerSecond / r.Ceiling.PerSecond).ElementAt(rounds.Count / 2);
        string Ms(TimeSpan cpu) => (cpu.TotalMilliseconds / docs).ToString("0.00", CultureInfo.InvariantCulture);
        string Row(string what, Measured run) =>
            $"| {what} | {run.PerSecond.ToString("0.0", CultureInfo.InvariantCulture)} | {(run.PerSecond / ceiling.PerSecond * 100).ToString("0", CultureInfo.InvariantCulture)}% " +
            $"| {Ms(run.AzuriteCpu)} | {Ms(run.WorkerCpu)} | {Ms(run.DriverCpu)} |";
        string Range(Func<(Measured Ceiling, Measured One, Measured Two), double> ratio) =>
            string.Join(", ", rounds.Select(r => (ratio(r) * 100).ToString("0", CultureInfo.InvariantCulture) + "%"));
        return
        [
            $"### Throughput ({docs} documents of {size / 1024} KB after {warmup} warm-up documents, {concurrency} concurrent operations, {Environment.ProcessorCount} cores; median of {rounds.Count} rounds)",
            string.Empty,
            "| run | documents/s | of ceiling | Azurite CPU ms/doc | worker CPU ms/doc | driver CPU ms/doc |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
            Row("bare SDK loop (ceiling)", ceiling),
            Row("pipeline, 1 worker", one),
            Row("pipeline, 2 workers", two),
            string.Empty,
            $"Every round: 1 worker {Range(r => r.One.PerSecond / r.Ceiling.PerSecond)}; 2 workers {Range(r => r.Two.PerSecond / r.Ceiling.PerSecond)}.",
            string.Empty,
        ];
    }

    /// <summary>
    /// The storage I/O any design needs per document, with nothing else: upload the input, enqueue,
    /// receive and delete the work item, read the input, one dedup-index claim, write the result, the
    /// document and its text.
    /// </summary>
    private async Task<Measured> CeilingAsync(byte[][] warm, byte[][] inputs, int concurrency, CancellationToken ct)
    {
        var names = NewNames();
        using var provider = Services(names);
        var storage = provider.GetRequiredService<PipelineStorage>();
        await storage.EnsureCreatedAsync(ct);
        await LoopAsync(storage, warm, "warm", concurrency, ct);
        var cpu = CpuClock.Start(_azurite, []);
        var watch = Stopwatch.StartNew();
        await LoopAsync(storage, inputs, "doc", concurrency, ct);
        return cpu.Stop(inputs.Length / watch.Elapsed.TotalSeconds);
    }

    private static Task LoopAsync(PipelineStorage storage, byte[][] inputs, string prefix, int concurrency, CancellationToken ct) =>
        Parallel.ForEachAsync(Enumerable.Range(0, inputs.Length), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (i, token) =>
        {
            var name = $"{prefix}-{i:D6}.txt";
            await storage.Raw.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(inputs[i]), overwrite: true, token);
            await storage.Work.SendMessageAsync(name, token);
            var message = (await storage.Work.ReceiveMessageAsync(cancellationToken: token)).Value;
            if (message is not null)
            {
                await storage.Work.DeleteMessageAsync(message.MessageId, message.PopReceipt, token);
            }

            var content = (await storage.Raw.GetBlobClient(name).DownloadContentAsync(token)).Value.Content;
            await storage.Dedup.AddEntityAsync(new TableEntity("x", Guid.NewGuid().ToString("N")) { ["DocumentId"] = name }, token);
            await storage.Results.GetBlobClient(name + ".json").UploadAsync(content, overwrite: true, token);
            await storage.Processed.GetBlobClient(name + ".json").UploadAsync(content, overwrite: true, token);
            await storage.Processed.GetBlobClient(name + ".txt").UploadAsync(content, overwrite: true, token);
        });

    private async Task<Measured> PipelineAsync(byte[][] warm, byte[][] inputs, int workers, int concurrency, CancellationToken ct)
    {
        var names = NewNames();
        using var provider = Services(names);
        var storage = provider.GetRequiredService<PipelineStorage>();
        await storage.EnsureCreatedAsync(ct);
        var processes = Enumerable.Range(0, workers).Select(_ => WorkerProcess.Start(_azurite.ConnectionString, names)).ToList();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(3), ct); // the workers start and begin polling
            var dropper = provider.GetRequiredService<BlobDropper>();
            Task DropAllAsync(byte[][] files, string prefix) =>
                Parallel.ForEachAsync(Enumerable.Range(0, files.Length), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (i, token) =>
                {
                    using var stream = new MemoryStream(files[i]);
                    await dropper.DropAsync($"{prefix}-{i:D6}.txt", stream, token);
                });

            // Warm-up: the workers' code is compiled and their connections open before the clock starts,
            // as the ceiling loop's are.
            await DropAllAsync(warm, "warm");
            await ConsumeEventsAsync(storage.Events, "warm-", warm.Length, ct);
            var cpu = CpuClock.Start(_azurite, processes);
            var watch = Stopwatch.StartNew();
            var drop = DropAllAsync(inputs, "doc");
            var repeats = await ConsumeEventsAsync(storage.Events, "doc-", inputs.Length, ct);
            await drop;
            var measured = cpu.Stop(inputs.Length / watch.Elapsed.TotalSeconds);
            if (repeats > 0)
            {
                Console.Error.WriteLine($"// {workers} worker(s): {repeats} repeated event(s) (events are at least once)");
            }

            return measured;
        }
        finally
        {
            await Task.WhenAll(processes.Select(p => p.StopAsync()));
        }
    }

    public async Task<IReadOnlyList<string>> LatencyAsync(int docs, int size, CancellationToken ct)
    {
        var names = NewNames();
        using var provider = Services(names);
        var storage = provider.GetRequiredService<PipelineStorage>();
        await storage.EnsureCreatedAsync(ct);
        var articles = new SyntheticArticles(Path.Combine(_root, "samples", "inputs"), seed: 7);
        var worker = WorkerProcess.Start(_azurite.ConnectionString, names);
        var viaDrop = new List<double>();
        var viaOtherClient = new List<double>();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(3), ct);
            var dropper = provider.GetRequiredService<BlobDropper>();
            for (var i = 0; i < docs; i++)
            {
                var bytes = articles.Next(1_000_000 + i, size);
                var watch = Stopwatch.StartNew();
                using (var stream = new MemoryStream(bytes))
                {
                    await dropper.DropAsync($"drop-{i:D4}.txt", stream, ct);
                }

                await WaitForResultAsync(storage, $"drop-{i:D4}.txt.json", ct);
                viaDrop.Add(watch.Elapsed.TotalSeconds);

                bytes = articles.Next(2_000_000 + i, size);
                watch.Restart();
                await storage.Raw.GetBlobClient($"client-{i:D4}.txt").UploadAsync(BinaryData.FromBytes(bytes), overwrite: true, ct);
                await WaitForResultAsync(storage, $"client-{i:D4}.txt.json", ct);
                viaOtherClient.Add(watch.Elapsed.TotalSeconds);
            }
        }
        finally
        {
            await worker.StopAsync();
        }

        string Row(string what, List<double> seconds)
        {
            seconds.Sort();
            var median = seconds[seconds.Count / 2];
            var p90 = seconds[(int)(seconds.Count * 0.9)];
            return $"| {what} | {median.ToString("0.00", CultureInfo.InvariantCulture)} s | {p90.ToString("0.00", CultureInfo.InvariantCulture)} s |";
        }

        return
        [
            $"### Drop-to-result latency ({docs} documents each, one worker, host.json maxPollingInterval and a 2 s scan interval)",
            string.Empty,
            "| path | median | p90 |",
            "| --- | ---: | ---: |",
            Row("`pipeline drop` (enqueued as it uploads)", viaDrop),
            Row("another client uploads to raw (found by the scanner)", viaOtherClient),
            string.Empty,
        ];
    }

    public async Task<IReadOnlyList<string>> DedupAsync(int[] sizes, CancellationToken ct)
    {
        var names = NewNames();
        using var provider = Services(names);
        var storage = provider.GetRequiredService<PipelineStorage>();
        await storage.EnsureCreatedAsync(ct);
        var index = provider.GetRequiredService<IDedupIndex>();
        var random = new Random(11);
        var filled = 0;
        var rows = new List<string>
        {
            $"### Dedup cost per document as the index grows (TableDedupIndex on Azurite{(_inMemory ? " with --inMemoryPersistence" : " persisting to disk")}, 200 fresh claims measured one at a time)",
            string.Empty,
            "| documents in the index | ms per claim | vs first | Azurite CPU ms per claim | driver CPU ms per claim | requests per claim: no candidate | near duplicate of an indexed document | candidate that is not a duplicate |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        };
        double? first = null;
        for (var i = 0; i < 50; i++)
        {
            await index.ClaimAsync(RandomCandidate(random), ct); // warm up (JIT, connections)
        }

        filled = 50;
        foreach (var target in sizes.Order())
        {
            var fill = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(filled, target - filled), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = ct }, async (i, token) =>
            {
                await index.ClaimAsync(RandomCandidate(new Random(i)), token);
            });
            Console.Error.WriteLine($"filled the index to {target} in {fill.Elapsed.TotalSeconds:0} s");
            filled = target;
            const int probes = 200;
            var cpu = CpuClock.Start(_azurite, []);
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < probes; i++)
            {
                await index.ClaimAsync(RandomCandidate(random), ct);
            }

            var used = cpu.Stop(0);
            filled += probes;

            // Storage requests per claim, counted in a separate pass: the event listener costs the driver CPU.
            const int counted = 50;
            var requests = 0;
            using (new AzureEventSourceListener((e, _) =>
            {
                if (e.EventName == "Request")
                {
                    Interlocked.Increment(ref requests);
                }
            }, EventLevel.Informational))
            {
                for (var i = 0; i < counted; i++)
                {
                    await index.ClaimAsync(RandomCandidate(random), ct);
                }
            }

            filled += counted;

            // Claims with candidates: variants of documents filled above (each a different one), counted the same way.
            const int variants = 20;
            var near = await CountRequestsAsync(index, Enumerable.Range(0, variants).Select(k => Variant(RandomCandidate(new Random((target / 2) + k)), random, 0.7, 0.85)), ct);
            var other = await CountRequestsAsync(index, Enumerable.Range(0, variants).Select(k => Variant(RandomCandidate(new Random((target / 2) + variants + k)), random, 0.6, 0.3)), ct);
            filled += near.Canonical + other.Canonical;
            var ms = watch.Elapsed.TotalMilliseconds / probes;
            first ??= ms;
            string PerClaim(TimeSpan t) => (t.TotalMilliseconds / probes).ToString("0.00", CultureInfo.InvariantCulture);
            rows.Add($"| {target:N0} | {ms.ToString("0.00", CultureInfo.InvariantCulture)} | {(ms / first.Value).ToString("0.00", CultureInfo.InvariantCulture)}x | {PerClaim(used.AzuriteCpu)} | {PerClaim(used.DriverCpu)} | {((double)requests / counted).ToString("0.00", CultureInfo.InvariantCulture)} | {near.PerClaim.ToString("0.00", CultureInfo.InvariantCulture)} ({near.Duplicates} of {variants} duplicates) | {other.PerClaim.ToString("0.00", CultureInfo.InvariantCulture)} ({other.Duplicates} of {variants} duplicates) |");
        }

        rows.Add(string.Empty);
        return rows;
    }

    /// <summary>A unique document: random signature, and a sketch of 600 shingles (an article of about 600 words).</summary>
    private static DedupCandidate RandomCandidate(Random random)
    {
        var minhash = new uint[FingerprintOptions.Default.Permutations];
        for (var i = 0; i < minhash.Length; i++)
        {
            minhash[i] = (uint)random.NextInt64(uint.MaxValue);
        }

        var shingles = new uint[600];
        for (var i = 0; i < shingles.Length; i++)
        {
            shingles[i] = (uint)random.NextInt64(uint.MaxValue);
        }

        var sha = Convert.ToHexStringLower(random.GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 32));
        return new DedupCandidate(sha[..32], new Fingerprints(sha, "0000000000000000", minhash), ShingleSketch.Create(shingles, FingerprintOptions.Default.SketchSize));
    }

    /// <summary>
    /// Another document like <paramref name="original"/>: each signature value kept with probability <paramref name="keepRows"/>
    /// (so it shares some band keys), each shingle with <paramref name="keepShingles"/> (its containment in the original).
    /// </summary>
    private static DedupCandidate Variant(DedupCandidate original, Random random, double keepRows, double keepShingles)
    {
        var fresh = RandomCandidate(random);
        var minhash = original.Fingerprints.Minhash.Select((v, i) => random.NextDouble() < keepRows ? v : fresh.Fingerprints.Minhash[i]).ToArray();
        var shingles = original.Sketch.Values.ToArray().Select(v => random.NextDouble() < keepShingles ? v : (uint)random.NextInt64(uint.MaxValue)).ToArray();
        return new DedupCandidate(fresh.DocumentId, new Fingerprints(fresh.Fingerprints.Sha256, "0000000000000000", minhash), ShingleSketch.Create(shingles, FingerprintOptions.Default.SketchSize));
    }

    private static async Task<(double PerClaim, int Duplicates, int Canonical)> CountRequestsAsync(IDedupIndex index, IEnumerable<DedupCandidate> claims, CancellationToken ct)
    {
        var requests = 0;
        var list = claims.ToList();
        var duplicates = 0;
        using (new AzureEventSourceListener((e, _) =>
        {
            if (e.EventName == "Request")
            {
                Interlocked.Increment(ref requests);
            }
        }, EventLevel.Informational))
        {
            foreach (var claim in list)
            {
                duplicates += (await index.ClaimAsync(claim, ct)).IsDuplicate ? 1 : 0;
            }
        }

        return ((double)requests / list.Count, duplicates, list.Count - duplicates);
    }

    private static async Task WaitForResultAsync(PipelineStorage storage, string resultBlob, CancellationToken ct)
    {
        var blob = storage.Results.GetBlobClient(resultBlob);
        var deadline = Stopwatch.StartNew();
        while (!(await blob.ExistsAsync(ct)).Value)
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"No result {resultBlob} after 2 minutes.");
            }

            await Task.Delay(20, ct);
        }
    }

    /// <summary>
    /// Drains the events queue as a downstream consumer would (batches of 32, each event deleted) until
    /// every one of <paramref name="expected"/> inputs named with <paramref name="prefix"/> has an event;
    /// returns how many events of theirs were repeats.
    /// Events left in the queue would slow every queue operation on Azurite, which keeps all messages of an
    /// account in one LokiJS collection where a delete costs time proportional to the messages held (1 ms
    /// per delete with 1,100 events waiting), a cost that real queues and the ceiling loop do not have.
    /// </summary>
    private static async Task<int> ConsumeEventsAsync(QueueClient events, string prefix, int expected, CancellationToken ct)
    {
        var (seen, total) = await ConsumeEventsUntilAsync(events, prefix, expected, DateTime.MaxValue, null, ct);
        return total - seen;
    }

    /// <summary>
    /// Consumes events (each deleted) until <paramref name="expected"/> distinct ones of <paramref name="prefix"/> came or
    /// <paramref name="deadline"/> passed; <paramref name="progress"/> is called with the distinct count after every receive.
    /// </summary>
    /// <returns>The distinct events of the prefix seen, and all of them (repeats included).</returns>
    private static async Task<(int Seen, int Total)> ConsumeEventsUntilAsync(QueueClient events, string prefix, int expected, DateTime deadline, Action<int>? progress, CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var total = 0;
        var idle = Stopwatch.StartNew();
        while (seen.Count < expected && DateTime.UtcNow < deadline)
        {
            var messages = (await events.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5), ct)).Value;
            foreach (var message in messages)
            {
                var body = JsonDocument.Parse(message.Body.ToString()).RootElement;
                var name = body.GetProperty("name").GetString()!;
                if (body.TryGetProperty("record", out var record))
                {
                    name += "#" + record.GetInt64().ToString(CultureInfo.InvariantCulture); // a batch's record
                }

                if (name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    seen.Add(name);
                    total++;
                }

                try
                {
                    await events.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
                }
                catch (Azure.RequestFailedException ex) when (ex.Status == 404)
                {
                    // Its visibility ran out on a slow emulator and a later receive took it again (counted as a repeat).
                }
            }

            progress?.Invoke(seen.Count);
            if (messages.Length > 0)
            {
                idle.Restart();
            }
            else if (idle.Elapsed > TimeSpan.FromMinutes(3))
            {
                throw new TimeoutException($"Only {seen.Count} of {expected} results after 3 idle minutes.");
            }
            else
            {
                await Task.Delay(50, ct);
            }
        }

        return (seen.Count, total);
    }

    private Dictionary<string, string?> NewNames()
    {
        var run = Interlocked.Increment(ref _runs);
        return new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = _azurite.ConnectionString,
            ["Pipeline:Storage:RawContainer"] = $"raw-{run}",
            ["Pipeline:Storage:ProcessedContainer"] = $"processed-{run}",
            ["Pipeline:Storage:ResultsContainer"] = $"results-{run}",
            ["Pipeline:Storage:StateContainer"] = $"state-{run}",
            ["Pipeline:Storage:WorkQueue"] = $"work-{run}",
            ["Pipeline:Storage:EventsQueue"] = $"events-{run}",
            ["Pipeline:Storage:DedupTable"] = $"dedup{run}",
        };
    }

    private ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddHostJson(Path.Combine(_root, HostJson.FileName))
            .AddInMemoryCollection(settings)
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddPipelineRuntime();
        return services.BuildServiceProvider();
    }

    /// <summary>A throughput run: documents per second and the CPU time each party used during it.</summary>
    private sealed record Measured(double PerSecond, TimeSpan AzuriteCpu, TimeSpan WorkerCpu, TimeSpan DriverCpu);

    /// <summary>
    /// CPU time used by Azurite, the worker processes and this driver between start and stop. Unlike
    /// documents per second it hardly depends on what else the machine runs, so it shows where the cost is.
    /// </summary>
    private sealed class CpuClock
    {
        private readonly Process? _azurite;
        private readonly IReadOnlyList<WorkerProcess> _workers;
        private readonly TimeSpan _azuriteStart;
        private readonly TimeSpan _workersStart;
        private readonly TimeSpan _driverStart;

        private CpuClock(Process? azurite, IReadOnlyList<WorkerProcess> workers)
        {
            _azurite = azurite;
            _workers = workers;
            _azuriteStart = AzuriteCpu();
            _workersStart = WorkersCpu();
            _driverStart = Process.GetCurrentProcess().TotalProcessorTime;
        }

        public static CpuClock Start(AzuriteLauncher azurite, IReadOnlyList<WorkerProcess> workers) =>
            new(azurite.ProcessId is { } pid ? Process.GetProcessById(pid) : null, workers);

        public Measured Stop(double perSecond) => new(
            perSecond,
            AzuriteCpu() - _azuriteStart,
            WorkersCpu() - _workersStart,
            Process.GetCurrentProcess().TotalProcessorTime - _driverStart);

        private TimeSpan AzuriteCpu()
        {
            if (_azurite is null)
            {
                return TimeSpan.Zero;
            }

            _azurite.Refresh();
            return _azurite.TotalProcessorTime;
        }

        private TimeSpan WorkersCpu() => _workers.Aggregate(TimeSpan.Zero, (sum, w) => sum + w.CpuTime);
    }
}
