using System.ComponentModel.DataAnnotations;
using Azure.Storage.Queues;

namespace Pipeline.Storage.Hosting;

/// <summary>
/// The <c>extensions.queues</c> section of host.json, with the defaults of the Azure Functions storage
/// queue extension (5.x) so that both hosts behave alike when a value is absent.
/// </summary>
public sealed class QueuesOptions
{
    /// <summary>Gets or sets how many messages one poll fetches and processes in parallel.</summary>
    /// <value>Default 16; range 1 to 32 (the service's limit).</value>
    [Range(1, 32)]
    public int BatchSize { get; set; } = 16;

    /// <summary>Gets or sets the number of in-flight messages at or below which the next batch is fetched.</summary>
    /// <value>Default null, meaning Functions' default <c>(BatchSize / 2) * processor count</c> (see <see cref="GetNewBatchThreshold"/>); range 0 to 10000.</value>
    [Range(0, 10_000)]
    public int? NewBatchThreshold { get; set; }

    /// <summary>Gets or sets how many times a message is tried before it goes to the poison queue.</summary>
    /// <value>Default 5; range 1 to 1000.</value>
    [Range(1, 1000)]
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>Gets or sets how long a failed message stays invisible before it is tried again.</summary>
    /// <value>Default 00:00:00 (visible again at once, as in Functions); range 0 to 7 days (the service's limit).</value>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.Zero;

    /// <summary>Gets or sets the longest wait between polls of an empty queue (polling backs off up to it).</summary>
    /// <value>Default 00:01:00 (Functions' default; the repository's host.json sets 2 s for local latency); range 100 ms to 1 day.</value>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets how message bodies are encoded (host.json <c>messageEncoding</c>: <c>base64</c> or <c>none</c>).</summary>
    /// <value>Default <see cref="QueueMessageEncoding.Base64"/>, as in Functions.</value>
    public QueueMessageEncoding MessageEncoding { get; set; } = QueueMessageEncoding.Base64;

    /// <summary>The threshold in force: <see cref="NewBatchThreshold"/>, or Functions' default for this many processors.</summary>
    /// <param name="processorCount">Processors of the machine; <see cref="Environment.ProcessorCount"/> in production.</param>
    /// <returns>The number of in-flight messages at or below which another batch is fetched.</returns>
    public int GetNewBatchThreshold(int processorCount) => NewBatchThreshold ?? BatchSize / 2 * Math.Max(1, processorCount);
}
