using Microsoft.Extensions.Logging;

namespace Pipeline.Functions;

/// <summary>The Functions adapter's log messages (event ids 2000-2099; the shared runtime logs the runs themselves).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2000, EventName = "BlobEnqueued", Level = LogLevel.Information,
        Message = "Blob {Container}/{Name} ({ETag}) enqueued from Event Grid")]
    public static partial void BlobEnqueued(ILogger logger, string container, string name, string eTag);

    [LoggerMessage(EventId = 2001, EventName = "BlobAlreadyTaken", Level = LogLevel.Debug,
        Message = "Blob {Container}/{Name} ({ETag}) already has a receipt; not enqueued again")]
    public static partial void BlobAlreadyTaken(ILogger logger, string container, string name, string eTag);

    [LoggerMessage(EventId = 2002, EventName = "BlobGone", Level = LogLevel.Information,
        Message = "Blob {Container}/{Name} no longer exists; nothing to enqueue")]
    public static partial void BlobGone(ILogger logger, string container, string name);

    [LoggerMessage(EventId = 2003, EventName = "MalformedWorkItem", Level = LogLevel.Error,
        Message = "Message {MessageId} on the work queue is not a work item (delivery {Delivery}); moved to the poison queue: {Error}")]
    public static partial void MalformedWorkItem(ILogger logger, string messageId, long delivery, string error);

    [LoggerMessage(EventId = 2004, EventName = "ScanCompleted", Level = LogLevel.Information,
        Message = "Fallback scan enqueued {Count} blob versions that no event had delivered")]
    public static partial void ScanCompleted(ILogger logger, int count);
}
