using Pipeline.Core.Deduplication;
using Pipeline.Core.Documents;
using Pipeline.Core.Structure;

namespace Pipeline.Core.Processing;

/// <summary>
/// A document after the stages that need nothing but its own bytes (decode, normalise, structure,
/// fingerprint): everything the dedup index needs to decide, and everything extraction needs after.
/// Either <see cref="Rejection"/> is set, or <see cref="Structured"/> and <see cref="Fingerprints"/> are.
/// </summary>
public sealed record PreparedDocument
{
    /// <summary>The content-addressed id (see <see cref="DocumentRecord.Id"/>).</summary>
    public required string Id { get; init; }

    /// <summary>What is known about the input.</summary>
    public required SourceInfo Source { get; init; }

    /// <summary>Why the input was rejected, when it was.</summary>
    public Rejection? Rejection { get; init; }

    /// <summary>What normalisation and structuring changed or removed.</summary>
    public NormalizationReport? Normalization { get; init; }

    /// <summary>The document's blocks and captions.</summary>
    public StructuredText? Structured { get; init; }

    /// <summary>The clean text (blocks joined by a blank line).</summary>
    public string? CleanText { get; init; }

    /// <summary>Fingerprints of the canonical form of <see cref="CleanText"/>.</summary>
    public Fingerprints? Fingerprints { get; init; }

    /// <summary>The near-duplicate shingles of <see cref="CleanText"/>, on which the dedup index verifies candidates.</summary>
    public ShingleSketch? Sketch { get; init; }

    /// <summary>What an HTML page's markup says about it, merged ahead of the text's metadata; null for text inputs.</summary>
    public Html.MarkupMetadata? Markup { get; init; }

    /// <summary>Whether the input was rejected.</summary>
    public bool IsRejected => Rejection is not null;
}
