using Microsoft.Extensions.Logging;

namespace Pipeline.Storage;

/// <summary>Log messages of batch inputs (event ids 120-129).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 120, Level = LogLevel.Information, Message = "{Name}: batch ({Format}) fanned out into {Records} records ({Skipped} skipped)")]
    public static partial void BatchFannedOut(ILogger logger, string name, string format, long records, long skipped);

    [LoggerMessage(EventId = 121, Level = LogLevel.Information, Message = "{Name}: batch fan-out resumes at record {Index}, reading from byte {StreamOffset} and skipping {Skip} bytes")]
    public static partial void BatchResuming(ILogger logger, string name, long index, long streamOffset, long skip);

    [LoggerMessage(EventId = 122, Level = LogLevel.Information, Message = "{Name} -> batch: {Records} records, {Processed} processed, {Duplicate} duplicate, {Rejected} rejected, {Failed} failed, {Skipped} skipped")]
    public static partial void BatchCompleted(ILogger logger, string name, long records, long processed, long duplicate, long rejected, long failed, long skipped);

    [LoggerMessage(EventId = 123, Level = LogLevel.Information, Message = "{Name}: failed record {Index} sent again (read from byte {StreamOffset}, skipping {Skip} bytes)")]
    public static partial void BatchRecordReplayed(ILogger logger, string name, long index, long streamOffset, long skip);
}
