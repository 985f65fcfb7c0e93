namespace Pipeline.Storage.Batches;

/// <summary>
/// A batch input's one result, <c>results/{name}.json</c>, written once when every record has its result
/// (<c>results/{name}/{index}.json</c>).
/// </summary>
/// <param name="Id">The batch version's run id.</param>
/// <param name="Status">Always <c>batch</c>.</param>
/// <param name="Source">The batch input.</param>
/// <param name="Batch">How its records ended.</param>
/// <param name="Failures">The first failed records (at most <see cref="BatchSummaryWriter.MaxListedFailures"/>), in index order.</param>
public sealed record BatchSummary(string Id, string Status, BatchSource Source, BatchCounts Batch, IReadOnlyList<BatchFailure> Failures)
{
    /// <summary>The status name of a batch summary.</summary>
    public const string BatchStatus = "batch";

    /// <summary>
    /// Reads a result blob's content as a batch summary, or null when it is a document's result (its <c>status</c> is
    /// not <c>batch</c>).
    /// </summary>
    /// <exception cref="System.Text.Json.JsonException">The content is not JSON.</exception>
    public static BatchSummary? TryRead(ReadOnlySpan<byte> json)
    {
        var reader = new System.Text.Json.Utf8JsonReader(json);
        using var document = System.Text.Json.JsonDocument.ParseValue(ref reader);
        return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
            && document.RootElement.TryGetProperty("status", out var status) && status.ValueEquals(BatchStatus)
            ? System.Text.Json.JsonSerializer.Deserialize(document.RootElement, Runtime.RuntimeJson.Default.BatchSummary)
            : null;
    }

    /// <summary>The summary as it is stored (indented JSON).</summary>
    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this, Runtime.RuntimeJson.Default.BatchSummary);
}

/// <summary>The batch input a summary is for.</summary>
/// <param name="Name">Its blob name.</param>
/// <param name="ETag">The version read.</param>
/// <param name="Format">Its format (<c>jsonl</c>, <c>warc</c>, <c>text</c>, with <c>+gzip</c>).</param>
public sealed record BatchSource(string Name, string ETag, string Format);

/// <summary>How a batch's records ended.</summary>
/// <param name="Records">Records read (each has one result).</param>
/// <param name="Processed">Records that gave a canonical document.</param>
/// <param name="Duplicate">Records that repeat a document already ingested (from this batch or before it).</param>
/// <param name="Rejected">Records that are not usable text (invalid JSON, empty, too large, truncated...).</param>
/// <param name="Failed">Records whose processing failed after its retries.</param>
/// <param name="Skipped">WARC records of types that carry no document (not counted in <paramref name="Records"/>).</param>
public sealed record BatchCounts(long Records, long Processed, long Duplicate, long Rejected, long Failed, long Skipped);

/// <summary>A failed record of a batch.</summary>
/// <param name="Record">Its index.</param>
/// <param name="Result">Its result blob, with the error.</param>
public sealed record BatchFailure(long Record, string Result);
