using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Documents;
using Pipeline.Storage.Outputs;
using Pipeline.Storage.Runtime;
using Pipeline.Storage.Steps;
using Pipeline.Storage.Tests.Azurite;

namespace Pipeline.Storage.Tests.Runtime;

/// <summary>Redelivery of a run: the executor run again for the same work item, as the queue would.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RunExecutorTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Redelivered_work_item_whose_message_outlived_the_run_changes_nothing()
    {
        await using var pipeline = await PipelineHarness.CreateAsync(azurite, worker: false);
        var executor = pipeline.Services.GetRequiredService<RunExecutor>();
        var etag = await pipeline.UploadAsync("port.txt", TestTexts.Article("the port"));
        var item = new WorkItem(pipeline.Storage.Raw.Name, "port.txt", etag);
        await executor.ExecuteAsync(item, 1, default);
        var resultBlob = pipeline.Storage.Results.GetBlobClient(OutputNames.ResultBlob("port.txt"));
        var before = (await resultBlob.DownloadContentAsync()).Value;

        // The queue worker could not delete the message (so it marks the run published), and it comes back.
        await pipeline.Services.GetRequiredService<WorkItemHandler>().MarkPublishedAsync(item);
        await executor.ExecuteAsync(item, 2, default);

        var after = (await resultBlob.DownloadContentAsync()).Value;
        Assert.Equal(before.Details.ETag, after.Details.ETag);
        Assert.Equal(before.Content.ToString(), after.Content.ToString());
        Assert.Equal(2, (await PipelineHarness.ListAsync(pipeline.Storage.Processed)).Count);
        Assert.Single(await pipeline.PeekEventsAsync());
    }

    [Fact]
    public async Task Second_work_item_for_a_published_version_sends_no_second_event()
    {
        await using var pipeline = await PipelineHarness.CreateAsync(azurite, worker: false);
        var executor = pipeline.Services.GetRequiredService<RunExecutor>();
        var etag = await pipeline.UploadAsync("quay.txt", TestTexts.Article("the quay"));
        var item = new WorkItem(pipeline.Storage.Raw.Name, "quay.txt", etag);
        await executor.ExecuteAsync(item, 1, default);

        // A second message for the same version (a recovered receipt or a replay is marked Resume).
        var again = await executor.ExecuteAsync(item with { Resume = true }, 1, default);

        Assert.Equal(ResultStatus.Processed, again.Record!.Status);
        Assert.Single(await pipeline.PeekEventsAsync());
    }

    [Fact]
    public async Task Redelivered_canonical_run_stays_canonical_after_a_near_duplicate_joined_the_index()
    {
        await using var pipeline = await PipelineHarness.CreateAsync(azurite, worker: false);
        var executor = pipeline.Services.GetRequiredService<RunExecutor>();
        var a = await RunAsync(pipeline, executor, "10-near-duplicate-a.txt");
        var b = await RunAsync(pipeline, executor, "11-near-duplicate-b.txt");
        Assert.Equal(ResultStatus.Duplicate, b.Record!.Status);

        var again = await executor.ExecuteAsync(a.Item, 2, default);

        Assert.Equal(ResultStatus.Processed, again.Record!.Status);
        Assert.Equal(a.Record!.Id, again.Record.Id);
    }

    [Fact]
    public async Task Redelivered_duplicate_run_keeps_its_decision()
    {
        await using var pipeline = await PipelineHarness.CreateAsync(azurite, worker: false);
        var executor = pipeline.Services.GetRequiredService<RunExecutor>();
        var a = await RunAsync(pipeline, executor, "10-near-duplicate-a.txt");
        var b = await RunAsync(pipeline, executor, "11-near-duplicate-b.txt");

        var again = await executor.ExecuteAsync(b.Item, 2, default);

        Assert.Equal(ResultStatus.Duplicate, again.Record!.Status);
        Assert.Equal(b.Record!.DuplicateOf, again.Record.DuplicateOf);
        Assert.Equal(a.Record!.Id, again.Record.DuplicateOf!.Id);
    }

    [Fact]
    public async Task Deduplicate_step_writes_no_checkpoint_blob()
    {
        await using var pipeline = await PipelineHarness.CreateAsync(azurite, worker: false);
        var executor = pipeline.Services.GetRequiredService<RunExecutor>();
        var run = await RunAsync(pipeline, executor, "01-dateline-article.txt");

        var checkpoint = pipeline.Storage.State.GetBlobClient(OutputNames.Checkpoint(run.RunId, "deduplicate"));

        Assert.False((await checkpoint.ExistsAsync()).Value);
    }

    [Fact]
    public async Task Publish_marker_is_an_empty_blob()
    {
        await using var pipeline = await PipelineHarness.CreateAsync(azurite, worker: false);
        var executor = pipeline.Services.GetRequiredService<RunExecutor>();
        var run = await RunAsync(pipeline, executor, "01-dateline-article.txt");

        await pipeline.Services.GetRequiredService<WorkItemHandler>().MarkPublishedAsync(run.Item);

        var marker = await pipeline.Storage.State.GetBlobClient(OutputNames.Checkpoint(run.RunId, PublishStep.StepName)).GetPropertiesAsync();
        Assert.Equal(0, marker.Value.ContentLength);
    }

    private static async Task<RunContext> RunAsync(PipelineHarness pipeline, RunExecutor executor, string sample)
    {
        var etag = await pipeline.UploadAsync(sample, TestTexts.Sample(sample));
        return await executor.ExecuteAsync(new WorkItem(pipeline.Storage.Raw.Name, sample, etag), 1, default);
    }
}
