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
/// same inputs in the same order.
/// <list type="bullet">
/// <item>Exact: the canonical SHA-256 is claimed with an insert that fails on conflict (409); the loser is a
/// duplicate of the owner.</item>
/// <item>Near: the document's MinHash LSH band keys are written (each a partition; the row is the document),
/// the bands are read back, candidates are confirmed by estimated Jaccard, and the best committed candidate
/// makes the document a duplicate. Otherwise the document commits as canonical.</item>
/// <item>Races: two near-duplicates decided at the same moment both see each other (each writes its bands
/// before it reads). Then the smaller id wins: the larger waits, and the smaller, before it commits, marks
/// the larger <c>yielded</c> with a conditional update (ETag). Commit is itself conditional on the
/// document's own ETag, so a document cannot commit after it was yielded: exactly one of the two is canonical.</item>
/// </list>
/// </summary>
public sealed class TableDedupIndex : IDedupIndex
{
    private const string StateRow = "state";
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
        var id = candidate.DocumentId;
        var owner = await ClaimShaAsync(candidate, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(owner.Claimant, candidate.Claimant, StringComparison.Ordinal))
        {
            return new DedupDecision(new DuplicateReference(owner.DocumentId, DuplicateKind.Exact, 1.0));
        }

        var signature = MemoryMarshal.AsBytes(candidate.Fingerprints.Minhash.ToArray().AsSpan()).ToArray();
        var state = await AddOrGetStateAsync(id, signature, cancellationToken).ConfigureAwait(false);
        switch (state.GetString("State"))
        {
            case DedupEntityState.Canonical:
                return DedupDecision.Canonical;
            case DedupEntityState.Duplicate:
                return JsonSerializer.Deserialize(state.GetString("Decision"), RuntimeJson.Default.DedupDecision)!;
        }

        var keys = _matcher.BandKeys(candidate.Fingerprints.Minhash);
        await Task.WhenAll(keys.Select(key => _table.UpsertEntityAsync(
            new TableEntity(BandPartition(key), id) { ["Signature"] = signature }, TableUpdateMode.Replace, cancellationToken))).ConfigureAwait(false);

        var deadline = _time.GetUtcNow() + _options.PendingTimeout;
        while (true)
        {
            var decision = await TryDecideAsync(candidate, keys, state, cancellationToken).ConfigureAwait(false);
            if (decision is not null)
            {
                return decision;
            }

            if (_time.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"Document {id} waited {_options.PendingTimeout} for a concurrent near-duplicate to decide.");
            }

            await Task.Delay(_options.PollInterval, _time, cancellationToken).ConfigureAwait(false);
            state = (await _table.GetEntityAsync<TableEntity>(StatePartition(id), StateRow, cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        }
    }

