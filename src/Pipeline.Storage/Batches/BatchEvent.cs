namespace Pipeline.Storage.Batches;

/// <summary>
/// The event sent to the events queue when a batch's summary is written. At least once, like every event:
/// <see cref="EventId"/> (the batch's run id) is stable.
/// </summary>
/// <param name="EventId">Stable id of this event.</param>
/// <param name="Status">Always <c>batch</c>.</param>
/// <param name="Name">The batch input's blob name.</param>
/// <param name="ETag">The version read.</param>
/// <param name="ResultBlob">The summary, in the results container.</param>
/// <param name="Batch">How its records ended.</param>
public sealed record BatchEvent(string EventId, string Status, string Name, string ETag, string ResultBlob, BatchCounts Batch);
