using System.ComponentModel.DataAnnotations;

namespace Pipeline.Storage.Deduplication;

/// <summary>Timings of the storage dedup index's race resolution. Bound from <c>Pipeline:Dedup</c>.</summary>
public sealed class TableDedupIndexOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Pipeline:Dedup";

    /// <summary>
    /// How long a document may stay undecided (pending) before others stop waiting for it: its worker is
    /// taken to have died, and the document will decide again when its run is redelivered.
    /// </summary>
    /// <value>Defaults to 30 seconds. Range 1 second to 10 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan PendingTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a document waiting on a concurrent near-duplicate looks again.</summary>
    /// <value>Defaults to 200 milliseconds. Range 10 milliseconds to 10 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:10")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);
}
