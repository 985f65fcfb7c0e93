using Pipeline.Core.Documents;

namespace Pipeline.Core.Deduplication;

/// <summary>A document offered to a <see cref="IDedupIndex"/> by one input.</summary>
/// <param name="DocumentId">The document's content-addressed id.</param>
/// <param name="Fingerprints">Its fingerprints.</param>
/// <param name="Sketch">Its near-duplicate shingles, on which candidates are verified (see <see cref="Fingerprinter.Compute(string, out ShingleSketch)"/>).</param>
/// <param name="ClaimantId">
/// Who is claiming: one input (one run). A retry of the same input carries the same claimant and gets
/// the same decision; another input with the same clean text (same <paramref name="DocumentId"/>) is a
/// different claimant and an exact duplicate. Defaults to <paramref name="DocumentId"/>.
/// </param>
public sealed record DedupCandidate(string DocumentId, Fingerprints Fingerprints, ShingleSketch Sketch, string? ClaimantId = null)
{
    /// <summary>The claimant, or the document id when none was given.</summary>
    public string Claimant => ClaimantId ?? DocumentId;
}
