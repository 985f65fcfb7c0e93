using System.ComponentModel.DataAnnotations;

namespace Pipeline.Storage.Runtime;

/// <summary>
/// Names of the containers, queues and tables the pipeline uses.
/// Bound from the <c>Pipeline:Storage</c> configuration section.
/// </summary>
public sealed class PipelineStorageOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Pipeline:Storage";

    /// <summary>Container users drop raw files into. Never written to by the pipeline.</summary>
    /// <value>Defaults to <c>raw</c>.</value>
    [Required, RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$")]
    public string RawContainer { get; set; } = "raw";

    /// <summary>Container of canonical documents: <c>{id}.json</c> and <c>{id}.txt</c>.</summary>
    /// <value>Defaults to <c>processed</c>.</value>
    [Required, RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$")]
    public string ProcessedContainer { get; set; } = "processed";

    /// <summary>Container of result records: <c>{input name}.json</c>, one per input.</summary>
    /// <value>Defaults to <c>results</c>.</value>
    [Required, RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$")]
    public string ResultsContainer { get; set; } = "results";

    /// <summary>Container of the runtime's own state: receipts, checkpoints, last errors, scan state.</summary>
    /// <value>Defaults to <c>pipeline-state</c>.</value>
    [Required, RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$")]
    public string StateContainer { get; set; } = "pipeline-state";

    /// <summary>Queue of work items (one per blob version).</summary>
    /// <value>Defaults to <c>pipeline-work</c>; its poison queue is <c>{name}-poison</c>, as in Functions.</value>
    [Required, RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,55}[a-z0-9]$")]
    public string WorkQueue { get; set; } = "pipeline-work";

    /// <summary>Queue of result events for downstream consumers.</summary>
    /// <value>Defaults to <c>pipeline-events</c>.</value>
    [Required, RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$")]
    public string EventsQueue { get; set; } = "pipeline-events";

    /// <summary>Table of the dedup index (exact claims and MinHash LSH bands).</summary>
    /// <value>Defaults to <c>pipelinededup</c>.</value>
    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string DedupTable { get; set; } = "pipelinededup";

    /// <summary>The poison queue's name.</summary>
    public string PoisonQueue => WorkQueue + "-poison";
}
