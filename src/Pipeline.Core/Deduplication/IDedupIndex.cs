namespace Pipeline.Core.Deduplication;

/// <summary>
/// The cross-document dedup index, shared by the in-memory index and the storage-backed one.
/// </summary>
/// <remarks>
/// <para>Exact first: the canonical SHA-256 is claimed atomically; the first claimant owns it and a later
/// document with the same hash is <c>DuplicateOf(owner, Exact, 1.0, Sha256)</c>. A claim by the owner itself (same
/// <see cref="DedupCandidate.DocumentId"/>: a retry) is not a duplicate of itself.</para>
/// <para>Then near: candidates are canonical documents sharing any LSH band key; at most
/// <see cref="FingerprintOptions.MaxCandidates"/> of them, those sharing the most keys (then the smallest ids), are
/// verified on their shingle sketches, and one is confirmed when its containment (or Jaccard) similarity reaches
/// <see cref="FingerprintOptions.SimilarityThreshold"/>; the best confirmed candidate (ties: smallest id, ordinal) is
/// reported as <c>DuplicateOf(id, Near, similarity, measure)</c> with the similarity rounded to 4 decimals (see
/// <see cref="NearDuplicateMatcher"/>). A canonical document registers its bands; a duplicate does not.</para>
/// <para>Claims are idempotent: a retried claim returns the same decision as the first.</para>
/// </remarks>
public interface IDedupIndex
{
    /// <summary>Claims the candidate's content and returns whether it is canonical or a duplicate.</summary>
    /// <param name="candidate">The document and its fingerprints.</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    /// <returns>The decision.</returns>
    ValueTask<DedupDecision> ClaimAsync(DedupCandidate candidate, CancellationToken cancellationToken = default);
}
