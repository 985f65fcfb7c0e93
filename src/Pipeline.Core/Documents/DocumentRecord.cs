namespace Pipeline.Core.Documents;

/// <summary>
/// The result record for one input (schema v1, see <c>docs/schema/document-record.v1.schema.json</c>).
/// Every input ends in exactly one record whose <see cref="Status"/> says which optional parts are present.
/// </summary>
public sealed record DocumentRecord
{
    /// <summary>The schema version of this record.</summary>
    public int SchemaVersion { get; init; } = 1;

    /// <summary>
    /// Content-addressed id: derived from the clean text, so the same clean text always gives the same id.
    /// For rejected and failed inputs, derived from the raw bytes instead.
    /// </summary>
    public required string Id { get; init; }

    /// <summary>The outcome.</summary>
    public required ResultStatus Status { get; init; }

    /// <summary>Where the record came from.</summary>
    public required SourceInfo Source { get; init; }

    /// <summary>For duplicates: the canonical document this one repeats.</summary>
    public DuplicateReference? DuplicateOf { get; init; }

    /// <summary>For rejected inputs: why.</summary>
    public Rejection? Rejection { get; init; }

    /// <summary>For failed inputs: the last error.</summary>
    public ProcessingError? Error { get; init; }

    /// <summary>The clean text, paragraphs separated by a blank line. Null for rejected and failed inputs.</summary>
    public string? Text { get; init; }

    /// <summary>Extracted metadata. Null for rejected and failed inputs.</summary>
    public DocumentMetadata? Metadata { get; init; }

    /// <summary>What normalisation changed. Null when the input was not decoded.</summary>
    public NormalizationReport? Normalization { get; init; }

    /// <summary>Fingerprints of the canonical form. Null for rejected and failed inputs.</summary>
    public Fingerprints? Fingerprints { get; init; }

    /// <summary>The pipeline that made the record.</summary>
    public PipelineInfo Pipeline { get; init; } = PipelineInfo.Current;
}
