using System.ComponentModel.DataAnnotations;
using Pipeline.Core.Batches;

namespace Pipeline.Storage.Batches;

/// <summary>How a batch input is fanned out into one run per record. Bound from <c>Pipeline:Batches</c>.</summary>
public sealed class BatchOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Pipeline:Batches";

    /// <summary>
    /// The largest record read from a batch (a JSON line, a WARC block); a longer one is a rejected record
    /// (<c>too-large</c>). The fan-out's memory is bounded by this times <see cref="StagingConcurrency"/>.
    /// </summary>
    /// <value>Default 4 MiB; 1 KiB to 64 MiB.</value>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxRecordBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// Records up to this size (as JSON) travel inside their work item's message; larger ones are staged in the state
    /// container and read back by their run (two more requests and a delete). Queue messages hold 64 KiB, Base64-encoded.
    /// </summary>
    /// <value>Default 40 KiB; 0 (always stage) to 46 KiB.</value>
    [Range(0, 46 * 1024)]
    public int InlineRecordBytes { get; set; } = 40 * 1024;

    /// <summary>How many records the fan-out stages, and how many work items it sends, at once.</summary>
    /// <value>Default 16; 1 to 256.</value>
    [Range(1, 256)]
    public int StagingConcurrency { get; set; } = 16;

    /// <summary>The reader options these give.</summary>
    public BatchReaderOptions ToReaderOptions() => new() { MaxRecordBytes = MaxRecordBytes };
}
