using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Storage.Intake;
using Pipeline.Storage.Runtime;

namespace Pipeline.LoadDriver;

/// <summary>The batch scenarios: a batch of N records against N files, and the workers' memory on a large batch.</summary>
internal sealed partial class LoadBench
{
    /// <summary>
    /// The same articles as <paramref name="docs"/> files and as one JSON Lines batch of <paramref name="docs"/> records,
    /// each through <paramref name="workers"/> workers on a fresh Azurite, timed from the drop to the last record's event.
    /// </summary>
    public async Task<IReadOnlyList<string>> BatchThroughputAsync(int docs, int warmup, int size, int concurrency, int workers, CancellationToken ct)
    {
        var articles = new SyntheticArticles(Path.Combine(_root, "samples", "inputs"), seed: 42);
        var inputs = Enumerable.Range(0, docs).Select(i => articles.Next(i, size)).ToArray();
        var warm = Enumerable.Range(docs, warmup).Select(i => articles.Next(i, size)).ToArray();

        await FreshAzuriteAsync(ct);
        var files = await PipelineAsync(warm, inputs, workers, concurrency, ct);
        Console.Error.WriteLine($"// files: {files.PerSecond:0.0}/s");
        await FreshAzuriteAsync(ct);
        var (batch, peak) = await BatchRunAsync(warm, inputs, workers, ct);
        Console.Error.WriteLine($"// batch: {batch.PerSecond:0.0}/s");

        string Ms(TimeSpan cpu) => (cpu.TotalMilliseconds / docs).ToString("0.00", CultureInfo.InvariantCulture);
        string Row(string what, Measured run) =>
            $"| {what} | {run.PerSecond.ToString("0.0", CultureInfo.InvariantCulture)} | {(run.PerSecond / files.PerSecond * 100).ToString("0", CultureInfo.InvariantCulture)}% " +
            $"| {Ms(run.AzuriteCpu)} | {Ms(run.WorkerCpu)} | {Ms(run.DriverCpu)} |";
        return
        [
            $"### Batch against files ({docs} articles of {size / 1024} KB, {workers} workers, {Environment.ProcessorCount} cores)",
            string.Empty,
            "| run | documents/s | of files | Azurite CPU ms/doc | worker CPU ms/doc | driver CPU ms/doc |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
            Row($"{docs} files", files),
            Row($"one JSON Lines batch of {docs} records", batch),
            string.Empty,
            $"Worker peak resident memory during the batch: {peak / (1024 * 1024)} MiB.",
            string.Empty,
        ];
    }

    private async Task<(Measured Run, long PeakBytes)> BatchRunAsync(byte[][] warm, byte[][] inputs, int workers, CancellationToken ct)
    {
        var names = NewNames();
        using var provider = Services(names);
        var storage = provider.GetRequiredService<PipelineStorage>();
        await storage.EnsureCreatedAsync(ct);
        var processes = Enumerable.Range(0, workers).Select(_ => WorkerProcess.Start(_azurite.ConnectionString, names)).ToList();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(3), ct);
            var dropper = provider.GetRequiredService<BlobDropper>();
            static byte[] JsonLines(byte[][] texts) =>
                Encoding.UTF8.GetBytes(string.Concat(texts.Select(t => JsonSerializer.Serialize(new { text = Encoding.UTF8.GetString(t) }) + "\n")));

            using (var stream = new MemoryStream(JsonLines(warm)))
            {
                await dropper.DropAsync("warm.jsonl", stream, ct);
            }

            await ConsumeEventsAsync(storage.Events, "warm.jsonl#", warm.Length, ct);
            var batch = JsonLines(inputs);
            var cpu = CpuClock.Start(_azurite, processes);
            var watch = Stopwatch.StartNew();
            using (var stream = new MemoryStream(batch))
            {
                await dropper.DropAsync("doc.jsonl", stream, ct);
            }

            var repeats = await ConsumeEventsAsync(storage.Events, "doc.jsonl#", inputs.Length, ct);
            var measured = cpu.Stop(inputs.Length / watch.Elapsed.TotalSeconds);
            if (repeats > 0)
            {
                Console.Error.WriteLine($"// batch: {repeats} repeated event(s) (events are at least once)");
            }

