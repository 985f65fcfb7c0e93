using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Storage.Intake;
using Pipeline.Storage.Outputs;
using Pipeline.Storage.Runtime;

namespace Pipeline.LoadDriver;

/// <summary>
/// The batch of empty JSON objects that is too slow for CI on Azurite (issue 16: 100,000 <c>{}</c> lines, each a
/// rejected record with its own result and event): one worker, timed to the summary, with its peak memory. Opt-in and
/// measured here because Azurite's inserts slow as a container fills (36,000 results in 8 minutes were measured); CI
/// runs 100,000 through the core reader and <c>pipeline process</c>, and 5,000 through a worker.
/// </summary>
internal sealed partial class LoadBench
{
    /// <summary>
    /// <paramref name="records"/> empty objects as one JSON Lines batch into one worker on a fresh Azurite; consumes the
    /// events as they come and reports progress every minute, and stops after <paramref name="minutes"/> with how far
    /// it got when the summary is not written by then.
    /// </summary>
    public async Task<IReadOnlyList<string>> EmptyBatchAsync(int records, int minutes, CancellationToken ct)
    {
        var (names, provider, storage) = await FreshPipelineAsync(ct);
        using var services = provider;
        var worker = WorkerProcess.Start(_azurite.ConnectionString, names);
        var progress = new List<string>();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(3), ct);
            var watch = Stopwatch.StartNew();
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(minutes);
            using (var stream = new MemoryStream(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("{}\n", records)))))
            {
                await provider.GetRequiredService<BlobDropper>().DropAsync("empty.jsonl", stream, ct);
            }

            var next = TimeSpan.FromMinutes(1);
            void Report(int seen)
            {
                if (watch.Elapsed < next)
                {
                    return;
                }

                next += TimeSpan.FromMinutes(1);
                var line = $"| {watch.Elapsed.TotalMinutes:0} min | {seen:N0} | {worker.PeakResidentBytes / (1024 * 1024)} MiB |";
                progress.Add(line);
                Console.Error.WriteLine("// " + line);
            }

            var (events, total) = await ConsumeEventsUntilAsync(storage.Events, "empty.jsonl#", records, deadline, Report, ct);
            var summary = storage.Results.GetBlobClient(OutputNames.ResultBlob("empty.jsonl"));
            while (events == records && !(await summary.ExistsAsync(ct)).Value && DateTime.UtcNow < deadline)
            {
                await Task.Delay(500, ct);
            }

            var done = events == records && (await summary.ExistsAsync(ct)).Value;
            var elapsed = watch.Elapsed;
            var results = 0;
            await foreach (var _ in storage.Results.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = OutputNames.RecordResultsPrefix("empty.jsonl") }, ct))
            {
                results++;
            }

            return
            [
                $"### {records:N0} empty JSON objects through one worker ({Environment.ProcessorCount} cores)",
                string.Empty,
                done
                    ? $"Summary written after {elapsed.TotalMinutes:0.0} min ({records / elapsed.TotalSeconds:0} records/s); {results:N0} record results, {events:N0} record events ({total - events} repeated)."
                    : $"**Not finished** after {elapsed.TotalMinutes:0.0} min (the limit, `--minutes {minutes}`): {results:N0} of {records:N0} record results, {events:N0} events.",
                $"Worker peak resident memory {worker.PeakResidentBytes / (1024 * 1024)} MiB.",
                string.Empty,
                "| elapsed | record events | worker peak RSS so far |",
                "| --- | ---: | ---: |",
                .. progress,
                string.Empty,
            ];
        }
        finally
        {
            await worker.StopAsync();
        }
    }
}
