using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Pipeline.Storage.Configuration;

/// <summary>
/// Creates the Blob, Queue and Table service clients for one <see cref="StorageConnection"/>, all
/// configured alike. Immutable and thread-safe; the clients it returns are thread-safe too, so a
/// host creates each once and shares it.
/// </summary>
/// <remarks>
/// <para>
/// <b>Two retry layers, the inner one short.</b> Each request is retried by the client itself at most
/// <see cref="RequestRetries"/> times, quickly (100 ms, doubling, at most 1 s), for transient statuses and
/// lost connections; the Polly pipeline of <see cref="Resilience.StorageResiliencePipeline"/> retries whole
/// operations (a step) with longer backoff and logs it. Polly alone was too coarse: a step makes dozens of
/// requests (the dedup index's bands), so under a steady share of 503s (throttling) the whole step failed
/// on almost every try (0.7^40 at 30 %); the short inner layer makes each request nearly certain to pass
/// while an outage still surfaces to Polly, and to the log, within about two seconds.
/// </para>
/// <para>
/// <b>Emulator API version.</b> Azurite 3.37.0 refuses the newest API version the current SDKs send,
/// so for the emulator the clients pin one it accepts (Blobs and Queues <c>2025-11-05</c>, Tables
/// <c>2019-02-02</c>). This also makes a user's own Azurite, started without
/// <c>--skipApiVersionCheck</c>, work.
/// </para>
/// <para>
/// <b>Queue messages are Base64</b>, the default of the Azure Functions queue trigger
/// (<c>messageEncoding: base64</c>), so messages written by the Functions host and by the local host
/// can be read by either.
/// </para>
/// </remarks>
public sealed class StorageClientFactory
{
    /// <summary>How many times the clients retry one request that got a transient status (408, 429, 500, 502, 503, 504) or no response.</summary>
    public const int RequestRetries = 3;

    /// <summary>The Blob API version pinned for the emulator.</summary>
    public const BlobClientOptions.ServiceVersion EmulatorBlobServiceVersion = BlobClientOptions.ServiceVersion.V2025_11_05;

    /// <summary>The Queue API version pinned for the emulator.</summary>
    public const QueueClientOptions.ServiceVersion EmulatorQueueServiceVersion = QueueClientOptions.ServiceVersion.V2025_11_05;

    /// <summary>The Table API version pinned for the emulator.</summary>
    public const TableClientOptions.ServiceVersion EmulatorTableServiceVersion = TableClientOptions.ServiceVersion.V2019_02_02;

    /// <summary>Creates a factory for one account.</summary>
    /// <param name="connection">The account.</param>
    /// <param name="messageEncoding">How queue message bodies are encoded; Base64 as in Azure Functions.</param>
    /// <param name="policies">Extra HTTP pipeline policies every client runs on each try (e.g. fault injection); none by default.</param>
    public StorageClientFactory(StorageConnection connection, QueueMessageEncoding messageEncoding = QueueMessageEncoding.Base64, IEnumerable<HttpPipelinePolicy>? policies = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Connection = connection;
        MessageEncoding = messageEncoding;
        _policies = policies?.ToArray() ?? [];
    }

    private readonly HttpPipelinePolicy[] _policies;

    /// <summary>The account the clients talk to.</summary>
    public StorageConnection Connection { get; }

    /// <summary>The queue message encoding of the queue clients.</summary>
    public QueueMessageEncoding MessageEncoding { get; }

    /// <summary>Creates a Blob service client.</summary>
    /// <returns>A new, thread-safe client.</returns>
    public BlobServiceClient CreateBlobServiceClient()
    {
        var options = Connection.IsEmulator ? new BlobClientOptions(EmulatorBlobServiceVersion) : new BlobClientOptions();
        Configure(options);
        return Connection.CredentialKind switch
        {
            StorageCredentialKind.SharedKey => new BlobServiceClient(Connection.BlobServiceUri, SharedKey(), options),
            StorageCredentialKind.SharedAccessSignature => new BlobServiceClient(Connection.BlobServiceUri, Sas(), options),
            _ => new BlobServiceClient(Connection.BlobServiceUri, Connection.TokenCredential!, options),
        };
    }

    /// <summary>Creates a Queue service client.</summary>
    /// <returns>A new, thread-safe client using <see cref="MessageEncoding"/>.</returns>
    public QueueServiceClient CreateQueueServiceClient()
    {
        var options = Connection.IsEmulator ? new QueueClientOptions(EmulatorQueueServiceVersion) : new QueueClientOptions();
        options.MessageEncoding = MessageEncoding;
        Configure(options);
        return Connection.CredentialKind switch
        {
            StorageCredentialKind.SharedKey => new QueueServiceClient(Connection.QueueServiceUri, SharedKey(), options),
            StorageCredentialKind.SharedAccessSignature => new QueueServiceClient(Connection.QueueServiceUri, Sas(), options),
            _ => new QueueServiceClient(Connection.QueueServiceUri, Connection.TokenCredential!, options),
        };
    }

    /// <summary>Creates a Table service client.</summary>
    /// <returns>A new, thread-safe client.</returns>
    public TableServiceClient CreateTableServiceClient()
    {
        var options = Connection.IsEmulator ? new TableClientOptions(EmulatorTableServiceVersion) : new TableClientOptions();
        Configure(options);
        return Connection.CredentialKind switch
        {
            StorageCredentialKind.SharedKey => new TableServiceClient(Connection.TableServiceUri,
                new TableSharedKeyCredential(Connection.AccountName!, Connection.AccountKey!), options),
            StorageCredentialKind.SharedAccessSignature => new TableServiceClient(Connection.TableServiceUri, Sas(), options),
            _ => new TableServiceClient(Connection.TableServiceUri, Connection.TokenCredential!, options),
        };
    }

    private StorageSharedKeyCredential SharedKey() => new(Connection.AccountName!, Connection.AccountKey!);

    private AzureSasCredential Sas() => new(Connection.SharedAccessSignature!);

    private void Configure(ClientOptions options)
    {
        // See the class remarks: a few quick tries per request, the Polly pipeline around whole operations.
        options.Retry.MaxRetries = RequestRetries;
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.Delay = TimeSpan.FromMilliseconds(100);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        foreach (var policy in _policies)
        {
            options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        }
    }
}
