using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Pipeline.Core.Documents;
using Pipeline.Storage.Outputs;

namespace Pipeline.Storage.Runtime;

/// <summary>A snapshot of the pipeline: results by status, queue depths and the latest failures.</summary>
/// <param name="Counts">Results by status (from result blob metadata, without reading the records).</param>
/// <param name="WorkQueueDepth">Approximate number of work items waiting or in flight.</param>
/// <param name="PoisonQueueDepth">Approximate number of poisoned work items.</param>
/// <param name="RawBlobs">Blobs in the raw container.</param>
/// <param name="LatestErrors">The most recent failed results (name and error), newest first.</param>
public sealed record PipelineStatus(
    IReadOnlyDictionary<string, int> Counts,
    int WorkQueueDepth,
    int PoisonQueueDepth,
    int RawBlobs,
    IReadOnlyList<FailedResult> LatestErrors)
{
    /// <summary>Reads the snapshot from storage.</summary>
    public static async Task<PipelineStatus> ReadAsync(PipelineStorage storage, int latestErrors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal) { ["processed"] = 0, ["duplicate"] = 0, ["rejected"] = 0, ["failed"] = 0 };
        var failed = new List<(string Name, DateTimeOffset Modified)>();
        await foreach (var blob in storage.Results.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, cancellationToken).ConfigureAwait(false))
        {
            var status = blob.Metadata.TryGetValue(OutputWriter.StatusMetadata, out var s) ? s : "unknown";
            counts[status] = counts.GetValueOrDefault(status) + 1;
            if (status == "failed")
            {
                failed.Add((blob.Name, blob.Properties.LastModified ?? DateTimeOffset.MinValue));
            }
        }

        var raw = 0;
        await foreach (var page in storage.Raw.GetBlobsAsync(cancellationToken: cancellationToken).AsPages().ConfigureAwait(false))
        {
            raw += page.Values.Count;
        }

        var work = await storage.Work.GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
        var poison = await storage.Poison.GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
        var errors = new List<FailedResult>();
        foreach (var (name, _) in failed.OrderByDescending(f => f.Modified).Take(latestErrors))
        {
            var content = await storage.Results.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            var record = PipelineJson.Deserialize(content.Value.Content.ToMemory().Span);
            errors.Add(new FailedResult(record.Source.Name, record.Error?.Type ?? "Unknown", record.Error?.Message ?? string.Empty, record.Error?.Attempts ?? 0));
        }

        return new PipelineStatus(counts, work.Value.ApproximateMessagesCount, poison.Value.ApproximateMessagesCount, raw, errors);
    }

    /// <summary>The status as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, RuntimeJson.Default.PipelineStatus);
}

/// <summary>A failed result, for <see cref="PipelineStatus.LatestErrors"/>.</summary>
/// <param name="Name">The input's name.</param>
/// <param name="ErrorType">The last error's type.</param>
/// <param name="Message">The last error's message.</param>
/// <param name="Attempts">How many times the input was tried.</param>
public sealed record FailedResult(string Name, string ErrorType, string Message, int Attempts);
