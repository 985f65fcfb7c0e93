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
    // Band key (index, hash) -> its members: one DedupCandidate (most keys), or a List<DedupCandidate>.
    private readonly Dictionary<(int Band, ulong Hash), object> _bands = [];
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
            return Remember(claimant, sha, new DedupDecision(new DuplicateReference(owner.DocumentId, DuplicateKind.Exact, 1.0, SimilarityMeasure.Sha256)));
        }

        _shaOwners[sha] = (id, claimant);
        var options = _matcher.Options;
        Span<ulong> hashes = options.Bands <= 64 ? stackalloc ulong[options.Bands] : new ulong[options.Bands];
        LshBands.ComputeHashes(candidate.Fingerprints.Minhash, options, hashes);

        // Most documents share no band key with anything: no candidate table is made for them.
        Dictionary<string, (DedupCandidate Member, int Shared)>? candidates = null;
        for (var band = 0; band < hashes.Length; band++)
        {
            if (_bands.TryGetValue((band, hashes[band]), out var members))
            {
                candidates ??= new(StringComparer.Ordinal);
                if (members is List<DedupCandidate> many)
                {
                    foreach (var member in many)
                    {
                        Count(candidates, member);
                    }
                }
                else
                {
                    Count(candidates, (DedupCandidate)members);
                }
            }
        }

        var near = candidates is null
            ? null
            : _matcher.FindBest(candidate, _matcher.SelectCandidates(candidates.Select(c => KeyValuePair.Create(c.Key, c.Value.Shared))).Select(c => candidates[c].Member));
        if (near is not null)
        {
            return Remember(claimant, sha, new DedupDecision(near));
        }

        for (var band = 0; band < hashes.Length; band++)
        {
            var key = (band, hashes[band]);
            if (!_bands.TryGetValue(key, out var members))
            {
                _bands[key] = candidate;
            }
            else if (members is List<DedupCandidate> many)
            {
                if (!many.Exists(m => string.Equals(m.DocumentId, id, StringComparison.Ordinal)))
                {
                    many.Add(candidate);
                }
            }
            else if (!string.Equals(((DedupCandidate)members).DocumentId, id, StringComparison.Ordinal))
            {
                _bands[key] = new List<DedupCandidate> { (DedupCandidate)members, candidate };
            }
        }

        CanonicalCount++;
        return Remember(claimant, sha, DedupDecision.Canonical);
    }

    private static void Count(Dictionary<string, (DedupCandidate Member, int Shared)> candidates, DedupCandidate member)
    {
        candidates[member.DocumentId] = candidates.TryGetValue(member.DocumentId, out var seen) ? (member, seen.Shared + 1) : (member, 1);
    }

    private DedupDecision Remember(string claimant, string sha, DedupDecision decision)
    {
        _decisions[claimant] = (sha, decision);
        return decision;
    }
}
