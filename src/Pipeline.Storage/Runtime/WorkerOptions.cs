using System.ComponentModel.DataAnnotations;

namespace Pipeline.Storage.Runtime;

/// <summary>Timings of the queue worker that host.json does not cover. Bound from <c>Pipeline:Worker</c>.</summary>
public sealed class WorkerOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Pipeline:Worker";

    /// <summary>
    /// How long a received work item stays invisible before another worker may take it. Renewed at a third
    /// of this while the run goes on, so it bounds how soon a crashed worker's run is picked up again.
    /// </summary>
    /// <value>Defaults to 30 seconds. Range 3 seconds to 10 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:03", "00:10:00")]
    public TimeSpan RunLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>On shutdown, how long in-flight runs may take to finish before they are released for another worker.</summary>
    /// <value>Defaults to 10 seconds. Range 0 to 5 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(10);
}
