using Microsoft.Extensions.Logging;

namespace Pipeline.Storage;

/// <summary>
/// Every log message of Pipeline.Storage, source-generated, with stable event ids so that alerts and
/// queries can rely on them. Ranges: 1000-1099 resilience (1100-1199, the Azurite launcher's, are Pipeline.Development's).
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
}
