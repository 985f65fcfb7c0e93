using Pipeline.Core.Documents;

namespace Pipeline.Core.Deduplication;

/// <summary>A document offered to a <see cref="IDedupIndex"/>.</summary>
/// <param name="DocumentId">The document's stable id (a retry of the same document carries the same id).</param>
/// <param name="Fingerprints">Its fingerprints.</param>
public sealed record DedupCandidate(string DocumentId, Fingerprints Fingerprints);
