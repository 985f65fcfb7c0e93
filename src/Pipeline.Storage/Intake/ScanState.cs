namespace Pipeline.Storage.Runtime;

/// <summary>
/// What a scanner remembers between scans (stored, not in memory, so any scanner can continue):
/// the start of the last complete scan. Blobs modified before it minus <see cref="Intake.IntakeOptions.ClockSkewMargin"/>
/// already have receipts and are skipped without a storage call.
/// </summary>
/// <param name="LastScanStartedAt">Start time of the last complete scan.</param>
public sealed record ScanState(DateTimeOffset LastScanStartedAt);
