using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Pipeline.Core.Documents;
using Pipeline.Storage.Outputs;

namespace Pipeline.Storage.Runtime;

/// <summary>
/// A snapshot of the pipeline: results by status, queue depths, the latest failures, and what intake has not
/// finished (inputs without a result, receipts never followed by an enqueue).
/// </summary>
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
    /// <summary>How many inputs in raw have no result for their current version (waiting, in flight or stuck).</summary>
    public int Pending { get; init; }

    /// <summary>The oldest of the <see cref="Pending"/> inputs, oldest first, with their age when the snapshot was taken.</summary>
    public IReadOnlyList<PendingInputAge> OldestPending { get; init; } = [];

    /// <summary>
    /// Receipts older than the recovery age whose enqueue never followed, oldest first: a running scanner recovers
    /// them, so any listed here for long mean no scanner runs (or it cannot reach storage).
    /// </summary>
    public IReadOnlyList<UnfinishedReceiptAge> UnfinishedReceipts { get; init; } = [];

    /// <summary>Reads the snapshot from storage.</summary>
    /// <param name="storage">The pipeline's storage.</param>
    /// <param name="latestErrors">How many of the latest failures to read.</param>
    /// <param name="receiptRecoveryAge">Receipts unfinished for longer are listed (<see cref="Intake.IntakeOptions.ReceiptRecoveryAge"/>).</param>
    /// <param name="now">The time ages are measured from.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <param name="listed">How many pending inputs and unfinished receipts to list (all are counted).</param>
    public static async Task<PipelineStatus> ReadAsync(PipelineStorage storage, int latestErrors, TimeSpan receiptRecoveryAge, DateTimeOffset now, CancellationToken cancellationToken, int listed = 20)
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

        // The oldest first, in bounded memory however many are pending: a max-heap of the `listed` oldest seen.
        var pending = 0;
        var oldest = new PriorityQueue<PendingInput, DateTimeOffset>(Comparer<DateTimeOffset>.Create((a, b) => b.CompareTo(a)));
        await foreach (var input in IntakeBacklog.PendingInputsAsync(storage, cancellationToken).ConfigureAwait(false))
        {
            pending++;
            oldest.Enqueue(input, input.LastModified);
            if (oldest.Count > listed)
            {
                oldest.Dequeue();
            }
        }

        var unfinished = new List<UnfinishedReceipt>();
        await foreach (var receipt in IntakeBacklog.UnfinishedReceiptsAsync(storage, now, receiptRecoveryAge, cancellationToken).ConfigureAwait(false))
        {
            unfinished.Add(receipt);
        }

        return new PipelineStatus(counts, work.Value.ApproximateMessagesCount, poison.Value.ApproximateMessagesCount, raw, errors)
        {
            Pending = pending,
            OldestPending = [.. oldest.UnorderedItems.Select(i => i.Element).OrderBy(i => i.LastModified).Select(i => new PendingInputAge(i.Name, i.ETag, i.LastModified, now - i.LastModified))],
            UnfinishedReceipts = [.. unfinished.OrderBy(r => r.Written).Take(listed).Select(r => new UnfinishedReceiptAge(r.Receipt, r.Name, r.ETag, r.Written, now - r.Written))],
        };
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

/// <summary>An input without a result, for <see cref="PipelineStatus.OldestPending"/>.</summary>
/// <param name="Name">The input's name.</param>
/// <param name="ETag">Its current version.</param>
/// <param name="LastModified">When the version was written.</param>
/// <param name="Age">How long it has waited.</param>
public sealed record PendingInputAge(string Name, string ETag, DateTimeOffset LastModified, TimeSpan Age);

/// <summary>A receipt never followed by an enqueue, for <see cref="PipelineStatus.UnfinishedReceipts"/>.</summary>
/// <param name="Receipt">The receipt blob in the state container.</param>
/// <param name="Name">The input's name, when known.</param>
/// <param name="ETag">The input version, when known.</param>
/// <param name="Written">When the receipt was written.</param>
/// <param name="Age">Its age.</param>
public sealed record UnfinishedReceiptAge(string Receipt, string? Name, string? ETag, DateTimeOffset Written, TimeSpan Age);
