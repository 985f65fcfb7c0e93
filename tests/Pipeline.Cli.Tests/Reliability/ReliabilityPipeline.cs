using Pipeline.Cli.Tests.EndToEnd;
using Pipeline.Core.Documents;
using Pipeline.Storage.Outputs;

namespace Pipeline.Cli.Tests.Reliability;

/// <summary>What the reliability tests share: crash-friendly timings and reading every result at once.</summary>
internal static class ReliabilityPipeline
{
    /// <summary>Short leases and a high dequeue limit, so killed workers' runs come back fast and are never poisoned.</summary>
    public static Dictionary<string, string> CrashTimings(TestPipeline pipeline) => pipeline.With(
        ("Pipeline__Worker__RunLease", "00:00:03"),
        ("AzureFunctionsJobHost__extensions__queues__visibilityTimeout", "00:00:01"),
        ("AzureFunctionsJobHost__extensions__queues__maxPollingInterval", "00:00:00.500"),
        ("AzureFunctionsJobHost__extensions__queues__maxDequeueCount", "20"),
        // A killed scanner leaves the receipts it had in flight without an enqueue; recover them quickly here.
        ("Pipeline__Intake__ReceiptRecoveryAge", "00:00:05"));

    public static async Task<Dictionary<string, DocumentRecord>> ReadAllResultsAsync(TestPipeline pipeline)
    {
        var results = new Dictionary<string, DocumentRecord>(StringComparer.Ordinal);
        foreach (var blob in await pipeline.ListAsync(pipeline.Storage.Results))
        {
            var record = PipelineJson.Deserialize((await pipeline.Storage.Results.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToMemory().Span);
            results[Path.GetFileName(record.Source.Name)] = record;
        }

        return results;
    }

    /// <summary>Waits for the work queue to be empty (messages of finished runs may still be invisible for a lease).</summary>
    public static async Task<int> WaitForEmptyQueueAsync(TestPipeline pipeline, Azure.Storage.Queues.QueueClient queue)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        int depth;
        while ((depth = await pipeline.QueueDepthAsync(queue)) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        return depth;
    }

    public static async Task<int> CountAsync(TestPipeline pipeline, Azure.Storage.Blobs.BlobContainerClient container, string suffix) =>
        (await pipeline.ListAsync(container)).Count(b => b.Name.EndsWith(suffix, StringComparison.Ordinal));

    public static string ResultName(string name) => OutputNames.ResultBlob(name);
}
