using Microsoft.Extensions.Options;
using Pipeline.Storage.Hosting;
using Pipeline.Storage.Runtime;

namespace Pipeline.Storage.Tests.Runtime;

/// <summary>The one settle, retry and poison protocol both hosts apply, from host.json's maxDequeueCount and visibilityTimeout.</summary>
public sealed class DeliveryPolicyTests
{
    private static readonly TimeSpan VisibilityTimeout = TimeSpan.FromSeconds(30);

    private static DeliveryPolicy Policy(int maxDequeueCount = 3) => new(Options.Create(new HostJsonOptions
    {
        Queues = new QueuesOptions { MaxDequeueCount = maxDequeueCount, VisibilityTimeout = VisibilityTimeout },
    }));

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Completed_run_is_deleted(long delivery) =>
        Assert.Equal(DeliveryDecision.Delete, Policy().AfterRun(delivery, failed: false));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Failure_before_the_last_delivery_is_released_after_the_visibility_timeout(long delivery) =>
        Assert.Equal(DeliveryDecision.Release(VisibilityTimeout), Policy().AfterRun(delivery, failed: true));

    [Fact]
    public void Failure_on_the_last_delivery_is_poisoned() =>
        Assert.Equal(DeliveryDecision.Poison, Policy().AfterRun(3, failed: true));

    [Fact]
    public void One_allowed_delivery_poisons_the_first_failure() =>
        Assert.Equal(DeliveryAction.Poison, Policy(maxDequeueCount: 1).AfterRun(1, failed: true).Action);

    [Fact]
    public void Redelivery_of_a_published_run_is_deleted_without_running() =>
        Assert.Equal(DeliveryDecision.Delete, Policy().BeforeRun(2, alreadyPublished: true));

    [Fact]
    public void Delivery_beyond_the_limit_is_poisoned_without_running() =>
        Assert.Equal(DeliveryDecision.Poison, Policy().BeforeRun(4, alreadyPublished: false));

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Delivery_within_the_limit_runs(long delivery) =>
        Assert.Null(Policy().BeforeRun(delivery, alreadyPublished: false));

    [Fact]
    public void Message_that_is_not_a_work_item_is_poisoned_at_once() =>
        Assert.Equal(DeliveryAction.Poison, Policy().ForMalformed().Action);
}