            return (measured, processes.Max(p => p.PeakResidentBytes));
        }
        finally
        {
            await Task.WhenAll(processes.Select(p => p.StopAsync()));
        }
    }

    /// <summary>
    /// One gzipped JSON Lines batch of about <paramref name="megabytes"/> MB (uncompressed) dropped into a worker, which
    /// fans it out; reports the worker's peak resident memory once the fan-out is done (its records' runs go on meanwhile
    /// and are not waited for) and the time the fan-out took.
    /// </summary>
    public async Task<IReadOnlyList<string>> BatchMemoryAsync(int megabytes, int size, CancellationToken ct)
    {
        var (names, provider, storage) = await FreshPipelineAsync(ct);
        using var services = provider;
        var articles = new SyntheticArticles(Path.Combine(_root, "samples", "inputs"), seed: 7);
        var path = Path.Combine(Path.GetTempPath(), $"pipeline-batch-{Guid.NewGuid():N}.jsonl.gz");
        long records = 0, bytes = 0;
        await using (var file = File.Create(path))
        await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            var pool = Enumerable.Range(0, 200).Select(i => Encoding.UTF8.GetString(articles.Next(i, size))).ToArray();
            while (bytes < megabytes * 1024L * 1024L)
            {
                // Each line differs (its number), so nothing is an exact copy of another line's bytes.
                var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { id = records.ToString(CultureInfo.InvariantCulture), text = $"Record {records}\n\n" + pool[records % pool.Length] }) + "\n");
                await gzip.WriteAsync(line, ct);
                bytes += line.Length;
                records++;
            }
        }

        var worker = WorkerProcess.Start(_azurite.ConnectionString, names);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(3), ct);
            var watch = Stopwatch.StartNew();
            await using (var stream = File.OpenRead(path))
            {
                await provider.GetRequiredService<BlobDropper>().DropAsync("large.jsonl.gz", stream, ct);
            }

            var properties = await storage.Raw.GetBlobClient("large.jsonl.gz").GetPropertiesAsync(cancellationToken: ct);
            var batch = new WorkItem(storage.Raw.Name, "large.jsonl.gz", properties.Value.ETag.ToString());
            var checkpoint = storage.State.GetBlobClient(Pipeline.Storage.Outputs.OutputNames.Checkpoint(batch.RunId, Pipeline.Storage.Batches.BatchFanOutStep.StepName));
            long peakDuring = 0;
            while (true)
            {
                peakDuring = Math.Max(peakDuring, worker.PeakResidentBytes);
                if ((await checkpoint.ExistsAsync(ct)).Value && (await checkpoint.DownloadContentAsync(ct)).Value.Content.ToString().Contains("\"done\": true", StringComparison.Ordinal))
                {
                    break;
                }

                await Task.Delay(1000, ct);
            }

            var fanOut = watch.Elapsed;
            var compressed = new FileInfo(path).Length;
            return
            [
                $"### Batch memory ({bytes / (1024 * 1024)} MiB of JSON Lines, {compressed / (1024 * 1024)} MiB gzipped, {records} records of {size / 1024} KB)",
                string.Empty,
                $"Fan-out done after {fanOut.TotalSeconds:0} s ({records / fanOut.TotalSeconds:0} records/s while the same worker ran record runs); " +
                $"worker peak resident memory {peakDuring / (1024 * 1024)} MiB.",
                string.Empty,
            ];
        }
        finally
        {
            await worker.StopAsync();
            File.Delete(path);
        }
    }

    /// <summary>A fresh Azurite, and the services of a pipeline with new names on it, its containers and queues created.</summary>
    private async Task<(Dictionary<string, string?> Names, ServiceProvider Provider, PipelineStorage Storage)> FreshPipelineAsync(CancellationToken ct)
    {
        await FreshAzuriteAsync(ct);
        var names = NewNames();
        var provider = Services(names);
        var storage = provider.GetRequiredService<PipelineStorage>();
        await storage.EnsureCreatedAsync(ct);
        return (names, provider, storage);
    }
}
