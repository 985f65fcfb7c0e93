using Pipeline.Core.Documents;

namespace Pipeline.Core.Deduplication;

/// <summary>
/// The near-duplicate decision both dedup indexes share: which LSH candidates are confirmed, and which
/// one is reported. Deterministic, so that every index (and every racing worker) decides the same way.
/// </summary>
public sealed class NearDuplicateMatcher
{
    private readonly FingerprintOptions _options;

    /// <summary>Creates a matcher.</summary>
    /// <param name="options">Fingerprint options (threshold and band layout); defaults when null.</param>
    public NearDuplicateMatcher(FingerprintOptions? options = null)
    {
        _options = options ?? FingerprintOptions.Default;
        _options.Validate();
    }

    /// <summary>The options in use.</summary>
    public FingerprintOptions Options => _options;

    /// <summary>The LSH band keys of a signature (see <see cref="LshBands.Compute"/>).</summary>
    /// <param name="minhash">A MinHash signature.</param>
    /// <returns>The band keys.</returns>
    public IReadOnlyList<string> BandKeys(IReadOnlyList<uint> minhash) => LshBands.Compute(minhash, _options);

    /// <summary>True when <paramref name="similarity"/> confirms a near duplicate.</summary>
    /// <param name="similarity">An estimated Jaccard similarity.</param>
    /// <returns>Whether it reaches the threshold.</returns>
    public bool IsConfirmed(double similarity) => similarity >= _options.JaccardThreshold;

    /// <summary>
    /// Picks the best confirmed candidate: highest estimated Jaccard, ties broken by the smallest id
    /// (ordinal). Candidates with the document's own id, or with a signature of another length, are ignored.
    /// </summary>
    /// <param name="document">The document being claimed.</param>
    /// <param name="candidates">Canonical documents sharing at least one band key with it.</param>
    /// <returns>A near <see cref="DuplicateReference"/> (similarity rounded to 4 decimals), or null.</returns>
    public DuplicateReference? FindBest(DedupCandidate document, IEnumerable<DedupCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(candidates);
        var signature = document.Fingerprints.Minhash;
        string? bestId = null;
        var bestSimilarity = -1.0;
        foreach (var candidate in candidates)
        {
            if (string.Equals(candidate.DocumentId, document.DocumentId, StringComparison.Ordinal) ||
                candidate.Fingerprints.Minhash.Count != signature.Count)
            {
                continue;
            }

            var similarity = MinHashSignature.EstimateJaccard(signature, candidate.Fingerprints.Minhash);
            if (!IsConfirmed(similarity))
            {
                continue;
            }

            if (similarity > bestSimilarity ||
                (similarity == bestSimilarity && string.CompareOrdinal(candidate.DocumentId, bestId) < 0))
            {
                bestId = candidate.DocumentId;
                bestSimilarity = similarity;
            }
        }

        return bestId is null
            ? null
            : new DuplicateReference(bestId, DuplicateKind.Near, Math.Round(bestSimilarity, 4, MidpointRounding.AwayFromZero));
    }
}
