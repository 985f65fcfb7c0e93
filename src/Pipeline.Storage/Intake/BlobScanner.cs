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
/// scan (kept in storage, so any scanner continues where another left off) are skipped without a call.
/// </summary>
public sealed class BlobScanner
{
    private const int PageSize = 1000;
    private readonly PipelineStorage _storage;
    private readonly WorkItemEnqueuer _enqueuer;
    private readonly IntakeOptions _options;
    private readonly TimeProvider _time;
    private readonly RecentSet _taken;

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
        var cutoff = state is null ? DateTimeOffset.MinValue : state.LastScanStartedAt - _options.ClockSkewMargin;
        var enqueued = 0;
        await foreach (var page in _storage.Raw.GetBlobsAsync(cancellationToken: cancellationToken).AsPages(pageSizeHint: PageSize).ConfigureAwait(false))
        {
            var fresh = page.Values
                .Where(b => b.Properties.LastModified is not { } modified || modified >= cutoff)
                .Select(b => new WorkItem(_storage.Raw.Name, b.Name, b.Properties.ETag?.ToString() ?? string.Empty))
                .Where(item => item.ETag.Length > 0 && !_taken.Contains(item.RunId))
                .ToList();
            await Parallel.ForEachAsync(fresh, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentEnqueues, CancellationToken = cancellationToken }, async (item, ct) =>
            {
                if (await _enqueuer.TryEnqueueAsync(item, ct).ConfigureAwait(false))
                {
                    Interlocked.Increment(ref enqueued);
                }

                _taken.Add(item.RunId);
            }).ConfigureAwait(false);
        }

        await SaveStateAsync(new ScanState(startedAt), cancellationToken).ConfigureAwait(false);
        return enqueued;
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

    private Task SaveStateAsync(ScanState state, CancellationToken cancellationToken) =>
        _storage.State.GetBlobClient(OutputNames.ScanState(_storage.Raw.Name)).UploadAsync(
            BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(state, RuntimeJson.Default.ScanState)),
            overwrite: true,
            cancellationToken);
}
