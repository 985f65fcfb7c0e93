namespace Pipeline.Storage.Runtime;

/// <summary>
/// Written once per blob version (conditional create) before its work item is enqueued: whoever creates
/// it owns the enqueue. <see cref="EnqueuedAt"/> is set after the enqueue, so a receipt left without it by
/// a crash between the two is detected and the item enqueued again.
/// </summary>
/// <param name="Name">The blob name.</param>
/// <param name="ETag">The blob version.</param>
/// <param name="CreatedAt">When the receipt was taken.</param>
/// <param name="EnqueuedAt">When the work item was enqueued, once it was.</param>
/// <param name="Claim">
/// A random token of the attempt that created the receipt: when the answer to the create is lost and its
/// retry meets 409, the creator recognises its own receipt by it (older receipts have none).
/// </param>
public sealed record Receipt(string Name, string ETag, DateTimeOffset CreatedAt, DateTimeOffset? EnqueuedAt, string? Claim = null)
{
    /// <summary>
    /// Blob metadata key set (to <c>true</c>) on a receipt once its item is enqueued, so that a scanner listing
    /// receipts sees which are settled without reading them.
    /// </summary>
    public const string EnqueuedMetadata = "enqueued";

    /// <summary>The metadata of a receipt whose item is enqueued.</summary>
    public static IDictionary<string, string> EnqueuedMetadataValues() =>
        new Dictionary<string, string>(StringComparer.Ordinal) { [EnqueuedMetadata] = "true" };
}
