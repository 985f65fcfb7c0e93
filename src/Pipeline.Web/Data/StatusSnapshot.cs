using Pipeline.Storage.Runtime;

namespace Pipeline.Web.Data;

/// <summary>The overview's data, and <c>GET /api/status</c>: what <c>pipeline status</c> reads, shaped for the page.</summary>
/// <param name="Results">Results by status.</param>
/// <param name="WorkQueue">Approximate work queue depth (waiting or in flight).</param>
/// <param name="PoisonQueue">Approximate poison queue depth.</param>
/// <param name="Pending">Inputs in raw without a result for their current version.</param>
/// <param name="RawBlobs">Blobs in the raw container.</param>
/// <param name="LatestFailures">The latest failed results, newest first (messages redacted).</param>
/// <param name="OldestPending">The oldest inputs without a result.</param>
public sealed record StatusSnapshot(
    ResultCounts Results,
    int WorkQueue,
    int PoisonQueue,
    int Pending,
    int RawBlobs,
    IReadOnlyList<FailedResult> LatestFailures,
    IReadOnlyList<PendingInputAge> OldestPending)
{
    /// <summary>Whether work is waiting or in flight (the overview refreshes itself while it is).</summary>
    public bool InFlight => WorkQueue > 0 || Pending > 0;
}

/// <summary>Results by status.</summary>
/// <param name="Processed">Canonical documents.</param>
/// <param name="Duplicate">Exact or near copies of a canonical document.</param>
/// <param name="Rejected">Inputs that are not usable text.</param>
/// <param name="Failed">Inputs whose runs failed every delivery.</param>
public sealed record ResultCounts(int Processed, int Duplicate, int Rejected, int Failed);
