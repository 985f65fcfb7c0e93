using Pipeline.Core.Documents;

namespace Pipeline.Core.Deduplication;

/// <summary>
/// The near-duplicate decision both dedup indexes share: which LSH candidates are verified, how similar each is,
/// and which one is reported. Deterministic, so that every index (and every racing worker) decides the same way.
/// </summary>
public sealed class NearDuplicateMatcher
{
    private readonly FingerprintOptions _options;

    /// <summary>Creates a matcher.</summary>
    /// <param name="options">Fingerprint options (band layout, verification); defaults when null.</param>
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

    /// <summary>
    /// The candidates to verify: at most <see cref="FingerprintOptions.MaxCandidates"/>, those sharing the most band keys
    /// first, ties by the smallest id (ordinal).
    /// </summary>
    /// <param name="sharedBands">Each candidate id with the number of band keys it shares with the document.</param>
    /// <returns>The ids to verify, best first.</returns>
    public IReadOnlyList<string> SelectCandidates(IEnumerable<KeyValuePair<string, int>> sharedBands)
    {
        ArgumentNullException.ThrowIfNull(sharedBands);
        return sharedBands
            .OrderByDescending(c => c.Value)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(_options.MaxCandidates)
            .Select(c => c.Key)
            .ToList();
    }

    /// <summary>
    /// The similarity of two documents' near-duplicate shingles: containment of the smaller set in the larger when the
    /// larger is at most <see cref="FingerprintOptions.MaxContainmentRatio"/> times the smaller, else Jaccard.
    /// </summary>
    /// <param name="a">A sketch.</param>
    /// <param name="b">Another.</param>
    /// <returns>The similarity in [0, 1] (not rounded) and its measure.</returns>
    public (double Value, SimilarityMeasure Measure) Similarity(ShingleSketch a, ShingleSketch b)
    {
        var (shared, left, right) = ShingleSketch.Compare(a, b);
        var small = Math.Min(left, right);
        var large = Math.Max(left, right);
        if (small == 0)
        {
            return (0, SimilarityMeasure.Jaccard);
        }

        return large <= _options.MaxContainmentRatio * small
            ? ((double)shared / small, SimilarityMeasure.Containment)
            : ((double)shared / (left + right - shared), SimilarityMeasure.Jaccard);
    }

    /// <summary>True when <paramref name="similarity"/> confirms a near duplicate.</summary>
    /// <param name="similarity">A similarity from <see cref="Similarity"/>.</param>
    /// <returns>Whether it reaches the threshold.</returns>
    public bool IsConfirmed(double similarity) => similarity >= _options.SimilarityThreshold;

    /// <summary>
    /// Picks the best confirmed candidate: highest similarity, ties broken by the smallest id (ordinal).
    /// Candidates with the document's own id are ignored.
    /// </summary>
    /// <param name="document">The document being claimed.</param>
    /// <param name="candidates">Canonical documents chosen by <see cref="SelectCandidates"/>.</param>
    /// <returns>A near <see cref="DuplicateReference"/> (similarity rounded to 4 decimals), or null.</returns>
    public DuplicateReference? FindBest(DedupCandidate document, IEnumerable<DedupCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(candidates);
        string? bestId = null;
        var best = (Value: -1.0, Measure: SimilarityMeasure.Jaccard);
        foreach (var candidate in candidates)
        {
            if (string.Equals(candidate.DocumentId, document.DocumentId, StringComparison.Ordinal))
            {
                continue;
            }

            var similarity = Similarity(document.Sketch, candidate.Sketch);
            if (!IsConfirmed(similarity.Value))
            {
                continue;
            }

            if (similarity.Value > best.Value ||
                (similarity.Value == best.Value && string.CompareOrdinal(candidate.DocumentId, bestId) < 0))
            {
                bestId = candidate.DocumentId;
                best = similarity;
            }
        }

        return bestId is null
            ? null
            : new DuplicateReference(bestId, DuplicateKind.Near, Math.Round(best.Value, 4, MidpointRounding.AwayFromZero), best.Measure);
    }
}
