using Microsoft.Extensions.Logging;

namespace Pipeline.Storage;

/// <summary>
/// Every log message of Pipeline.Storage, source-generated, with stable event ids so that alerts and
/// queries can rely on them. Ranges: 1000-1099 resilience, 1100-1199 Azurite launcher.
/// </summary>
internal static partial class Log
{
    // Warning once per operation (on its first retry), Debug per attempt: an outage must show up
    // once in the log, not once per retry. The Warning is one line without the exception: in an outage
    // every request in flight logs it, and a transport fault's stack trace says nothing the fault does not.
    [LoggerMessage(EventId = 1000, EventName = "StorageOperationRetrying", Level = LogLevel.Warning,
        Message = "Storage operation {Operation} failed transiently ({Fault}); retrying up to {MaxRetryAttempts} times with backoff")]
    public static partial void StorageOperationRetrying(ILogger logger, string operation, string fault, int maxRetryAttempts);

    [LoggerMessage(EventId = 1001, EventName = "StorageRetryAttempt", Level = LogLevel.Debug,
        Message = "Storage operation {Operation}: retry {Attempt} in {Delay} after {Fault}")]
    public static partial void StorageRetryAttempt(ILogger logger, string operation, int attempt, TimeSpan delay, string fault, Exception? exception);

    [LoggerMessage(EventId = 1100, EventName = "AzuriteInstalling", Level = LogLevel.Information,
        Message = "Azurite is not installed in {AzuriteDirectory}; running npm ci (first run only)")]
    public static partial void AzuriteInstalling(ILogger logger, string azuriteDirectory);

    [LoggerMessage(EventId = 1101, EventName = "AzuriteStarting", Level = LogLevel.Information,
        Message = "Starting Azurite (blob {BlobPort}, queue {QueuePort}, table {TablePort}) with data in {DataDirectory}")]
    public static partial void AzuriteStarting(ILogger logger, int blobPort, int queuePort, int tablePort, string dataDirectory);

    [LoggerMessage(EventId = 1102, EventName = "AzuriteStarted", Level = LogLevel.Information,
        Message = "Azurite is listening (process {ProcessId})")]
    public static partial void AzuriteStarted(ILogger logger, int processId);

    [LoggerMessage(EventId = 1103, EventName = "AzuriteStopping", Level = LogLevel.Information,
        Message = "Stopping Azurite (process {ProcessId})")]
    public static partial void AzuriteStopping(ILogger logger, int processId);

    [LoggerMessage(EventId = 1104, EventName = "AzuriteKilled", Level = LogLevel.Warning,
        Message = "Azurite (process {ProcessId}) did not exit within {Timeout} of SIGTERM; killed it")]
    public static partial void AzuriteKilled(ILogger logger, int processId, TimeSpan timeout);

    [LoggerMessage(EventId = 1105, EventName = "AzuritePortTaken", Level = LogLevel.Debug,
        Message = "A port picked for Azurite was taken before Azurite bound it; picking new ports (try {Attempt})")]
    public static partial void AzuritePortTaken(ILogger logger, int attempt);
}
