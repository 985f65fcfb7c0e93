namespace Pipeline.Storage.Batches;

/// <summary>
/// How far a batch's fan-out got, saved after every chunk of records is staged and its work items sent
/// (<c>runs/{runId}/fan-out.json</c>). A fan-out that is redelivered resumes after the last saved chunk.
/// </summary>
/// <param name="Format">The batch's format (<see cref="Core.Batches.BatchKind.Name"/>).</param>
/// <param name="Position">Offset in the blob where the next record starts (resumed there when the batch is not compressed).</param>
/// <param name="NextIndex">The index of the next record: every record before it is staged and has its work item.</param>
/// <param name="Skipped">Records of types that carry no document, counted so far.</param>
/// <param name="Done">Whether the whole batch is read: <see cref="NextIndex"/> is then its number of records.</param>
public sealed record FanOutCheckpoint(string Format, long Position, long NextIndex, long Skipped, bool Done);
