namespace Pipeline.Core.Documents;

/// <summary>Which pipeline produced a record.</summary>
/// <param name="Version">The pipeline's version.</param>
public sealed record PipelineInfo(string Version)
{
    /// <summary>The version of this build of the pipeline.</summary>
    public static PipelineInfo Current { get; } = new(
        typeof(PipelineInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
}
