using Microsoft.Extensions.Options;
using Pipeline.Storage.Intake;
using Pipeline.Storage.Runtime;
using Pipeline.Web.Security;

namespace Pipeline.Web.Data;

/// <summary>Reads the overview with <see cref="PipelineStatus.ReadAsync"/>, as <c>pipeline status</c> does (counts, queues, <see cref="IntakeBacklog"/>).</summary>
public sealed class StatusReader
{
    private readonly PipelineStorage _storage;
    private readonly IntakeOptions _intake;
    private readonly WebViewOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the reader.</summary>
    public StatusReader(PipelineStorage storage, IOptions<IntakeOptions> intake, IOptions<WebViewOptions> options, TimeProvider time)
    {
        _storage = storage;
        _intake = (intake ?? throw new ArgumentNullException(nameof(intake))).Value;
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Value;
        _time = time;
    }

    /// <summary>Reads the snapshot.</summary>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<StatusSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var status = await PipelineStatus.ReadAsync(_storage, _options.LatestFailures, _intake.ReceiptRecoveryAge, _time.GetUtcNow(), cancellationToken, listed: 10).ConfigureAwait(false);
        int Count(string s) => status.Counts.TryGetValue(s, out var n) ? n : 0;
        return new StatusSnapshot(
            new ResultCounts(Count("processed"), Count("duplicate"), Count("rejected"), Count("failed")),
            status.WorkQueueDepth,
            status.PoisonQueueDepth,
            status.Pending,
            status.RawBlobs,
            [.. status.LatestErrors.Select(e => e with { Message = SecretRedactor.Redact(e.Message) ?? string.Empty })],
            status.OldestPending);
    }
}
