namespace Pipeline.Storage.Runtime;

/// <summary>The <see cref="DeliveryPolicy"/>'s verdict on one delivery of a work item.</summary>
/// <param name="Action">Delete, release or poison the message.</param>
/// <param name="Delay">For <see cref="DeliveryAction.Release"/>, how long the message stays invisible (host.json <c>visibilityTimeout</c>); zero otherwise.</param>
public readonly record struct DeliveryDecision(DeliveryAction Action, TimeSpan Delay)
{
    /// <summary>Delete the message.</summary>
    public static DeliveryDecision Delete { get; } = new(DeliveryAction.Delete, TimeSpan.Zero);

    /// <summary>Move the message to the poison queue.</summary>
    public static DeliveryDecision Poison { get; } = new(DeliveryAction.Poison, TimeSpan.Zero);

    /// <summary>Make the message visible again after <paramref name="delay"/>.</summary>
    /// <param name="delay">How long the message stays invisible.</param>
    public static DeliveryDecision Release(TimeSpan delay) => new(DeliveryAction.Release, delay);
}
