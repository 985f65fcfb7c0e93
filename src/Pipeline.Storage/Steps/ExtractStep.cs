using Pipeline.Core.Processing;

namespace Pipeline.Storage.Steps;

/// <summary>
/// <c>extract</c>: metadata and the result record. Pure and about a millisecond per article, so recomputed
/// on resume rather than checkpointed.
/// </summary>
public sealed class ExtractStep : IPipelineStep
{
    private readonly DocumentProcessor _processor;

    /// <summary>Creates the step.</summary>
    public ExtractStep(DocumentProcessor processor) => _processor = processor;

    /// <inheritdoc />
    public string Name => "extract";

    /// <inheritdoc />
    public ValueTask ExecuteAsync(RunContext run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.Record = _processor.Complete(
            run.Prepared ?? throw new InvalidOperationException("normalize did not run."),
            run.Decision ?? throw new InvalidOperationException("deduplicate did not run."));
        return ValueTask.CompletedTask;
    }
}
