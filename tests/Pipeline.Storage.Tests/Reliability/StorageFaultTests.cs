using Pipeline.Core.Documents;
using Pipeline.Storage.Outputs;
using Pipeline.Storage.Runtime;
using Pipeline.Storage.Steps;
using Pipeline.Development.FaultInjection;
using Pipeline.Storage.Tests.Azurite;
using Pipeline.Storage.Tests.Runtime;

namespace Pipeline.Storage.Tests.Reliability;

/// <summary>
/// Slow and failing storage, injected by <see cref="StorageFaultPolicy"/> into the worker's clients: transient
/// failures are retried until every input has its result; a non-transient one is reported, not retried endlessly.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Reliability")]
public sealed class StorageFaultTests(AzuriteFixture azurite)
{
    private static readonly string[] Topics = ["the harbour wall", "a night bus", "the glass works", "a rooftop garden", "the old mill", "a tidal pool", "the rail depot", "a paper archive"];

    private static async Task<List<string>> UploadArticlesAsync(FaultyStorageHost host, string prefix)
    {
        var names = new List<string>();
        foreach (var topic in Topics)
        {
            var name = $"{prefix}-{names.Count}.txt";
            await host.UploadAsync(name, TestTexts.Article(topic));
            names.Add(name);
        }

        return names;
    }

    [Fact]
    public async Task Transient_503s_on_a_third_of_all_requests_are_retried_until_every_input_has_its_result()
    {
        await using var host = await FaultyStorageHost.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Pipeline:FaultInjection:StorageFailureRate"] = "0.3",
            ["Pipeline:FaultInjection:StorageFailureStatus"] = "503",
            ["Pipeline:FaultInjection:StorageFaultSeed"] = "7",
        });
        var names = await UploadArticlesAsync(host, "flaky");
        await host.UploadAsync("flaky-copy.txt", TestTexts.Article(Topics[0]));
        await host.UploadAsync("flaky-empty.txt", []);

        var results = await host.WaitForResultsAsync([.. names, "flaky-copy.txt", "flaky-empty.txt"], TimeSpan.FromSeconds(60));

        Assert.All(names.Skip(1), n => Assert.Equal(ResultStatus.Processed, results[n].Status));
        var pair = new[] { results["flaky-0.txt"], results["flaky-copy.txt"] };
        var canonical = Assert.Single(pair, r => r.Status == ResultStatus.Processed);
        var copy = Assert.Single(pair, r => r.Status == ResultStatus.Duplicate);
        Assert.Equal(canonical.Id, copy.DuplicateOf!.Id);
        Assert.Equal(ResultStatus.Rejected, results["flaky-empty.txt"].Status);
        Assert.Equal(0, await host.DepthAsync(host.Clean.Poison));
        Assert.Equal(names.Count * 2, (await PipelineHarness.ListAsync(host.Clean.Processed)).Count);
    }

    [Fact]
    public async Task Completed_run_whose_message_cannot_be_deleted_is_marked_published_and_its_redeliveries_send_no_second_event()
    {
        await using var host = await FaultyStorageHost.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Pipeline:FaultInjection:StorageFailureRate"] = "1",
            ["Pipeline:FaultInjection:StorageRequestPattern"] = "DELETE */messages/*",

            // Not transient, so never sent: the message stays and reappears after its lease.
            ["Pipeline:FaultInjection:StorageFailureStatus"] = "403",
        });
        await host.UploadAsync("stuck.txt", TestTexts.Article("the stuck barge"));
        var etag = (await host.Clean.Raw.GetBlobClient("stuck.txt").GetPropertiesAsync()).Value.ETag.ToString();
        var marker = host.Clean.State.GetBlobClient(OutputNames.Checkpoint(new WorkItem(host.Clean.Raw.Name, "stuck.txt", etag).RunId, PublishStep.StepName));

        // Every delete fails, so the message keeps coming back: wait for the marker and for a redelivery that found it.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!(await marker.ExistsAsync()).Value || !host.Logs.Lines.Any(l => l.Contains("[114]", StringComparison.Ordinal) && l.Contains("stuck.txt", StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no completed redelivery (marker {(await marker.ExistsAsync()).Value}, work queue {await host.DepthAsync(host.Clean.Work)}):\n" + string.Join("\n", host.Logs.Lines.TakeLast(40)));
            await Task.Delay(200);
        }

        var events = (await host.Clean.Events.PeekMessagesAsync(32)).Value;
        Assert.Single(events);
        Assert.Single(host.Logs.Lines, l => l.Contains("[100] stuck.txt", StringComparison.Ordinal)); // run once, settled after
        Assert.Equal(ResultStatus.Processed, (await host.WaitForResultsAsync(["stuck.txt"], TimeSpan.FromSeconds(5)))["stuck.txt"].Status);
    }

    [Fact]
    public async Task Access_denied_on_writes_of_documents_fails_those_runs_after_max_dequeue_count_and_reports_the_status()
    {
        await using var host = await FaultyStorageHost.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Pipeline:FaultInjection:StorageFailureRate"] = "1",
            ["Pipeline:FaultInjection:StorageFailureStatus"] = "403",
            ["Pipeline:FaultInjection:StorageRequestPattern"] = "PUT */processed-*",
        }, maxDequeueCount: 3);
        await host.UploadAsync("denied.txt", TestTexts.Article("the lighthouse"));
        await host.UploadAsync("denied-empty.txt", []);

        var results = await host.WaitForResultsAsync(["denied.txt", "denied-empty.txt"], TimeSpan.FromSeconds(60));

        var failed = results["denied.txt"];
        Assert.Equal(ResultStatus.Failed, failed.Status);
        Assert.Equal("RequestFailedException", failed.Error!.Type);
        Assert.Contains("403", failed.Error.Message, StringComparison.Ordinal);
        Assert.Equal(3, failed.Error.Attempts);

        // The failed result is written first, then the message moves to the poison queue.
        var poisoned = 0;
        for (var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15); (poisoned = await host.DepthAsync(host.Clean.Poison)) == 0 && DateTime.UtcNow < deadline;)
        {
            await Task.Delay(100);
        }

        Assert.Equal(1, poisoned);
        Assert.Equal(ResultStatus.Rejected, results["denied-empty.txt"].Status);
        Assert.Empty(await PipelineHarness.ListAsync(host.Clean.Processed));
    }

    [Fact]
    public async Task Slow_storage_with_200_ms_on_every_request_still_completes_every_input()
    {
        await using var host = await FaultyStorageHost.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Pipeline:FaultInjection:StorageDelay"] = "00:00:00.200",
        });
        var names = await UploadArticlesAsync(host, "slow");

        var results = await host.WaitForResultsAsync(names, TimeSpan.FromSeconds(180));

        Assert.All(names, n => Assert.Equal(ResultStatus.Processed, results[n].Status));
        Assert.Equal(0, await host.DepthAsync(host.Clean.Poison));
    }
}
