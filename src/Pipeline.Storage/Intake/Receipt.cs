using System.Globalization;
using System.Text.Json;
using Azure.Storage.Blobs.Models;

namespace Pipeline.Storage.Runtime;

/// <summary>
/// Written once per blob version (conditional create) before its work item is enqueued: whoever creates
/// it owns the enqueue. <see cref="EnqueuedAt"/> is set after the enqueue, so a receipt left without it by
/// a crash between the two is detected and the item enqueued again. A receipt is an empty blob whose
/// metadata holds these fields: on Azurite an upload with content costs a third more than an empty one
/// (the emulator reads the content back to hash it), and a scanner listing receipts sees the metadata anyway.
/// </summary>
/// <param name="CreatedAt">When the receipt was taken.</param>
/// <param name="EnqueuedAt">When the work item was enqueued, once it was.</param>
/// <param name="Claim">
/// A random token of the attempt that created the receipt: when the answer to the create is lost and its
/// retry meets 409, the creator recognises its own receipt by it (older receipts have none).
/// </param>
public sealed record Receipt(DateTimeOffset CreatedAt, DateTimeOffset? EnqueuedAt, string? Claim = null)
{
    /// <summary>
    /// Blob metadata key set (to <c>true</c>) on a receipt once its item is enqueued, so that a scanner listing
    /// receipts sees which are settled without reading them.
    /// </summary>
    public const string EnqueuedMetadata = "enqueued";

    private const string CreatedAtMetadata = "createdat";
    private const string EnqueuedAtMetadata = "enqueuedat";
    private const string ClaimMetadata = "claim";

    /// <summary>The receipt as blob metadata.</summary>
    public IDictionary<string, string> ToMetadata()
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { [CreatedAtMetadata] = Format(CreatedAt) };
        if (EnqueuedAt is { } enqueued)
        {
            metadata[EnqueuedMetadata] = "true";
            metadata[EnqueuedAtMetadata] = Format(enqueued);
        }

        if (Claim is not null)
        {
            metadata[ClaimMetadata] = Claim;
        }

        return metadata;
    }

    /// <summary>
    /// Reads a downloaded receipt: from its metadata, or from its JSON content when an earlier version of the
    /// pipeline wrote it; null when it is neither.
    /// </summary>
    public static Receipt? Read(BlobDownloadResult blob)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var metadata = blob.Details.Metadata;
        if (metadata is not null && metadata.TryGetValue(CreatedAtMetadata, out var created) && TryParse(created) is { } createdAt)
        {
            return new Receipt(
                createdAt,
                metadata.TryGetValue(EnqueuedAtMetadata, out var enqueued) ? TryParse(enqueued) : null,
                metadata.TryGetValue(ClaimMetadata, out var claim) ? claim : null);
        }

        var content = blob.Content.ToMemory();
        if (content.IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(content.Span, RuntimeJson.Default.Receipt);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset? TryParse(string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time : null;
}
