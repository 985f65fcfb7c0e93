using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace Pipeline.Storage.Runtime;

/// <summary>
/// The containers, queues and table of one pipeline on one storage account. Immutable and thread-safe,
/// like the SDK clients it holds.
/// </summary>
public sealed class PipelineStorage
{
    /// <summary>Creates the set of clients from the service clients and the names in <paramref name="options"/>.</summary>
    public PipelineStorage(BlobServiceClient blobs, QueueServiceClient queues, TableServiceClient tables, IOptions<PipelineStorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(tables);
        Options = options.Value;
        Blobs = blobs;
        Queues = queues;
        Raw = blobs.GetBlobContainerClient(Options.RawContainer);
        Processed = blobs.GetBlobContainerClient(Options.ProcessedContainer);
        Results = blobs.GetBlobContainerClient(Options.ResultsContainer);
        State = blobs.GetBlobContainerClient(Options.StateContainer);
        Work = queues.GetQueueClient(Options.WorkQueue);
        Poison = queues.GetQueueClient(Options.PoisonQueue);
        Events = queues.GetQueueClient(Options.EventsQueue);
        Dedup = tables.GetTableClient(Options.DedupTable);
    }

    /// <summary>The names and timings.</summary>
    public PipelineStorageOptions Options { get; }

    /// <summary>The account's blob service.</summary>
    public BlobServiceClient Blobs { get; }

    /// <summary>The account's queue service.</summary>
    public QueueServiceClient Queues { get; }

    /// <summary>Where inputs arrive.</summary>
    public BlobContainerClient Raw { get; }

    /// <summary>Canonical documents.</summary>
    public BlobContainerClient Processed { get; }

    /// <summary>One result record per input.</summary>
    public BlobContainerClient Results { get; }

    /// <summary>Receipts, checkpoints, last errors, scan state.</summary>
    public BlobContainerClient State { get; }

    /// <summary>Work items.</summary>
    public QueueClient Work { get; }

    /// <summary>Work items that failed <c>maxDequeueCount</c> times.</summary>
    public QueueClient Poison { get; }

    /// <summary>Result events for downstream consumers.</summary>
    public QueueClient Events { get; }

    /// <summary>The dedup index.</summary>
    public TableClient Dedup { get; }

    /// <summary>Creates every container, queue and table that does not exist yet.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        var tasks = new List<Task>
        {
            Raw.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            Processed.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            Results.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            State.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            Work.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            Poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            Events.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            CreateTableAsync(cancellationToken),
        };
        await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private async Task CreateTableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Dedup.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Another process created it between the check and the create.
        }
    }
}
