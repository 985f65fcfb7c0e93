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
/// <b>One retry layer: Polly, per request.</b> The SDK's own retries are replaced (<c>ClientOptions.RetryPolicy</c>)
/// by the Polly pipeline of <see cref="Resilience.StorageResiliencePipeline.Create"/>, so every request of
/// every client is retried by one policy with one set of options and no layer above it (steps are not retried as
/// a whole; a failed run is redelivered by the queue, the durable layer). Two stacked layers would multiply
/// requests (5 SDK tries x 6 Polly tries = 30 per call) and hide faults. Retrying per request rather than per
/// step matters: a step makes many requests, so under a steady share of 503s (throttling) a whole-step retry
/// almost never succeeds (0.7^40 at 30 %), while per request each call nearly always does.
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
    /// <param name="requestRetry">The retry pipeline every request runs in; null for no retries at all.</param>
    /// <param name="attemptTimeout">Timeout of one try of a request (the clients' network timeout); the SDK default when null.</param>
    public StorageClientFactory(
        StorageConnection connection,
        QueueMessageEncoding messageEncoding = QueueMessageEncoding.Base64,
        IEnumerable<HttpPipelinePolicy>? policies = null,
        Polly.ResiliencePipeline? requestRetry = null,
        TimeSpan? attemptTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Connection = connection;
        MessageEncoding = messageEncoding;
        _policies = policies?.ToArray() ?? [];
        _requestRetry = requestRetry;
        _attemptTimeout = attemptTimeout;
    }

    private readonly HttpPipelinePolicy[] _policies;
    private readonly Polly.ResiliencePipeline? _requestRetry;
    private readonly TimeSpan? _attemptTimeout;

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
        // See the class remarks: Polly, per request, is the one retry layer.
        options.Retry.MaxRetries = 0;
        if (_requestRetry is not null)
        {
            options.RetryPolicy = new Resilience.PollyRetryPolicy(_requestRetry);
        }

        if (_attemptTimeout is { } timeout)
        {
            options.Retry.NetworkTimeout = timeout;
        }
        foreach (var policy in _policies)
        {
            options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        }
    }
}
