using Pipeline.Core.Batches;
using Pipeline.Core.Deduplication;
using Pipeline.Core.Documents;
using Pipeline.Core.Processing;
using Pipeline.Storage.Runtime;

namespace Pipeline.Storage.Steps;

/// <summary>The state of one run as its steps execute. Lives for one delivery of the work item.</summary>
public sealed class RunContext
{
    /// <summary>Creates the context of one delivery of a work item.</summary>
    /// <param name="item">The work item.</param>
    /// <param name="deliveryCount">How many times the queue has delivered the item (1 on the first delivery).</param>
    public RunContext(WorkItem item, long deliveryCount)
    {
        Item = item ?? throw new ArgumentNullException(nameof(item));
        RunId = item.RunId;
        DeliveryCount = deliveryCount;
    }

    /// <summary>The work item.</summary>
    public WorkItem Item { get; }

    /// <summary>The run's deterministic id.</summary>
    public string RunId { get; }

    /// <summary>How many times the queue has delivered the item.</summary>
    public long DeliveryCount { get; }

    /// <summary>
    /// Whether the run may already have checkpoints: a redelivery, or a new message marked
    /// <see cref="WorkItem.Resume"/>. Otherwise steps skip reading them (a round trip each).
    /// </summary>
    public bool MayHaveCheckpoints => DeliveryCount > 1 || Item.Resume;

    /// <summary>
    /// Set when the input version no longer exists (the blob was overwritten or deleted before the run read
    /// it): the newer version has its own run, so this one ends without outputs.
    /// </summary>
    public string? SupersededReason { get; set; }

    /// <summary>The raw bytes, once read.</summary>
    public ReadOnlyMemory<byte>? Content { get; set; }

    /// <summary>Set by <c>decode</c>.</summary>
    public DecodedInput? Decoded { get; set; }

    /// <summary>
    /// Set by <c>decode</c> when the input is a batch (JSON Lines, WARC/WET, gzip): its kind and its content as a stream
    /// opened at the start, which <c>fan-out</c> reads (and disposes) instead of the document steps running.
    /// </summary>
    public BatchContent? Batch { get; set; }

    /// <summary>Set by <c>fan-out</c>: how far it got (all the way, once it completes).</summary>
    public Batches.FanOutCheckpoint? FanOut { get; set; }

    /// <summary>On a record's run: the record as its batch's fan-out staged it. Set by <c>decode</c>.</summary>
    public BatchRecord? BatchRecord { get; set; }

    /// <summary>Set by <c>normalize</c>.</summary>
    public PreparedDocument? Prepared { get; set; }

    /// <summary>Set by <c>deduplicate</c>.</summary>
    public DedupDecision? Decision { get; set; }

    /// <summary>Set by <c>extract</c>; steps after it may replace it with an enriched copy.</summary>
    public DocumentRecord? Record { get; set; }

    /// <summary>Free-form state for steps added by users.</summary>
    public IDictionary<string, object?> Items { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);
}

/// <summary>A batch input as <c>decode</c> found it: what kind it is and its bytes, streamed from the start.</summary>
/// <param name="Kind">What the sniffer said of it.</param>
/// <param name="Content">The blob's content from offset 0 (the first bytes already sniffed are replayed).</param>
public sealed record BatchContent(BatchKind Kind, Stream Content);
