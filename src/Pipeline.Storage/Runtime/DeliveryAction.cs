namespace Pipeline.Storage.Runtime;

/// <summary>What a host does with a work-queue message once a delivery of it is over.</summary>
public enum DeliveryAction
{
    /// <summary>The run has its result (or needs nothing more): delete the message.</summary>
    Delete,

    /// <summary>The delivery failed and may be retried: make the message visible again after <see cref="DeliveryDecision.Delay"/>.</summary>
    Release,

    /// <summary>The last allowed delivery failed: the run's <c>failed</c> result is written; move the message to the poison queue.</summary>
    Poison,
}
