namespace Pipeline.Storage.Runtime;

/// <summary>
/// What a scanner remembers between scans (stored, not in memory, so any scanner can continue): the start of
/// the last complete scan, and the oldest blob version that scan left unsettled. Blobs modified before the
/// earlier of the two, minus <see cref="Intake.IntakeOptions.ClockSkewMargin"/>, are settled and skipped without
/// a storage call; so a version whose receipt is unfinished keeps every later scan looking at it, however old.
/// </summary>
/// <param name="LastScanStartedAt">Start time of the last complete scan.</param>
public sealed record ScanState(DateTimeOffset LastScanStartedAt)
{
    /// <summary>
    /// The modification time of the oldest blob version the last scan left unsettled: its receipt unfinished but
    /// too young to recover, or its dropper still enqueuing it. Null when it left none.
    /// </summary>
    public DateTimeOffset? OldestUnsettled { get; init; }

    /// <summary>The time before which the next scan skips blobs: no unsettled version is older.</summary>
    /// <param name="clockSkewMargin">Allowance for clock differences between writers.</param>
    public DateTimeOffset Cutoff(TimeSpan clockSkewMargin)
    {
        var settledBefore = OldestUnsettled is { } oldest && oldest < LastScanStartedAt ? oldest : LastScanStartedAt;
        return settledBefore - clockSkewMargin;
    }
}
