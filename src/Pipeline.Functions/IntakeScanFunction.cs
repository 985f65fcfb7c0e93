using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Pipeline.Storage.Intake;

namespace Pipeline.Functions;

/// <summary>
/// The fallback intake: a timer runs the shared scanner, which enqueues any blob version in the raw container
/// that has no receipt yet (one that arrived while no event was delivered, or before the subscription existed).
/// Versions Event Grid already delivered have receipts and cost nothing but the listing.
/// </summary>
/// <param name="scanner">The shared scanner.</param>
/// <param name="logger">The logger.</param>
public sealed class IntakeScanFunction(BlobScanner scanner, ILogger<IntakeScanFunction> logger)
{
    /// <summary>The function's name.</summary>
    public const string Name = "IntakeScan";

    /// <summary>Scans the raw container once.</summary>
    /// <param name="timer">The timer's schedule status (unused: a missed run is simply the next scan).</param>
    /// <param name="cancellationToken">Signalled when the host shuts down; the next scan continues from the stored scan state.</param>
    [Function(Name)]
    public async Task RunAsync([TimerTrigger(Bindings.ScanSchedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var enqueued = await scanner.ScanAsync(cancellationToken).ConfigureAwait(false);
        if (enqueued > 0)
        {
            Log.ScanCompleted(logger, enqueued);
        }
    }
}
