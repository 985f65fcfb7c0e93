using System.Text.Json;
using Pipeline.Tests.Shared;
using Pipeline.Core.Documents;
using Pipeline.Storage.Outputs;

namespace Pipeline.Cli.Tests.EndToEnd;

/// <summary>A batch's outputs as a test reads them: its summary once written, its records' results, its events.</summary>
internal static class BatchOutputs
{
    public static async Task<JsonElement> WaitForSummaryAsync(TestPipeline pipeline, string name, TimeSpan timeout, IReadOnlyCollection<WorkerProcess>? workers = null)
    {
        var blob = pipeline.Storage.Results.GetBlobClient(OutputNames.ResultBlob(name));
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await blob.ExistsAsync())
            {
                var json = JsonDocument.Parse((await blob.DownloadContentAsync()).Value.Content.ToString()).RootElement;
                if (json.GetProperty("status").GetString() == "batch")
                {
                    return json.Clone();
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                var results = (await pipeline.ListAsync(pipeline.Storage.Results, OutputNames.RecordResultsPrefix(name))).Count;
                throw new TimeoutException($"No summary for {name}: {results} record results, work queue {await pipeline.QueueDepthAsync(pipeline.Storage.Work)}\n" +
                    string.Join("\n---\n", workers?.Select(w => string.Join('\n', w.Lines.TakeLast(30))) ?? []));
            }

            await Task.Delay(250);
        }
    }

    public static long Count(JsonElement summary, string field) => summary.GetProperty("batch").GetProperty(field).GetInt64();

    /// <summary>The status of every record result, by index (read from the listing's metadata).</summary>
    public static async Task<SortedDictionary<long, string>> StatusesAsync(TestPipeline pipeline, string name)
    {
        var prefix = OutputNames.RecordResultsPrefix(name);
        var statuses = new SortedDictionary<long, string>();
        foreach (var blob in await pipeline.ListAsync(pipeline.Storage.Results, prefix))
        {
            statuses.Add(long.Parse(blob.Name[prefix.Length..^5], System.Globalization.CultureInfo.InvariantCulture), blob.Metadata[OutputWriter.StatusMetadata]);
        }

        return statuses;
    }

    public static async Task<DocumentRecord> ReadRecordAsync(TestPipeline pipeline, string name, long index) =>
        PipelineJson.Deserialize((await pipeline.Storage.Results.GetBlobClient(OutputNames.RecordResultBlob(name, index)).DownloadContentAsync()).Value.Content.ToMemory().Span);

    /// <summary>
    /// Consumes events as a downstream consumer would, until <paramref name="stop"/> is cancelled (then drains what is
    /// left): on Azurite every queue operation slows with the messages a queue holds, so events left to pile up would
    /// slow the pipeline under test, which a real queue does not.
    /// </summary>
    public static async Task<List<JsonElement>> ConsumeEventsAsync(TestPipeline pipeline, CancellationToken stop)
    {
        var events = new List<JsonElement>();
        while (!stop.IsCancellationRequested)
        {
            var drained = await DrainEventsAsync(pipeline);
            events.AddRange(drained);
            if (drained.Count == 0)
            {
                await Task.Delay(200, CancellationToken.None);
            }
        }

        events.AddRange(await DrainEventsAsync(pipeline));
        return events;
    }

    /// <summary>Takes every event off the events queue (they are consumed).</summary>
    public static async Task<List<JsonElement>> DrainEventsAsync(TestPipeline pipeline)
    {
        var events = new List<JsonElement>();
        while (true)
        {
            var batch = (await pipeline.Storage.Events.ReceiveMessagesAsync(32)).Value;
            if (batch.Length == 0)
            {
                return events;
            }

            foreach (var message in batch)
            {
                events.Add(JsonDocument.Parse(message.Body.ToString()).RootElement.Clone());
                await pipeline.Storage.Events.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
    }
}
