using System.Text.Json;
using Pipeline.Core.Documents;
using Pipeline.Storage.Batches;
using Pipeline.Storage.Outputs;
using Pipeline.Storage.Tests.Runtime;

namespace Pipeline.Storage.Tests.Batches;

/// <summary>Reads a batch's outputs from a test pipeline: its summary, once written, and its records' results.</summary>
internal static class BatchHarness
{
    /// <summary>Waits until the batch's summary exists and returns it.</summary>
    public static async Task<BatchSummary> WaitForSummaryAsync(this PipelineHarness pipeline, string name, TimeSpan? timeout = null)
    {
        var blob = pipeline.Storage.Results.GetBlobClient(OutputNames.ResultBlob(name));
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            if (await blob.ExistsAsync())
            {
                var json = (await blob.DownloadContentAsync()).Value.Content.ToString();
                if (json.Contains("\"batch\"", StringComparison.Ordinal))
                {
                    return JsonSerializer.Deserialize<BatchSummary>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                var results = await PipelineHarness.ListAsync(pipeline.Storage.Results, OutputNames.RecordResultsPrefix(name));
                throw new TimeoutException($"No summary for {name} within the timeout; {results.Count} record results; " +
                    $"work queue {(await pipeline.Storage.Work.GetPropertiesAsync()).Value.ApproximateMessagesCount}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Every record result of a batch, by index.</summary>
    public static async Task<SortedDictionary<long, DocumentRecord>> ReadRecordResultsAsync(this PipelineHarness pipeline, string name)
    {
        var results = new SortedDictionary<long, DocumentRecord>();
        foreach (var blobName in await PipelineHarness.ListAsync(pipeline.Storage.Results, OutputNames.RecordResultsPrefix(name)))
        {
            var content = (await pipeline.Storage.Results.GetBlobClient(blobName).DownloadContentAsync()).Value.Content;
            var record = PipelineJson.Deserialize(content.ToMemory().Span);
            Assert.Equal(OutputNames.RecordResultBlob(name, record.Source.Record!.Value), blobName);
            results.Add(record.Source.Record.Value, record);
        }

        return results;
    }
}
