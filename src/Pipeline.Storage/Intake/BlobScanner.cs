using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Pipeline.Storage.Outputs;
using Pipeline.Storage.Runtime;

namespace Pipeline.Storage.Intake;

/// <summary>
/// Lists the raw container page by page (memory stays flat however large it grows) and hands every blob
/// version not yet taken to the <see cref="WorkItemEnqueuer"/>. Blobs modified well before the last complete
/// scan (kept in storage, so any scanner continues where another left off) are skipped without a call, and
/// the receipts of a page's fresh blobs are listed in one request rather than tried one by one, so a
/// version that a drop or another scanner has taken costs this scanner nothing per blob.
/// <para>
/// A listing costs the storage account time in proportion to the container, so scanners keep it small:
/// a scanner skips its turn when another completed a scan that started less than
/// <see cref="IntakeOptions.ScanInterval"/> ago (workers share one cadence instead of each listing), and the
/// listing leaves out blob metadata (40% of its cost on Azurite); the few fresh blobs without a receipt
/// have their properties read one by one to see whether a dropper is still enqueuing them.
/// </para>
/// </summary>
public sealed class BlobScanner
{
    private const int PageSize = 1000;
    private const int ReceiptPageSize = 5000;

    // Bounds the receipts one page of fresh blobs can cost to list when their names share no long prefix.
    private const int MaxReceiptPages = 4;

    // Receipt listings per page of fresh blobs: narrower prefixes cover fewer old receipts, more cost a request each.
    private const int MaxReceiptListings = 4;
    private readonly PipelineStorage _storage;
    private readonly WorkItemEnqueuer _enqueuer;
    private readonly IntakeOptions _options;
    private readonly TimeProvider _time;
    private readonly RecentSet _taken;

    // Claims of this scanner's calls that failed (an outage) after the receipt may have been created (see TakeAsync);
    // a call in flight is not here, so a concurrent scan never takes its receipt for a broken-off one.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _ownClaims = new(StringComparer.Ordinal);

    // Bounds _ownClaims: past it a broken-off receipt is recovered after ReceiptRecoveryAge, like another intake's.
    private const int MaxOwnClaims = 10_000;

    /// <summary>Creates the scanner.</summary>
    public BlobScanner(PipelineStorage storage, WorkItemEnqueuer enqueuer, IOptions<IntakeOptions> options, TimeProvider? time = null)
    {
        _storage = storage;
        _enqueuer = enqueuer;
        _options = options.Value;
        _time = time ?? TimeProvider.System;
        _taken = new RecentSet(_options.RememberedReceipts);
    }

    /// <summary>Scans the raw container once.</summary>
    /// <returns>How many work items this scan enqueued.</returns>
    public async Task<int> ScanAsync(CancellationToken cancellationToken)
    {
        var startedAt = _time.GetUtcNow();
        var state = await LoadStateAsync(cancellationToken).ConfigureAwait(false);
        if (state is not null && startedAt - state.LastScanStartedAt < _options.ScanInterval && startedAt >= state.LastScanStartedAt)
        {
            return 0; // another scanner (or this one) completed a scan that started within the interval
        }

        var cutoff = state?.Cutoff(_options.ClockSkewMargin) ?? DateTimeOffset.MinValue;
        var unsettled = new OldestTime();
        var enqueued = 0;
        var listing = new GetBlobsOptions { Traits = BlobTraits.None };
        await foreach (var page in _storage.Raw.GetBlobsAsync(listing, cancellationToken).AsPages(pageSizeHint: PageSize).ConfigureAwait(false))
        {
            var fresh = Fresh(page.Values, cutoff);
            if (fresh.Count == 0)
            {
                continue;
            }

            var untaken = await UntakenAsync(fresh, unsettled, cancellationToken).ConfigureAwait(false);
            await Parallel.ForEachAsync(untaken, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentEnqueues, CancellationToken = cancellationToken }, async (candidate, ct) =>
            {
                if (await IsBeingDroppedAsync(candidate.Item, ct).ConfigureAwait(false))
                {
                    unsettled.Add(candidate.Modified); // its dropper enqueues it; looked at again on a later scan
                    return;
                }

                if (await TakeAsync(candidate.Item, ct).ConfigureAwait(false) is var outcome && outcome == IntakeOutcome.Pending)
                {
                    unsettled.Add(candidate.Modified);
                    return;
                }

                if (outcome == IntakeOutcome.Enqueued)
                {
                    Interlocked.Increment(ref enqueued);
                }

                _taken.Add(candidate.Item.RunId);
            }).ConfigureAwait(false);
        }

