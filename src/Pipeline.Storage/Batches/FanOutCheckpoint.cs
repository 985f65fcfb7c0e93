using System.Text.Json.Serialization;
using Pipeline.Core.Batches;

namespace Pipeline.Storage.Batches;

/// <summary>
/// How far a batch's fan-out got, saved after every chunk of records is staged and its work items sent
/// (<c>runs/{runId}/fan-out.json</c>). A fan-out that is redelivered resumes after the last saved chunk.
/// </summary>
/// <param name="Format">The batch's format (<see cref="BatchKind.Name"/>).</param>
/// <param name="Position">Offset of the next record in the batch's content (decompressed, for a gzip batch).</param>
/// <param name="NextIndex">The index of the next record: every record before it is staged and has its work item.</param>
/// <param name="Skipped">Records of types that carry no document, counted so far.</param>
/// <param name="Done">Whether the whole batch is read: <see cref="NextIndex"/> is then its number of records.</param>
/// <param name="MemberOffset">
/// For a gzip batch, the compressed offset of the gzip member that holds the next record: the fan-out reads on from
/// there (see <see cref="BatchResumePoint"/>). Null for an uncompressed batch, and in checkpoints saved before it was
/// recorded: such a gzip fan-out resumes by decompressing from the start and skipping the records already done.
/// </param>
/// <param name="MemberSkip">For a gzip batch, the decompressed bytes of that member before the next record.</param>
public sealed record FanOutCheckpoint(string Format, long Position, long NextIndex, long Skipped, bool Done,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? MemberOffset = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? MemberSkip = null)
{
    /// <summary>The checkpoint of a reader between records.</summary>
    public static FanOutCheckpoint Of(BatchKind kind, BatchReader reader, bool done)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(reader);
        var point = reader.ResumePoint;
        return new FanOutCheckpoint(kind.Name, point.Position, reader.NextIndex, reader.Skipped, done, kind.Gzip ? point.StreamOffset : null, kind.Gzip ? point.Skip : null);
    }

    /// <summary>
    /// Where the fan-out reads on from: the next record's offset, or for a gzip batch its member and the bytes to skip
    /// in it; null for a gzip checkpoint that predates member offsets.
    /// </summary>
    public BatchResumePoint? ResumePoint(BatchKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (!kind.Gzip)
        {
            return new BatchResumePoint(Position, Position, 0);
        }

        return MemberOffset is { } member && MemberSkip is { } skip ? new BatchResumePoint(Position, member, skip) : null;
    }
}
