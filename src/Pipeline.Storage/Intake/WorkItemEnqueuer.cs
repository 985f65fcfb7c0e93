using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Storage.Outputs;
using Pipeline.Storage.Runtime;

namespace Pipeline.Storage.Intake;

/// <summary>
/// Turns one blob version into exactly one work item: takes its receipt with <c>If-None-Match: *</c>
/// (whoever creates the receipt owns the enqueue), enqueues, then stamps the receipt. Used by the scanner
/// and by <c>pipeline drop</c>, so the two never enqueue the same version twice. A blob its dropper has just
/// uploaded takes a shorter path, <see cref="EnqueueDroppedAsync"/>.
/// </summary>
public sealed class WorkItemEnqueuer
{
    private readonly PipelineStorage _storage;
    private readonly IntakeOptions _options;
    private readonly ILogger<WorkItemEnqueuer> _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates the enqueuer.</summary>
    public WorkItemEnqueuer(PipelineStorage storage, IOptions<IntakeOptions> options, ILogger<WorkItemEnqueuer> logger, TimeProvider? time = null)
    {
        _storage = storage;
        _options = options.Value;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Enqueues the blob version unless its receipt is already taken.</summary>
    /// <returns>True when this call enqueued the item.</returns>
    public async Task<bool> TryEnqueueAsync(WorkItem item, CancellationToken cancellationToken) =>
        await TakeAsync(item, NewClaim(), claimUsedBefore: false, cancellationToken).ConfigureAwait(false) == IntakeOutcome.Enqueued;

    /// <summary>
    /// Takes the blob version's receipt and enqueues it, or says why not: another intake settled it, or its
    /// receipt is unfinished but too young to recover (the caller must look at it again later).
    /// </summary>
    /// <param name="item">The blob version.</param>
    /// <param name="claim">
    /// The token the receipt is created with (<see cref="NewClaim"/>). A caller whose call failed after the receipt
    /// may have been created (an outage) calls again with the same token: the receipt is then recognised as its
    /// own and finished at once, rather than after <see cref="IntakeOptions.ReceiptRecoveryAge"/>.
    /// </param>
    /// <param name="claimUsedBefore">Whether an earlier call used <paramref name="claim"/> (its enqueue may have happened).</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>What became of the version.</returns>
    public async Task<IntakeOutcome> TakeAsync(WorkItem item, string claim, bool claimUsedBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentException.ThrowIfNullOrEmpty(claim);
        var receiptBlob = _storage.State.GetBlobClient(item.ReceiptBlob);
        var receipt = new Receipt(_time.GetUtcNow(), EnqueuedAt: null, Claim: claim);
        ETag receiptETag;
        try
        {
            var created = await receiptBlob.UploadAsync(
                BinaryData.Empty,
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All }, Metadata = receipt.ToMetadata() },
                cancellationToken).ConfigureAwait(false);
            receiptETag = created.Value.ETag;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            var recovered = await TryRecoverAsync(receiptBlob, item, claim, cancellationToken).ConfigureAwait(false);
            if (recovered.Outcome != IntakeOutcome.Enqueued)
            {
                return recovered.Outcome;
            }

            (receipt, receiptETag) = (recovered.Receipt!, recovered.ETag);

            // Recovering another intake's receipt, or one of ours from an earlier call: its enqueue may have happened
            // after all, so the run may have checkpoints. Our own receipt of this very call (the create's answer was
            // lost) has had no enqueue yet: a plain first delivery.
            item = item with { Resume = claimUsedBefore || !string.Equals(receipt.Claim, claim, StringComparison.Ordinal) };
        }

        await EnqueueAsync(item, cancellationToken).ConfigureAwait(false);
        try
        {
            await receiptBlob.UploadAsync(
                BinaryData.Empty,
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = receiptETag }, Metadata = (receipt with { EnqueuedAt = _time.GetUtcNow() }).ToMetadata() },
                cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            // Another intake recovered the same receipt meanwhile; it enqueued too, and runs are idempotent.
        }

        return IntakeOutcome.Enqueued;
    }

    /// <summary>A fresh claim token for <see cref="TakeAsync"/>.</summary>
    public static string NewClaim() => Guid.NewGuid().ToString("N");

    /// <summary>
    /// Enqueues a blob version its caller has just uploaded with <see cref="BlobDropper.DroppedMetadata"/>, then
    /// writes its receipt already stamped: two round trips where <see cref="TryEnqueueAsync"/> takes three.
    /// Scanners leave such a blob alone for <see cref="IntakeOptions.DroppedBlobGrace"/>, so none enqueues it
    /// in between. If this process dies between the enqueue and the receipt, a scanner enqueues the version
    /// again after the grace: a second work item for the same run, which costs work but changes no result.
    /// </summary>
    public async Task EnqueueDroppedAsync(WorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        await EnqueueAsync(item, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var receipt = new Receipt(now, EnqueuedAt: now, Claim: NewClaim());
        try
        {
            await _storage.State.GetBlobClient(item.ReceiptBlob).UploadAsync(
                BinaryData.Empty,
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All }, Metadata = receipt.ToMetadata() },
                cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // A scanner took the version first (this process was slower than the grace); runs are idempotent.
        }
    }

    /// <summary>Puts a work item on the queue without a receipt (<c>pipeline replay</c>: a deliberate rerun).</summary>
    public Task EnqueueAsync(WorkItem item, CancellationToken cancellationToken) =>
        _storage.Work.SendMessageAsync(JsonSerializer.Serialize(item, RuntimeJson.Default.WorkItem), cancellationToken);

    private async Task<(IntakeOutcome Outcome, Receipt? Receipt, ETag ETag)> TryRecoverAsync(Azure.Storage.Blobs.BlobClient receiptBlob, WorkItem item, string claim, CancellationToken cancellationToken)
    {
        BlobDownloadResult existing;
        try
        {
            existing = (await receiptBlob.DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return (IntakeOutcome.Pending, null, default); // removed since the create met it: the next look takes it afresh
        }

        var receipt = Receipt.Read(existing);

        // Our own create took effect but its answer was lost (the retry met 409), or an earlier call of ours stopped
        // after the create: the enqueue is still ours.
        if (receipt is { EnqueuedAt: null } && string.Equals(receipt.Claim, claim, StringComparison.Ordinal))
        {
            return (IntakeOutcome.Enqueued, receipt, existing.Details.ETag);
        }

        if (receipt is null || receipt.EnqueuedAt is not null)
        {
            return (IntakeOutcome.Taken, null, default); // settled (an unreadable receipt cannot be recovered either)
        }

        if (_time.GetUtcNow() - receipt.CreatedAt < _options.ReceiptRecoveryAge)
        {
            return (IntakeOutcome.Pending, null, default); // its intake may still be enqueuing it
        }

        // Claim the recovery itself with the receipt's ETag, so two scanners do not both re-enqueue.
        try
        {
            var refreshed = receipt with { CreatedAt = _time.GetUtcNow() };
            var updated = await receiptBlob.UploadAsync(
                BinaryData.Empty,
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = existing.Details.ETag }, Metadata = refreshed.ToMetadata() },
                cancellationToken).ConfigureAwait(false);
            Log.ReceiptRecovered(_logger, item.Name, item.ETag);
            return (IntakeOutcome.Enqueued, refreshed, updated.Value.ETag);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return (IntakeOutcome.Pending, null, default); // another intake is recovering it; looked at again until stamped
        }
    }
}