        await SaveStateAsync(new ScanState(startedAt) { OldestUnsettled = unsettled.Value }, cancellationToken).ConfigureAwait(false);
        return enqueued;
    }

    /// <summary>
    /// Takes one version through the enqueuer. A call that fails (an outage) may leave the version's receipt
    /// created but unstamped; the claim it used is kept, so this scanner's next look finishes that receipt at once
    /// instead of waiting <see cref="IntakeOptions.ReceiptRecoveryAge"/> as it must for another intake's.
    /// </summary>
    private async Task<IntakeOutcome> TakeAsync(WorkItem item, CancellationToken cancellationToken)
    {
        // Taken out atomically: of two scans of this scanner meeting the same broken-off receipt, one finishes it.
        var usedBefore = _ownClaims.TryRemove(item.RunId, out var claim);
        claim ??= WorkItemEnqueuer.NewClaim();
        try
        {
            return await _enqueuer.TakeAsync(item, claim, usedBefore, cancellationToken).ConfigureAwait(false);
        }
        catch when (_ownClaims.Count < MaxOwnClaims)
        {
            _ownClaims[item.RunId] = claim; // the receipt may exist with this claim and no enqueue
            throw;
        }
    }

    /// <summary>
    /// The versions of a page that may need a work item: modified since the scan state's cutoff and not known to
    /// be settled by this process.
    /// </summary>
    private List<Candidate> Fresh(IEnumerable<BlobItem> blobs, DateTimeOffset cutoff)
    {
        var fresh = new List<Candidate>();
        foreach (var blob in blobs)
        {
            var modified = blob.Properties.LastModified;
            if (modified is { } m && m < cutoff)
            {
                continue;
            }

            var item = new WorkItem(_storage.Raw.Name, blob.Name, blob.Properties.ETag?.ToString() ?? string.Empty);
            if (item.ETag.Length == 0 || _taken.Contains(item.RunId))
            {
                continue;
            }

            fresh.Add(new Candidate(item, modified ?? DateTimeOffset.MinValue));
        }

        return fresh;
    }

    /// <summary>
    /// Of the fresh versions, those whose receipt is missing or was left unfinished long enough ago to be
    /// recovered. The receipts are listed by the names' common prefix, so the versions that another intake
    /// has taken (a drop, another scanner) cost no request each; a version the listing does not cover goes to
    /// the enqueuer, whose conditional create decides. A version whose receipt is unfinished but young is
    /// neither taken nor remembered: it holds the scan cutoff (<paramref name="unsettled"/>), so every later
    /// scan looks at it again until its receipt is stamped.
    /// </summary>
    private async Task<List<Candidate>> UntakenAsync(List<Candidate> fresh, OldestTime unsettled, CancellationToken cancellationToken)
    {
        var listable = fresh.Where(c => !c.Item.ReceiptBlob.StartsWith(OutputNames.ReceiptsPrefix + OutputNames.EscapedPrefix, StringComparison.Ordinal)).ToList();
        if (listable.Count == 0)
        {
            return fresh;
        }

        var receipts = new Dictionary<string, (bool Enqueued, DateTimeOffset? Written)>(StringComparer.Ordinal);
        var pages = 0;
        foreach (var namePrefix in ReceiptPrefixes(listable.Select(c => c.Item.Name)))
        {
            if (pages >= MaxReceiptPages)
            {
                break;
            }

            var prefix = OutputNames.ReceiptsOf(_storage.Raw.Name, namePrefix);
            await foreach (var page in _storage.State.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix, Traits = BlobTraits.Metadata }, cancellationToken)
                .AsPages(pageSizeHint: ReceiptPageSize).ConfigureAwait(false))
            {
                foreach (var receipt in page.Values)
                {
                    receipts[receipt.Name] = (receipt.Metadata?.ContainsKey(Receipt.EnqueuedMetadata) == true, receipt.Properties.LastModified);
                }

                if (++pages == MaxReceiptPages)
                {
                    break; // the rest are checked one by one by the enqueuer
                }
            }
        }

        var now = _time.GetUtcNow();
        var untaken = new List<Candidate>(fresh.Count);
        foreach (var candidate in fresh)
        {
            if (receipts.TryGetValue(candidate.Item.ReceiptBlob, out var receipt))
            {
                if (receipt.Enqueued)
                {
                    _taken.Add(candidate.Item.RunId);
                    continue;
                }

                // Unfinished: its intake may still be enqueuing it, unless it is old enough to recover or the
                // receipt is this scanner's own from a call an outage broke off.
                if (receipt.Written is { } written && now - written < _options.ReceiptRecoveryAge && !_ownClaims.ContainsKey(candidate.Item.RunId))
                {
                    unsettled.Add(candidate.Modified);
                    continue;
                }
            }

            untaken.Add(candidate);
        }

        return untaken;
    }

    /// <summary>
    /// Whether the blob was uploaded by a dropper (<see cref="BlobDropper.DroppedMetadata"/>) less than
    /// <see cref="IntakeOptions.DroppedBlobGrace"/> ago, so that its dropper is still enqueuing it. Read per blob
    /// because the listing leaves metadata out, for the versions the receipt listing did not settle: fresh
    /// blobs without a receipt, and the few it cannot judge (escaped names, receipts beyond its page budget,
    /// old unstamped receipts). It reads the blob's current properties; a newer version dropped meanwhile has
    /// its own receipt and run.
    /// </summary>
    private async Task<bool> IsBeingDroppedAsync(WorkItem item, CancellationToken cancellationToken)
    {
        BlobProperties properties;
        try
        {
            properties = (await _storage.Raw.GetBlobClient(item.Name).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false; // deleted since the listing: the enqueuer's run will say so
        }

        return properties.Metadata.ContainsKey(BlobDropper.DroppedMetadata) && _time.GetUtcNow() - properties.LastModified < _options.DroppedBlobGrace;
    }

    /// <summary>
    /// The name prefixes to list the receipts of <paramref name="names"/> by: their common prefix, or, when
    /// the names fall into at most <see cref="MaxReceiptListings"/> groups by the next character, one prefix
    /// per group. A common prefix also covers the receipts of every older blob that shares it (new names
    /// <c>doc-0500</c> to <c>doc-0720</c> share <c>doc-0</c> with a thousand older ones); names written in
    /// sequence, as scrapers often name files, fall into few groups that cover far fewer old receipts.
    /// </summary>
    internal static IReadOnlyList<string> ReceiptPrefixes(IEnumerable<string> names)
    {
        var keys = names.Select(n => n + "/").ToList(); // a receipt is named {name}/{etag}
        if (keys.Count == 0)
        {
            return [];
        }

        var common = WholeCharacters(CommonPrefix(keys));
        var groups = keys.Select(k => WholeCharacters(k[..Math.Min(k.Length, common.Length + 1)])).Distinct(StringComparer.Ordinal).ToList();
        return groups.Count <= MaxReceiptListings && !groups.Contains(common, StringComparer.Ordinal) ? groups : [common];
    }

    // A prefix cut inside a surrogate pair would be sent as U+FFFD and match nothing: keep whole characters.
    private static string WholeCharacters(string prefix) =>
        prefix.Length > 0 && char.IsHighSurrogate(prefix[^1]) ? prefix[..^1] : prefix;

    private static string CommonPrefix(IEnumerable<string> names)
    {
        string? prefix = null;
        foreach (var name in names)
        {
            prefix = prefix is null ? name : prefix[..prefix.AsSpan().CommonPrefixLength(name)];
        }

        return prefix ?? string.Empty;
    }

    private async Task<ScanState?> LoadStateAsync(CancellationToken cancellationToken)
    {
        try
        {
            var content = await _storage.State.GetBlobClient(OutputNames.ScanState(_storage.Raw.Name))
                .DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return JsonSerializer.Deserialize(content.Value.Content.ToMemory().Span, RuntimeJson.Default.ScanState);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>A raw blob version a scan looks at, with its modification time (what holds the cutoff).</summary>
    private readonly record struct Candidate(WorkItem Item, DateTimeOffset Modified);

    /// <summary>The earliest of the times added, from any thread; null until one is.</summary>
    private sealed class OldestTime
    {
        private long _ticks = long.MaxValue;

        public DateTimeOffset? Value => Interlocked.Read(ref _ticks) is var t && t == long.MaxValue ? null : new DateTimeOffset(t, TimeSpan.Zero);

        public void Add(DateTimeOffset time)
        {
            var ticks = time.UtcTicks;
            for (var seen = Interlocked.Read(ref _ticks); ticks < seen;)
            {
                var previous = Interlocked.CompareExchange(ref _ticks, ticks, seen);
                if (previous == seen)
                {
                    return;
                }

                seen = previous;
            }
        }
    }

    private Task SaveStateAsync(ScanState state, CancellationToken cancellationToken) =>
        _storage.State.GetBlobClient(OutputNames.ScanState(_storage.Raw.Name)).UploadAsync(
            BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(state, RuntimeJson.Default.ScanState)),
            overwrite: true,
            cancellationToken);
}
