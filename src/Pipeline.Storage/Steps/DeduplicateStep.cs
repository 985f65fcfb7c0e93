using Pipeline.Core.Deduplication;
using Pipeline.Core.Processing;

namespace Pipeline.Storage.Steps;

/// <summary>
/// <c>deduplicate</c>: claims the document in the dedup index. The claim is an effect outside the run, and
/// its decision must not change if the run is redelivered after later documents have joined the index; the
/// index's own entities are that checkpoint, under deterministic names: the exact claim
/// (<c>x-{sha256}</c>) records its claimant (this run) and the document's state (<c>d-{id}</c>) records
/// canonical or the duplicate decision. A redelivered claim by the same run reads its decision back from
/// them and decides nothing anew, so a checkpoint blob of its own would only add a write to every run.
/// </summary>
public sealed class DeduplicateStep : IPipelineStep
{
    private readonly IDedupIndex _index;

    /// <summary>Creates the step.</summary>
    public DeduplicateStep(IDedupIndex index) => _index = index;

    /// <inheritdoc />
    public string Name => "deduplicate";

    /// <inheritdoc />
    public async ValueTask ExecuteAsync(RunContext run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var prepared = run.Prepared ?? throw new InvalidOperationException("normalize did not run.");

        // Rejected documents are not claimed.
        run.Decision = prepared.IsRejected
            ? DedupDecision.Canonical
            : await _index.ClaimAsync(DocumentProcessor.ClaimOf(prepared, run.RunId), cancellationToken).ConfigureAwait(false);
    }
}
