namespace Pipeline.Functions;

/// <summary>Settings of the Functions app itself. Bound from <c>Pipeline:Functions</c>.</summary>
public sealed class FunctionsAppOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Pipeline:Functions";

    /// <summary>
    /// Whether the app creates the pipeline's containers, queues and table when it starts (a no-op once they exist,
    /// but several storage requests on every cold start). On for local runs against Azurite; the deployment
    /// (infra/) creates them and turns this off (<c>Pipeline__Functions__CreateStorage=false</c>).
    /// </summary>
    /// <value>Defaults to true.</value>
    public bool CreateStorage { get; set; } = true;
}
