using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Pipeline.Storage.Runtime;

/// <summary>
/// Keeps a received message invisible while its run goes on, renewing the visibility at a third of the
/// lease, and settles it at the end: deleted, released for a retry, or released at once on shutdown.
/// If a renewal finds the message gone or taken (404/400 pop receipt mismatch), the run's token is
/// cancelled: another worker owns the run now.
/// </summary>
internal sealed class MessageLease : IAsyncDisposable
{
    private readonly QueueClient _queue;
    private readonly string _messageId;
    private readonly TimeSpan _lease;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stopRenewing = new();
    private readonly Task _renewal;
    private string _popReceipt;
    private bool _settled;
    private CancellationTokenSource? _linked;

    public MessageLease(QueueClient queue, QueueMessage message, TimeSpan lease, TimeProvider time)
    {
        _queue = queue;
        _messageId = message.MessageId;
        _popReceipt = message.PopReceipt;
        _lease = lease;
        _renewal = RenewAsync(time);
    }

    /// <summary>A token cancelled when <paramref name="outer"/> is, or when the lease is lost.</summary>
    public CancellationToken Token(CancellationToken outer)
    {
        _linked ??= CancellationTokenSource.CreateLinkedTokenSource(outer, _lost.Token);
        return _linked.Token;
    }

    /// <summary>Whether a renewal found the message gone or taken by another receiver.</summary>
    public bool IsLost => _lost.IsCancellationRequested;

    /// <summary>Deletes the message; false when it was already gone or taken by another receiver.</summary>
    public async Task<bool> DeleteAsync(CancellationToken cancellationToken)
    {
        var deleted = true;
        await SettleAsync(async receipt =>
        {
            try
            {
                await _queue.DeleteMessageAsync(_messageId, receipt, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 400)
            {
                // Already gone, or received again by another worker after our lease ran out (pop receipt
                // mismatch): that delivery settles it, and runs are idempotent.
                deleted = false;
            }
        }).ConfigureAwait(false);
        return deleted;
    }

    public Task ReleaseAsync(TimeSpan visibility, CancellationToken cancellationToken) => SettleAsync(async receipt =>
    {
        try
        {
            await _queue.UpdateMessageAsync(_messageId, receipt, visibilityTimeout: visibility, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 400)
        {
            // Gone or owned by another delivery: nothing left to release.
        }
    });

    public async Task TryReleaseAsync()
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await ReleaseAsync(TimeSpan.Zero, cts.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Best effort: if storage is away, the lease runs out by itself and the run is picked up then.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopRenewing.CancelAsync().ConfigureAwait(false);
        await _renewal.ConfigureAwait(false);
        _linked?.Dispose();
        _stopRenewing.Dispose();
        _lost.Dispose();
        _gate.Dispose();
    }

    private async Task SettleAsync(Func<string, Task> settle)
    {
        await _stopRenewing.CancelAsync().ConfigureAwait(false);
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_settled)
            {
                return;
            }

            await settle(_popReceipt).ConfigureAwait(false);
            _settled = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RenewAsync(TimeProvider time)
    {
        var period = _lease / 3;
        try
        {
            while (true)
            {
                await Task.Delay(period, time, _stopRenewing.Token).ConfigureAwait(false);
                await _gate.WaitAsync(_stopRenewing.Token).ConfigureAwait(false);
                try
                {
                    // Not cancelled by settling: a renewal cut off after the service applied it would leave us
                    // holding a stale pop receipt, and the delete that follows would fail.
                    using var timeout = new CancellationTokenSource(_lease / 3);
                    var response = await _queue.UpdateMessageAsync(_messageId, _popReceipt, visibilityTimeout: _lease, cancellationToken: timeout.Token).ConfigureAwait(false);
                    _popReceipt = response.Value.PopReceipt;
                }
                catch (RequestFailedException ex) when (ex.Status is 404 or 400)
                {
                    await _lost.CancelAsync().ConfigureAwait(false);
                    return;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A transient fault: try again next period; the lease still has two thirds to run.
                }
                finally
                {
                    _gate.Release();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
