using Pipeline.Core.Batches;

namespace Pipeline.Storage.Batches;

/// <summary>
/// Where a batch record that failed for good starts in its batch's blob, kept with its run (<c>runs/{runId}/source.json</c>)
/// when its <c>failed</c> result is written, so that <c>pipeline replay</c> can read just that record again from the
/// raw blob (which is never modified) instead of the whole batch (<see cref="BatchRecordReplayer"/>).
/// </summary>
/// <param name="Record">The record's index.</param>
/// <param name="From">Its start: the offset in the blob, or the gzip member that holds it and the bytes before it in that member.</param>
public sealed record BatchRecordSource(long Record, BatchResumePoint From)
{
    /// <summary>The name it is saved under among the run's checkpoints.</summary>
    public const string StepName = "source";
}
