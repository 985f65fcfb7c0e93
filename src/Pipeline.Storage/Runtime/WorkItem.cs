using System.Text.Json.Serialization;
using Pipeline.Core.Processing;

namespace Pipeline.Storage.Runtime;

/// <summary>
/// One unit of work on the work queue: one version (ETag) of one blob in the raw container.
/// Its <see cref="RunId"/> is derived from the name and ETag, so every delivery of the same version,
/// from any scanner, drop or replay, names the same run and finds the same checkpoints.
/// </summary>
/// <param name="Container">The container the input is in.</param>
/// <param name="Name">The blob name (untrusted; never used to build a path unescaped).</param>
/// <param name="ETag">The version of the blob this run processes (quotes are dropped: see <see cref="ETag"/>).</param>
public sealed record WorkItem(string Container, string Name, string ETag)
{
    /// <summary>
    /// The blob version, without surrounding quotes. Uploads answer with a quoted ETag and listings with a bare
    /// one; the two must name the same run, or a drop and a scan would both enqueue the same version.
    /// </summary>
    public string ETag { get; init; } = Normalize(ETag);

    /// <summary>
    /// Set on a work item for a run that may already have checkpoints although its message is new: a replay,
    /// or an intake recovering a receipt whose enqueue it cannot confirm. A plain first delivery of a version
    /// cannot have checkpoints (receipts make its message the only one), so its steps skip the reads.
    /// </summary>
    public bool Resume { get; init; }

    /// <summary>
    /// Set on the work item of one record of a batch input (<see cref="Name"/> and <see cref="ETag"/> then name the
    /// batch): the record's index, from 0 in file order. Null for a file and for the batch's own fan-out run.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Record { get; init; }

    /// <summary>
    /// On a record's work item: how many records its fan-in chunk holds (<see cref="Batches.BatchFanOutStep.ChunkSize"/>,
    /// fewer in a batch's last chunk), so the record that completes the chunk can tell.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? ChunkRecords { get; init; }

    /// <summary>
    /// On a record's work item: the record itself, when it is small enough to travel in the message
    /// (<see cref="Batches.BatchOptions.InlineRecordBytes"/>); a larger one is staged in the state container.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Core.Batches.BatchRecord? Content { get; init; }

    /// <summary>
    /// On a record's work item: where the record starts in the batch blob (<see cref="Core.Batches.BatchResumePoint"/>),
    /// so that a record that fails for good can be read again from the untouched blob by <c>pipeline replay</c>
    /// (<see cref="Batches.BatchRecordReplayer"/>). Null on older messages: the replay then reads the batch from the start.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Core.Batches.BatchResumePoint? Source { get; init; }

    /// <summary>The run's deterministic id (a record's run is the batch version's and the record's index).</summary>
    [JsonIgnore]
    public string RunId => ContentId.ForBytes(System.Text.Encoding.UTF8.GetBytes(
        Record is { } record ? $"{Container}\n{Name}\n{ETag}\n#{record}" : $"{Container}\n{Name}\n{ETag}"));

    /// <summary>The work item of the batch version a record belongs to (the item itself for a file or a batch).</summary>
    [JsonIgnore]
    public WorkItem Batch => Record is null ? this : this with { Record = null, ChunkRecords = null, Content = null, Source = null, Resume = false };

    /// <summary>The name of the version's receipt in the state container (see <see cref="Outputs.OutputNames.Receipt"/>).</summary>
    [JsonIgnore]
    public string ReceiptBlob => Outputs.OutputNames.Receipt(Container, Name, ETag, RunId);

    /// <summary>The work item as a queue message body (JSON).</summary>
    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this, RuntimeJson.Default.WorkItem);

    /// <summary>Reads a queue message body written by <see cref="ToJson"/>.</summary>
    /// <exception cref="System.Text.Json.JsonException">The message is not a work item.</exception>
    public static WorkItem FromJson(string json)
    {
        var item = System.Text.Json.JsonSerializer.Deserialize(json, RuntimeJson.Default.WorkItem);
        return item is { Container.Length: > 0, Name.Length: > 0, ETag.Length: > 0 }
            ? item
            : throw new System.Text.Json.JsonException("The message is not a work item (container, name and ETag are required).");
    }

    /// <summary>An ETag as a work item holds it: without surrounding quotes.</summary>
    public static string Normalize(string? eTag) =>
        eTag is { Length: >= 2 } quoted && quoted[0] == '"' && quoted[^1] == '"' ? quoted[1..^1] : eTag ?? string.Empty;
}

/// <summary>Source-generated JSON for the runtime's own messages and state.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(WorkItem))]
[JsonSerializable(typeof(Receipt))]
[JsonSerializable(typeof(PipelineEvent))]
[JsonSerializable(typeof(ScanState))]
[JsonSerializable(typeof(PipelineStatus))]
[JsonSerializable(typeof(Core.Deduplication.DedupDecision))]
[JsonSerializable(typeof(Core.Documents.ProcessingError))]
[JsonSerializable(typeof(Core.Batches.BatchRecord))]
[JsonSerializable(typeof(Batches.FanOutCheckpoint))]
[JsonSerializable(typeof(Batches.BatchRecordSource))]
[JsonSerializable(typeof(Batches.BatchSummary))]
[JsonSerializable(typeof(Batches.BatchEvent))]
internal sealed partial class RuntimeJson : JsonSerializerContext;
