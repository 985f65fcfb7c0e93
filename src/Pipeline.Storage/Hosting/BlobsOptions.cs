using System.ComponentModel.DataAnnotations;

namespace Pipeline.Storage.Hosting;

/// <summary>The <c>extensions.blobs</c> section of host.json, with the Azure Functions storage blob extension (5.x) defaults.</summary>
public sealed class BlobsOptions
{
    /// <summary>Gets or sets how many blob-triggered runs may execute at once per host.</summary>
    /// <value>Default null, meaning Functions' default <c>8 * processor count</c> (see <see cref="GetMaxDegreeOfParallelism"/>); range 1 to 1000.</value>
    [Range(1, 1000)]
    public int? MaxDegreeOfParallelism { get; set; }

    /// <summary>The limit in force: <see cref="MaxDegreeOfParallelism"/>, or Functions' default for this many processors.</summary>
    /// <param name="processorCount">Processors of the machine; <see cref="Environment.ProcessorCount"/> in production.</param>
    /// <returns>The number of concurrent blob runs.</returns>
    public int GetMaxDegreeOfParallelism(int processorCount) => MaxDegreeOfParallelism ?? 8 * Math.Max(1, processorCount);
}
