using Microsoft.Extensions.Logging;

namespace Pipeline.Development;

/// <summary>
/// Every log message of Pipeline.Development, source-generated, with stable event ids. Range: 1100-1199 Azurite
/// launcher (ids kept from when it lived in Pipeline.Storage).
/// </summary>
internal static partial class Log
{
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
