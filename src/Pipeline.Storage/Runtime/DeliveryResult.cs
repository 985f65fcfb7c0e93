using System.Runtime.ExceptionServices;
using Pipeline.Core.Documents;

namespace Pipeline.Storage.Runtime;

/// <summary>One delivery of a work item, done: what to do with its message, and what it produced.</summary>
/// <param name="Decision">The <see cref="DeliveryPolicy"/>'s decision for the message.</param>
/// <param name="Record">The result to announce to observers: the run's record, or its <c>failed</c> record when poisoned; null when there is none new (a superseded input, a redelivery of a published run).</param>
/// <param name="Failure">The run's failure, when it failed; null otherwise.</param>
public sealed record DeliveryResult(DeliveryDecision Decision, DocumentRecord? Record, ExceptionDispatchInfo? Failure)
{
    /// <summary>Whether the run completed in this delivery (its message must now be deleted, and the run marked published if it is not).</summary>
    public bool Completed { get; init; }
}
