using Pipeline.Core.Documents;

namespace Pipeline.Storage.Runtime;

/// <summary>
/// The message put on the events queue for every result, for downstream consumers. Delivery is at least
/// once: <see cref="EventId"/> is stable per run, so a consumer can drop repeats.
/// </summary>
/// <param name="EventId">Stable id of this event (the run id).</param>
/// <param name="Status">The result's status.</param>
/// <param name="Id">The record id.</param>
/// <param name="Name">The input's blob name.</param>
/// <param name="ETag">The input version.</param>
/// <param name="DuplicateOf">For duplicates, the canonical document.</param>
/// <param name="ResultBlob">Where the result record is, in the results container.</param>
public sealed record PipelineEvent(string EventId, ResultStatus Status, string Id, string Name, string ETag, DuplicateReference? DuplicateOf, string ResultBlob)
{
    /// <summary>For a record of a batch (<see cref="Name"/> is then the batch's): the record's index.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public long? Record { get; init; }
}
