using Pipeline.Core.Documents;

namespace Pipeline.Core.Deduplication;

/// <summary>
/// A thread-safe in-memory <see cref="IDedupIndex"/> for single-process runs and tests: first claim wins.
/// </summary>
public sealed class InMemoryDedupIndex : IDedupIndex
{
    private readonly Lock _gate = new();
    private readonly NearDuplicateMatcher _matcher;
    private readonly Dictionary<string, (string DocumentId, string Claimant)> _shaOwners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DedupCandidate>> _bands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Sha, DedupDecision Decision)> _decisions = new(StringComparer.Ordinal);

    /// <summary>Creates an empty index.</summary>
    /// <param name="options">Fingerprint options; defaults when null. Must match those of the fingerprints claimed.</param>
    public InMemoryDedupIndex(FingerprintOptions? options = null) => _matcher = new NearDuplicateMatcher(options);

    /// <summary>Number of canonical documents registered for near-duplicate search.</summary>
    public int CanonicalCount { get; private set; }

    /// <inheritdoc />
    public ValueTask<DedupDecision> ClaimAsync(DedupCandidate candidate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(Claim(candidate));
        }
    }

    private DedupDecision Claim(DedupCandidate candidate)
    {
        var id = candidate.DocumentId;
        var claimant = candidate.Claimant;
        var sha = candidate.Fingerprints.Sha256;

        // A retry of a document already decided gets the same answer.
        if (_decisions.TryGetValue(claimant, out var previous) && previous.Sha == sha)
        {
            return previous.Decision;
        }

        if (_shaOwners.TryGetValue(sha, out var owner) && !string.Equals(owner.Claimant, claimant, StringComparison.Ordinal))
        {
            return Remember(claimant, sha, new DedupDecision(new DuplicateReference(owner.DocumentId, DuplicateKind.Exact, 1.0)));
        }

        _shaOwners[sha] = (id, claimant);
        var keys = _matcher.BandKeys(candidate.Fingerprints.Minhash);
        var candidates = new HashSet<DedupCandidate>(ReferenceEqualityComparer.Instance);
        foreach (var key in keys)
        {
            if (_bands.TryGetValue(key, out var members))
            {
                candidates.UnionWith(members);
            }
        }

        var near = _matcher.FindBest(candidate, candidates);
        if (near is not null)
        {
            return Remember(claimant, sha, new DedupDecision(near));
        }

        foreach (var key in keys)
        {
            if (!_bands.TryGetValue(key, out var members))
            {
                _bands[key] = members = [];
            }

            if (!members.Exists(m => string.Equals(m.DocumentId, id, StringComparison.Ordinal)))
            {
                members.Add(candidate);
            }
        }

        CanonicalCount++;
        return Remember(claimant, sha, DedupDecision.Canonical);
    }

    private DedupDecision Remember(string claimant, string sha, DedupDecision decision)
    {
        _decisions[claimant] = (sha, decision);
        return decision;
    }
}
