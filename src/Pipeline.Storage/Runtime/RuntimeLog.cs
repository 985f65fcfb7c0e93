using Microsoft.Extensions.Logging;
using Pipeline.Core.Documents;

namespace Pipeline.Storage;

/// <summary>Log messages of the durable runtime (event ids 100-199; see Log.cs for the rest).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "{Name} -> {Status} {Id} {Detail}")]
    public static partial void RunCompleted(ILogger logger, string name, string status, string id, string detail);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Run {RunId} for {Name} failed on delivery {Delivery} of {MaxDeliveries}; it will be retried after {RetryDelay}")]
    public static partial void RunFailedWillRetry(ILogger logger, string runId, string name, long delivery, int maxDeliveries, TimeSpan retryDelay, Exception exception);

    [LoggerMessage(EventId = 116, Level = LogLevel.Warning, Message = "Run {RunId} for {Name} failed on delivery {Delivery} of {MaxDeliveries} on a transient storage fault; it will be retried after {RetryDelay}: {Error}")]
    public static partial void RunFailedOnStorageFault(ILogger logger, string runId, string name, long delivery, int maxDeliveries, TimeSpan retryDelay, string error);

    [LoggerMessage(EventId = 115, Level = LogLevel.Error, Message = "Run {RunId} for {Name} failed on its last delivery ({Delivery})")]
    public static partial void RunFailedLastDelivery(ILogger logger, string runId, string name, long delivery, Exception exception);

    [LoggerMessage(EventId = 102, Level = LogLevel.Error, Message = "Run {RunId} for {Name} failed {Delivery} times and was moved to the poison queue: {Error}")]
    public static partial void RunPoisoned(ILogger logger, string runId, string name, long delivery, string error);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "Run {RunId} for {Name} ended without outputs: {Reason}")]
    public static partial void RunSuperseded(ILogger logger, string runId, string name, string reason);

    [LoggerMessage(EventId = 104, Level = LogLevel.Error, Message = "A message on the work queue is not a work item and was moved to the poison queue: {Error}")]
    public static partial void MalformedWorkItem(ILogger logger, string error);

    [LoggerMessage(EventId = 105, Level = LogLevel.Information, Message = "Worker started: batch size {BatchSize}, new batch threshold {Threshold}, max dequeue count {MaxDequeueCount}, polling up to every {MaxPollingInterval}")]
    public static partial void WorkerStarted(ILogger logger, int batchSize, int threshold, int maxDequeueCount, TimeSpan maxPollingInterval);

    [LoggerMessage(EventId = 106, Level = LogLevel.Information, Message = "Worker stopping: {InFlight} runs in flight get {Grace} to finish, then are released for another worker")]
    public static partial void WorkerStopping(ILogger logger, int inFlight, TimeSpan grace);

    [LoggerMessage(EventId = 107, Level = LogLevel.Information, Message = "Released {Count} unfinished runs for another worker")]
    public static partial void RunsReleased(ILogger logger, int count);

    [LoggerMessage(EventId = 108, Level = LogLevel.Warning, Message = "Storage is unavailable for the {Component}; backing off: {Error}")]
    public static partial void StorageUnavailable(ILogger logger, string component, string error);

    [LoggerMessage(EventId = 109, Level = LogLevel.Information, Message = "Storage is available again for the {Component} after {Downtime}")]
    public static partial void StorageRecovered(ILogger logger, string component, TimeSpan downtime);

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "Intake enqueued {Count} new blob versions from {Container}")]
    public static partial void IntakeEnqueued(ILogger logger, int count, string container);

    [LoggerMessage(EventId = 111, Level = LogLevel.Information, Message = "Receipt of {Name} ({ETag}) was never followed by an enqueue; enqueuing it again")]
    public static partial void ReceiptRecovered(ILogger logger, string name, string etag);

    [LoggerMessage(EventId = 113, Level = LogLevel.Warning, Message = "Run {RunId} ({Name}) is published but its message outlived it, and the marker that keeps a redelivery from sending its event again could not be written: {Error}")]
    public static partial void PublishMarkFailed(ILogger logger, string runId, string name, string error);

    [LoggerMessage(EventId = 114, Level = LogLevel.Information, Message = "Run {RunId} ({Name}) was published by an earlier delivery; its message is settled without running it again")]
    public static partial void RunAlreadyPublished(ILogger logger, string runId, string name);

    [LoggerMessage(EventId = 112, Level = LogLevel.Error, Message = "Work item {MessageId} could not be settled; it reappears after its lease and is tried again: {Error}")]
    public static partial void RunSettleFailed(ILogger logger, string messageId, string error, Exception exception);

    public static void RunCompleted(ILogger logger, DocumentRecord record) =>
        RunCompleted(logger, record.Source.Name, Outputs.OutputWriter.StatusName(record.Status), record.Id, record.Status switch
        {
            ResultStatus.Duplicate => $"({record.DuplicateOf?.Kind.ToString().ToLowerInvariant()} duplicate of {record.DuplicateOf?.Id})",
            ResultStatus.Rejected => $"({record.Rejection?.Reason}: {record.Rejection?.Detail})",
            ResultStatus.Failed => $"({record.Error?.Type}: {record.Error?.Message})",
            _ => string.Empty,
        });
}
