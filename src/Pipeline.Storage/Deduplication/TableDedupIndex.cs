using System.Runtime.InteropServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Pipeline.Core.Deduplication;
using Pipeline.Core.Documents;
using Pipeline.Storage.Runtime;

namespace Pipeline.Storage.Deduplication;

/// <summary>
/// The dedup index in Table storage, shared by every worker, with the offline index's decisions for the
/// same inputs in the same order. Every entity is in one partition, so a document's claim is one batch
/// transaction, and every read is a point read (cost flat in the size of the index: table queries are not
/// used, since they scan).
/// <list type="bullet">
/// <item><c>x-{sha256}</c>: the exact claim of a canonical form (document id and claimant).</item>
/// <item><c>d-{id}</c>: a document's state (canonical, pending, yielded, duplicate), MinHash signature and shingle sketch.</item>
/// <item><c>b-{band key}</c>: the documents registered under one MinHash LSH band key.</item>
/// </list>
/// <para>
/// <b>Fast path</b> (most documents): one transaction inserts the exact claim, the state <c>canonical</c>
/// and an entity for each of its band keys (28 by default). If it succeeds, no other document shared a band key or the
/// canonical form at that moment, so the document is canonical; every later near-duplicate collides with
/// one of its band keys.
/// </para>
/// <para>
/// <b>Slow path</b> (the transaction conflicted): claim the SHA-256 alone (the loser of a conflict is an
/// exact duplicate of the owner), then read the band keys' members, and the states and sketches of at most
/// <see cref="FingerprintOptions.MaxCandidates"/> of them (those sharing the most keys), verify them as the offline
/// index does (<see cref="NearDuplicateMatcher"/>), and become a duplicate of the best committed one. Otherwise register under the band
/// keys as <c>pending</c> and read them again, so of two near-duplicates deciding at the same moment each
/// sees at least the one that registered first. The smaller id wins: a document waits while a confirmed
/// candidate with a smaller id is undecided; before it commits, it marks confirmed undecided candidates
/// with larger ids <c>yielded</c> (conditional on their ETag), and its own commit is conditional on its own
/// ETag, so a yielded document cannot commit. Exactly one of them is canonical. Registering reuses the band
/// entities just read (conditional on their ETags); when no write conflicted and no candidate was undecided, the
/// keys' members are known to be complete and the document commits without reading them again.
/// </para>
/// </summary>
public sealed class TableDedupIndex : IDedupIndex
{
    private const string Partition = "dedup";
    private readonly TableClient _table;
    private readonly NearDuplicateMatcher _matcher;
    private readonly TableDedupIndexOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the index over the pipeline's dedup table.</summary>
    public TableDedupIndex(PipelineStorage storage, NearDuplicateMatcher matcher, IOptions<TableDedupIndexOptions> options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        _table = storage.Dedup;
        _matcher = matcher;
        _options = options.Value;
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async ValueTask<DedupDecision> ClaimAsync(DedupCandidate candidate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var signature = MemoryMarshal.AsBytes(candidate.Fingerprints.Minhash.ToArray().AsSpan()).ToArray();
        var sketch = candidate.Sketch.ToBytes();
        var keys = _matcher.BandKeys(candidate.Fingerprints.Minhash).Distinct(StringComparer.Ordinal).ToList();
        if (await TryFastPathAsync(candidate, signature, sketch, keys, cancellationToken).ConfigureAwait(false))
        {
            return DedupDecision.Canonical;
        }

        var owner = await ClaimShaAsync(candidate, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(owner.Claimant, candidate.Claimant, StringComparison.Ordinal))
        {
            return new DedupDecision(new DuplicateReference(owner.DocumentId, DuplicateKind.Exact, 1.0, SimilarityMeasure.Sha256));
        }

        var state = await AddOrGetStateAsync(candidate.DocumentId, signature, sketch, cancellationToken).ConfigureAwait(false);
        switch (state.GetString("State"))
        {
            case DedupEntityState.Canonical:
                return DedupDecision.Canonical;
            case DedupEntityState.Duplicate:
                return JsonSerializer.Deserialize(state.GetString("Decision"), RuntimeJson.Default.DedupDecision)!;
        }

        return await DecideAsync(candidate, keys, state, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> TryFastPathAsync(DedupCandidate candidate, byte[] signature, byte[] sketch, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>(keys.Count + 2)
        {
            new(TableTransactionActionType.Add, ShaEntity(candidate)),
            new(TableTransactionActionType.Add, StateEntity(candidate.DocumentId, DedupEntityState.Canonical, signature, sketch)),
        };
        actions.AddRange(keys.Select(key =>
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(Partition, BandRow(key)) { ["Members"] = candidate.DocumentId })));
        try
        {
            await _table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    private async Task<DedupDecision> DecideAsync(DedupCandidate candidate, IReadOnlyList<string> keys, TableEntity state, CancellationToken cancellationToken)
    {
        var id = candidate.DocumentId;
        var deadline = _time.GetUtcNow() + _options.PendingTimeout;
        var registered = false;
        var bands = await ReadBandsAsync(keys, cancellationToken).ConfigureAwait(false);
        var others = await ReadCandidatesAsync(candidate, bands, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var committed = others.Where(o => o.State == DedupEntityState.Canonical).Select(o => o.Candidate).ToList();
            if (_matcher.FindBest(candidate, committed) is { } best)
            {
                var decision = new DedupDecision(best);
                state["State"] = DedupEntityState.Duplicate;
                state["Decision"] = JsonSerializer.Serialize(decision, RuntimeJson.Default.DedupDecision);
                state["UpdatedAt"] = _time.GetUtcNow();
                await _table.UpdateEntityAsync(state, ETag.All, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return decision;
            }

            var undecided = others.Where(o => o.State is DedupEntityState.Pending or DedupEntityState.Yielded && !IsStale(o.Entity)).ToList();
            if (!registered)
            {
                // Register, then look again: a concurrent near-duplicate that registered first is now visible. When no
                // band changed since it was read (every conditional write succeeded at once) and no candidate was
                // undecided, what was read is still the whole picture and the look is skipped.
                var clean = await RegisterAsync(id, keys, bands, cancellationToken).ConfigureAwait(false);
                registered = true;
                if (!clean || undecided.Count > 0)
                {
                    bands = clean ? bands : await ReadBandsAsync(keys, cancellationToken).ConfigureAwait(false);
                    others = await ReadCandidatesAsync(candidate, bands, cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }

            if (!undecided.Any(o => string.CompareOrdinal(o.Candidate.DocumentId, id) < 0) && await YieldAllAsync(undecided, cancellationToken).ConfigureAwait(false))
            {
                state["State"] = DedupEntityState.Canonical;
                state["UpdatedAt"] = _time.GetUtcNow();
                try
                {
                    await _table.UpdateEntityAsync(state, state.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                    return DedupDecision.Canonical;
                }
                catch (RequestFailedException ex) when (ex.Status == 412)
                {
                    // Yielded by a smaller concurrent id: decide again below.
                }
            }

            if (_time.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"Document {id} waited {_options.PendingTimeout} for a concurrent near-duplicate to decide.");
            }

            await Task.Delay(_options.PollInterval, _time, cancellationToken).ConfigureAwait(false);
            state = (await _table.GetEntityAsync<TableEntity>(Partition, StateRow(id), cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            bands = await ReadBandsAsync(keys, cancellationToken).ConfigureAwait(false);
            others = await ReadCandidatesAsync(candidate, bands, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> YieldAllAsync(IEnumerable<(DedupCandidate Candidate, string State, TableEntity Entity)> larger, CancellationToken cancellationToken)
    {
        foreach (var (_, state, entity) in larger)
        {
            if (state != DedupEntityState.Pending)
            {
                continue;
            }

            entity["State"] = DedupEntityState.Yielded;
            try
            {
                await _table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404)
            {
                return false; // it moved on (committed?) meanwhile: look again
            }
        }

        return true;
    }

    /// <summary>The band entities of the keys (null where no document registered the key yet), one point read each.</summary>
    private async Task<TableEntity?[]> ReadBandsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        await Task.WhenAll(keys.Select(key => TryGetAsync(BandRow(key), cancellationToken))).ConfigureAwait(false);

    /// <summary>
    /// The candidates among the bands' members (at most <see cref="FingerprintOptions.MaxCandidates"/>, chosen as the
    /// offline index chooses), with their states, confirmed on their sketches: one point read per candidate.
    /// </summary>
    private async Task<List<(DedupCandidate Candidate, string State, TableEntity Entity)>> ReadCandidatesAsync(
        DedupCandidate candidate, TableEntity?[] bands, CancellationToken cancellationToken)
    {
        var shared = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var band in bands)
        {
            foreach (var member in band is null ? [] : Members(band).Distinct(StringComparer.Ordinal))
            {
                if (!string.Equals(member, candidate.DocumentId, StringComparison.Ordinal))
                {
                    shared[member] = shared.GetValueOrDefault(member) + 1;
                }
            }
        }

        var ids = _matcher.SelectCandidates(shared);
        var states = await Task.WhenAll(ids.Select(other => TryGetAsync(StateRow(other), cancellationToken))).ConfigureAwait(false);
        var confirmed = new List<(DedupCandidate, string, TableEntity)>();
        for (var i = 0; i < ids.Count; i++)
        {
            if (states[i] is not { } entity || entity.GetBinary("Signature") is not { } bytes || entity.GetBinary("Sketch") is not { } sketch)
            {
                continue;
            }

            var other = new DedupCandidate(
                ids[i], new Fingerprints(string.Empty, string.Empty, MemoryMarshal.Cast<byte, uint>(bytes).ToArray()), ShingleSketch.FromBytes(sketch));
            if (_matcher.FindBest(candidate, [other]) is not null)
            {
                confirmed.Add((other, entity.GetString("State"), entity));
            }
        }

        return confirmed;
    }

    /// <summary>
    /// Adds the document to each band key's members, starting from the entities just read (conditional on their ETags).
    /// Returns true when every write succeeded at its first try, i.e. no band changed since it was read.
    /// </summary>
    private async Task<bool> RegisterAsync(string id, IReadOnlyList<string> keys, TableEntity?[] read, CancellationToken cancellationToken)
    {
        var clean = await Task.WhenAll(keys.Select(async (key, i) =>
        {
            var band = read[i];
            for (var attempt = 0; ; attempt++)
            {
                if (attempt > 0)
                {
                    band = await TryGetAsync(BandRow(key), cancellationToken).ConfigureAwait(false);
                }

                try
                {
                    if (band is null)
                    {
                        await _table.AddEntityAsync(new TableEntity(Partition, BandRow(key)) { ["Members"] = id }, cancellationToken).ConfigureAwait(false);
                    }
                    else if (!Members(band).Contains(id, StringComparer.Ordinal))
                    {
                        var updated = new TableEntity(Partition, BandRow(key)) { ["Members"] = band.GetString("Members") + "," + id };
                        await _table.UpdateEntityAsync(updated, band.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                    }

                    return attempt == 0;
                }
                catch (RequestFailedException ex) when (ex.Status is 409 or 412)
                {
                    // Another document registered under the key at the same moment: read it again.
                }
            }
        })).ConfigureAwait(false);
        return clean.All(c => c);
    }

    private async Task<(string DocumentId, string Claimant)> ClaimShaAsync(DedupCandidate candidate, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(ShaEntity(candidate), cancellationToken).ConfigureAwait(false);
            return (candidate.DocumentId, candidate.Claimant);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = (await _table.GetEntityAsync<TableEntity>(Partition, ShaRow(candidate.Fingerprints.Sha256), cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            return (existing.GetString("DocumentId"), existing.GetString("Claimant"));
        }
    }

    private async Task<TableEntity> AddOrGetStateAsync(string id, byte[] signature, byte[] sketch, CancellationToken cancellationToken)
    {
        var entity = StateEntity(id, DedupEntityState.Pending, signature, sketch);
        try
        {
            var added = await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            entity.ETag = added.Headers.ETag ?? default;
            return entity.ETag == default
                ? (await _table.GetEntityAsync<TableEntity>(Partition, StateRow(id), cancellationToken: cancellationToken).ConfigureAwait(false)).Value
                : entity;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // A redelivered run: continue from the state it left, refreshed so others do not take it for dead.
            var existing = (await _table.GetEntityAsync<TableEntity>(Partition, StateRow(id), cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            if (existing.GetString("State") is DedupEntityState.Pending or DedupEntityState.Yielded)
            {
                existing["UpdatedAt"] = _time.GetUtcNow();
                var updated = await _table.UpdateEntityAsync(existing, existing.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                existing.ETag = updated.Headers.ETag ?? existing.ETag;
            }

            return existing;
        }
    }

    private async Task<TableEntity?> TryGetAsync(string row, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    private TableEntity StateEntity(string id, string state, byte[] signature, byte[] sketch) => new(Partition, StateRow(id))
    {
        ["State"] = state,
        ["Signature"] = signature,
        ["Sketch"] = sketch,
        ["UpdatedAt"] = _time.GetUtcNow(),
    };

    private static TableEntity ShaEntity(DedupCandidate candidate) => new(Partition, ShaRow(candidate.Fingerprints.Sha256))
    {
        ["DocumentId"] = candidate.DocumentId,
        ["Claimant"] = candidate.Claimant,
    };

    private bool IsStale(TableEntity state) =>
        state.GetDateTimeOffset("UpdatedAt") is not { } updated || _time.GetUtcNow() - updated > _options.PendingTimeout;

    private static string[] Members(TableEntity band) => band.GetString("Members")?.Split(',') ?? [];

    private static string ShaRow(string sha) => "x-" + sha;

    private static string StateRow(string id) => "d-" + id;

    private static string BandRow(string key) => "b-" + key;
}
