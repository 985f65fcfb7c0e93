using System.ComponentModel.DataAnnotations;

namespace Pipeline.Core.Deduplication;

/// <summary>Options of in-document paragraph deduplication.</summary>
public sealed record ParagraphDedupOptions
{
    /// <summary>
    /// Jaccard similarity of word shingles (of the canonical forms) at or above which two paragraphs are
    /// the same paragraph.
    /// </summary>
    /// <value>Defaults to 0.9. Range 0.5 to 1 (1: canonical forms must be equal).</value>
    [Range(0.5, 1.0)]
    public double NearDuplicateThreshold { get; init; } = 0.9;

    /// <summary>Words per shingle for the near-duplicate comparison.</summary>
    /// <value>Defaults to 3. Range 1 to 8.</value>
    [Range(1, 8)]
    public int ShingleSize { get; init; } = 3;

    /// <summary>
    /// Minimum words a paragraph needs before it counts as contained in a fuller one (and is merged into it).
    /// Keeps short stock phrases from swallowing paragraphs that happen to include them.
    /// </summary>
    /// <value>Defaults to 5. Range 1 to 1000.</value>
    [Range(1, 1000)]
    public int MinContainedWords { get; init; } = 5;

    /// <summary>
    /// How much near-duplicate and containment comparison one document may do, in block pairs (a pair whose cheap
    /// filters pass and needs a text scan costs one more per 64 characters scanned). When it is spent, later blocks
    /// are merged only when they repeat a kept block exactly, and blocks held for an alignment merge are appended. Bounds the otherwise quadratic pairwise search, so a
    /// document of a million short lines costs time linear in its size.
    /// </summary>
    /// <value>Defaults to 2,000,000 (every pair of 2,000 distinct paragraphs). Range 0 to 1,000,000,000.</value>
    [Range(0L, 1_000_000_000L)]
    public long MaxComparisonWork { get; init; } = 2_000_000;

    /// <summary>The defaults.</summary>
    public static ParagraphDedupOptions Default { get; } = new();

    /// <summary>Throws <see cref="ValidationException"/> when a value is out of range.</summary>
    public void Validate() => Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
}
