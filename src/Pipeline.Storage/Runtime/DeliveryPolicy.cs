using Microsoft.Extensions.Options;
using Pipeline.Storage.Hosting;

namespace Pipeline.Storage.Runtime;

/// <summary>
/// The settle, retry and poison protocol of the work queue, from host.json's <c>maxDequeueCount</c> and
/// <c>visibilityTimeout</c>, decided in one place for both hosts: the <c>pipeline worker</c>'s <see cref="QueueWorker"/>
/// applies a decision to the message itself; the Functions queue trigger applies it by returning (delete) or throwing
/// (release, or poison once the failed result is written), which is how the Functions host settles a message.
/// No I/O: <see cref="WorkItemHandler.DeliverAsync"/> asks it and does what it says.
/// </summary>
public sealed class DeliveryPolicy
{
    private readonly QueuesOptions _queues;

    /// <summary>Creates the policy from host.json's queue settings.</summary>
    /// <param name="host">The host.json options.</param>
    public DeliveryPolicy(IOptions<HostJsonOptions> host)
    {
        ArgumentNullException.ThrowIfNull(host);
        _queues = host.Value.Queues;
    }

    /// <summary>How many deliveries a work item gets (host.json <c>maxDequeueCount</c>).</summary>
    public int MaxDequeueCount => _queues.MaxDequeueCount;

    /// <summary>Whether a failure on this delivery is the last one allowed.</summary>
    /// <param name="dequeueCount">The delivery count the queue reports (1 on the first delivery).</param>
    public bool IsLastDelivery(long dequeueCount) => dequeueCount >= _queues.MaxDequeueCount;

    /// <summary>
    /// Before the run: delete a redelivery of a run already published (nothing is left to do, and it must not fail
    /// now), poison a delivery beyond the limit (the host died during each earlier one, so none recorded a failure),
    /// and otherwise run it (null).
    /// </summary>
    /// <param name="dequeueCount">The delivery count the queue reports.</param>
    /// <param name="alreadyPublished">Whether an earlier delivery published the run.</param>
    public DeliveryDecision? BeforeRun(long dequeueCount, bool alreadyPublished) =>
        alreadyPublished ? DeliveryDecision.Delete
        : dequeueCount > _queues.MaxDequeueCount ? DeliveryDecision.Poison
        : null;

    /// <summary>
    /// A message that is not a work item: poisoned at once, since no retry turns it into one (the Functions host would
    /// otherwise retry it <c>maxDequeueCount</c> times, and each retry costs a receive and a failed run).
    /// </summary>
    public DeliveryDecision ForMalformed() => DeliveryDecision.Poison;

    /// <summary>After the run: delete on success; on failure, retry after <c>visibilityTimeout</c> until the last delivery, then poison.</summary>
    /// <param name="dequeueCount">The delivery count the queue reports.</param>
    /// <param name="failed">Whether the run failed.</param>
    public DeliveryDecision AfterRun(long dequeueCount, bool failed) =>
        !failed ? DeliveryDecision.Delete
        : IsLastDelivery(dequeueCount) ? DeliveryDecision.Poison
        : DeliveryDecision.Release(_queues.VisibilityTimeout);
}
