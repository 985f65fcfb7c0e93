using Pipeline.Core.Batches;
using Pipeline.Core.Processing;

namespace Pipeline.Storage.Steps;

/// <summary>
/// <c>normalize</c>: normalisation, structure, paragraph dedup and fingerprints. Pure and fast (well over
/// 20 MB/s), so recomputed on resume rather than checkpointed.
/// </summary>
public sealed class NormalizeStep : IPipelineStep
{
    private readonly DocumentProcessor _processor;

    /// <summary>Creates the step.</summary>
    public NormalizeStep(DocumentProcessor processor) => _processor = processor;

    /// <inheritdoc />
    public string Name => "normalize";

    /// <inheritdoc />
    public ValueTask ExecuteAsync(RunContext run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var prepared = _processor.Prepare(run.Decoded ?? throw new InvalidOperationException("decode did not run."));

        // What the batch says of a record (title, date, authors, URL) goes ahead of what extraction finds.
        run.Prepared = run.BatchRecord is { } record ? BatchRecordInput.WithEvidence(prepared, record) : prepared;
        return ValueTask.CompletedTask;
    }
}