    private async Task<DedupDecision?> TryDecideAsync(DedupCandidate candidate, IReadOnlyList<string> keys, TableEntity state, CancellationToken cancellationToken)
    {
        var id = candidate.DocumentId;
        var confirmed = await FindConfirmedAsync(candidate, keys, cancellationToken).ConfigureAwait(false);
        var states = await Task.WhenAll(confirmed.Select(c => TryGetStateAsync(c.DocumentId, cancellationToken))).ConfigureAwait(false);
        var committed = new List<DedupCandidate>();
        var pending = new List<TableEntity>();
        for (var i = 0; i < confirmed.Count; i++)
        {
            switch (states[i]?.GetString("State"))
            {
                case DedupEntityState.Canonical:
                    committed.Add(confirmed[i]);
                    break;
                case DedupEntityState.Pending or DedupEntityState.Yielded when !IsStale(states[i]!):
                    pending.Add(states[i]!);
                    break;
            }
        }

        if (_matcher.FindBest(candidate, committed) is { } best)
        {
            var decision = new DedupDecision(best);
            await MarkDuplicateAsync(id, keys, decision, cancellationToken).ConfigureAwait(false);
            return decision;
        }

        if (pending.Any(p => string.CompareOrdinal(DocumentOf(p), id) < 0))
        {
            return null; // a smaller id is deciding: wait for it
        }

        foreach (var larger in pending.Where(p => p.GetString("State") == DedupEntityState.Pending))
        {
            larger["State"] = DedupEntityState.Yielded;
            try
            {
                await _table.UpdateEntityAsync(larger, larger.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404)
            {
                return null; // it moved on (committed?) meanwhile: look again
            }
        }

        state["State"] = DedupEntityState.Canonical;
        state["UpdatedAt"] = _time.GetUtcNow();
        try
        {
            await _table.UpdateEntityAsync(state, state.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return DedupDecision.Canonical;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return null; // yielded by a smaller concurrent id: look again
        }
    }

    private async Task<(string DocumentId, string Claimant)> ClaimShaAsync(DedupCandidate candidate, CancellationToken cancellationToken)
    {
        var sha = candidate.Fingerprints.Sha256;
        try
        {
            await _table.AddEntityAsync(
                new TableEntity(ShaPartition(sha), sha) { ["DocumentId"] = candidate.DocumentId, ["Claimant"] = candidate.Claimant },
                cancellationToken).ConfigureAwait(false);
            return (candidate.DocumentId, candidate.Claimant);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = (await _table.GetEntityAsync<TableEntity>(ShaPartition(sha), sha, cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            return (existing.GetString("DocumentId"), existing.GetString("Claimant"));
        }
    }

    private async Task<TableEntity> AddOrGetStateAsync(string id, byte[] signature, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(StatePartition(id), StateRow)
        {
            ["State"] = DedupEntityState.Pending,
            ["Signature"] = signature,
            ["UpdatedAt"] = _time.GetUtcNow(),
        };
        try
        {
            var added = await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            entity.ETag = added.Headers.ETag ?? default;
            return entity.ETag == default
                ? (await _table.GetEntityAsync<TableEntity>(StatePartition(id), StateRow, cancellationToken: cancellationToken).ConfigureAwait(false)).Value
                : entity;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // A redelivered run: continue from the state it left.
            var existing = (await _table.GetEntityAsync<TableEntity>(StatePartition(id), StateRow, cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            if (existing.GetString("State") is DedupEntityState.Pending or DedupEntityState.Yielded)
            {
                existing["UpdatedAt"] = _time.GetUtcNow();
                var updated = await _table.UpdateEntityAsync(existing, existing.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                existing.ETag = updated.Headers.ETag ?? existing.ETag;
            }

            return existing;
        }
    }

    private async Task<List<DedupCandidate>> FindConfirmedAsync(DedupCandidate candidate, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var pages = await Task.WhenAll(keys.Select(async key =>
        {
            var rows = new List<TableEntity>();
            await foreach (var row in _table.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {BandPartition(key)}"),
                select: ["RowKey", "Signature"],
                cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                rows.Add(row);
            }

            return rows;
        })).ConfigureAwait(false);

        var seen = new HashSet<string>(StringComparer.Ordinal) { candidate.DocumentId };
        var confirmed = new List<DedupCandidate>();
        foreach (var row in pages.SelectMany(p => p))
        {
            if (!seen.Add(row.RowKey) || row.GetBinary("Signature") is not { } bytes)
            {
                continue;
            }

            var other = new DedupCandidate(row.RowKey, new Fingerprints(string.Empty, string.Empty, MemoryMarshal.Cast<byte, uint>(bytes).ToArray()));
            if (_matcher.FindBest(candidate, [other]) is not null)
            {
                confirmed.Add(other);
            }
        }

        return confirmed;
    }

    private async Task<TableEntity?> TryGetStateAsync(string id, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(StatePartition(id), StateRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    private async Task MarkDuplicateAsync(string id, IReadOnlyList<string> keys, DedupDecision decision, CancellationToken cancellationToken)
    {
        await _table.UpsertEntityAsync(
            new TableEntity(StatePartition(id), StateRow)
            {
                ["State"] = DedupEntityState.Duplicate,
                ["Decision"] = JsonSerializer.Serialize(decision, RuntimeJson.Default.DedupDecision),
                ["UpdatedAt"] = _time.GetUtcNow(),
            },
            TableUpdateMode.Replace,
            cancellationToken).ConfigureAwait(false);

        // A duplicate is never a candidate: take its bands out so later documents do not read them.
        await Task.WhenAll(keys.Select(async key =>
        {
            try
            {
                await _table.DeleteEntityAsync(BandPartition(key), id, ETag.All, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
            }
        })).ConfigureAwait(false);
    }

    private bool IsStale(TableEntity state) =>
        state.GetDateTimeOffset("UpdatedAt") is not { } updated || _time.GetUtcNow() - updated > _options.PendingTimeout;

    private static string DocumentOf(TableEntity state) => state.PartitionKey["d-".Length..];

    private static string ShaPartition(string sha) => "x-" + sha[..2];

    private static string StatePartition(string id) => "d-" + id;

    private static string BandPartition(string key) => "b-" + key;
}
