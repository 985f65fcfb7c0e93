using Azure;
using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Pipeline.Storage.Intake;
using Pipeline.Storage.Runtime;

namespace Pipeline.Functions;

/// <summary>
/// Intake in Azure: Event Grid's BlobCreated event for a blob in the raw container (the blob trigger's
/// <see cref="BlobTriggerSource.EventGrid"/> source) becomes that blob version's one work item, through the
/// same receipt-then-enqueue path as the scanner and <c>pipeline drop</c>.
/// </summary>
/// <param name="enqueuer">The shared enqueuer.</param>
/// <param name="logger">The logger.</param>
public sealed class BlobIntakeFunction(WorkItemEnqueuer enqueuer, ILogger<BlobIntakeFunction> logger)
{
    /// <summary>The function's name; the Event Grid subscription's webhook names it (<c>functionName=Host.Functions.BlobIntake</c>).</summary>
    public const string Name = "BlobIntake";

    /// <summary>Enqueues the blob's current version unless its receipt is already taken.</summary>
    /// <param name="blob">The blob the event names; bound as a client so its content is not downloaded here.</param>
    /// <param name="cancellationToken">Signalled when the host shuts down.</param>
    [Function(Name)]
    public async Task RunAsync(
        [BlobTrigger(Bindings.RawBlobs, Source = BlobTriggerSource.EventGrid, Connection = Bindings.Connection)] BlobClient blob,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        ETag eTag;
        try
        {
            // The version is the blob's ETag, read as the scanner reads it, so both name the same run.
            eTag = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value.ETag;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            Log.BlobGone(logger, blob.BlobContainerName, blob.Name);
            return;
        }

        var item = new WorkItem(blob.BlobContainerName, blob.Name, eTag.ToString());
        if (await enqueuer.TryEnqueueAsync(item, cancellationToken).ConfigureAwait(false))
        {
            Log.BlobEnqueued(logger, item.Container, item.Name, item.ETag);
        }
        else
        {
            Log.BlobAlreadyTaken(logger, item.Container, item.Name, item.ETag);
        }
    }
}
