using System.CommandLine;
using Pipeline.LoadDriver;

// dotnet run -c Release --project benchmarks/Pipeline.LoadDriver -- all --docs 400
var docs = new Option<int>("--docs") { Description = "Documents per throughput run.", DefaultValueFactory = _ => 400 };
var warmup = new Option<int>("--warmup") { Description = "Warm-up documents before each throughput run (not timed).", DefaultValueFactory = _ => 100 };
var repeat = new Option<int>("--repeat") { Description = "Rounds of the throughput runs (ceiling, 1 worker, 2 workers); the median round is reported.", DefaultValueFactory = _ => 3 };
var size = new Option<int>("--size") { Description = "Bytes per synthetic article.", DefaultValueFactory = _ => 14 * 1024 };
var concurrency = new Option<int>("--concurrency") { Description = "Concurrent operations of the bare SDK loop and of the dropper.", DefaultValueFactory = _ => 8 };
var latencyDocs = new Option<int>("--latency-docs") { Description = "Documents per latency run.", DefaultValueFactory = _ => 20 };
var sizes = new Option<int[]>("--index-sizes") { Description = "Dedup index sizes to measure at.", DefaultValueFactory = _ => [1_000, 10_000, 50_000], AllowMultipleArgumentsPerToken = true };
var output = new Option<string?>("--markdown") { Description = "Append the results as a Markdown section to this file." };
var batchMegabytes = new Option<int>("--batch-mb") { Description = "Uncompressed size of the batch-memory scenario's batch.", DefaultValueFactory = _ => 1024 };
var workers = new Option<int>("--workers") { Description = "Workers of the batch scenario.", DefaultValueFactory = _ => 2 };
var records = new Option<int>("--records") { Description = "Empty JSON objects of the batch-empty scenario.", DefaultValueFactory = _ => 100_000 };
var minutes = new Option<int>("--minutes") { Description = "How long the batch-empty scenario may run before it reports how far it got.", DefaultValueFactory = _ => 60 };
var inMemory = new Option<bool>("--in-memory") { Description = "Start Azurite with --inMemoryPersistence (no periodic save of its database to disk)." };

var root = new RootCommand("Load driver for the pipeline on Azurite (starts its own Azurite on free ports).");
foreach (var (name, description) in new[]
{
    ("all", "Every scenario."),
    ("throughput", "Ceiling loop vs pipeline with 1 and 2 workers."),
    ("latency", "Drop-to-result latency, via pipeline drop and via another client."),
    ("dedup", "Dedup claim cost as the index grows."),
    ("batch", "One JSON Lines batch of --docs records against --docs files."),
    ("batch-memory", "The worker's peak memory while it fans out a gzipped batch of --batch-mb MB."),
    ("batch-empty", "--records empty JSON objects as one batch through one worker: time to the summary and peak memory (opt-in: too slow for CI on Azurite)."),
})
{
    var command = new Command(name, description) { docs, warmup, repeat, size, concurrency, latencyDocs, sizes, output, inMemory, batchMegabytes, workers, records, minutes };
    command.SetAction(async (parse, ct) =>
    {
        await using var bench = await LoadBench.StartAsync(parse.GetValue(inMemory), ct);
        var report = new List<string>();
        if (name is "all" or "throughput")
        {
            report.AddRange(await bench.ThroughputAsync(parse.GetValue(docs), parse.GetValue(warmup), parse.GetValue(size), parse.GetValue(concurrency), parse.GetValue(repeat), ct));
        }

        if (name is "all" or "latency")
        {
            report.AddRange(await bench.LatencyAsync(parse.GetValue(latencyDocs), parse.GetValue(size), ct));
        }

        if (name is "all" or "dedup")
        {
            report.AddRange(await bench.DedupAsync(parse.GetValue(sizes)!, ct));
        }

        if (name is "batch")
        {
            report.AddRange(await bench.BatchThroughputAsync(parse.GetValue(docs), parse.GetValue(warmup), parse.GetValue(size), parse.GetValue(concurrency), parse.GetValue(workers), ct));
        }

        if (name is "batch-empty")
        {
            report.AddRange(await bench.EmptyBatchAsync(parse.GetValue(records), parse.GetValue(minutes), ct));
        }

        if (name is "batch-memory")
        {
            report.AddRange(await bench.BatchMemoryAsync(parse.GetValue(batchMegabytes), parse.GetValue(size), ct));
        }

        var text = string.Join(Environment.NewLine, report);
        Console.WriteLine(text);
        if (parse.GetValue(output) is { } path)
        {
            await File.AppendAllTextAsync(path, text + Environment.NewLine, ct);
        }

        return 0;
    });
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
