using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Deduplication;
using Pipeline.Core.Documents;
using Pipeline.Storage.Outputs;
using Pipeline.Storage.Runtime;
using Pipeline.Storage.Tests.Azurite;

namespace Pipeline.Storage.Tests.Runtime;

/// <summary>Redelivery of a run: the executor run again for the same work item, as the queue would.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RunExecutorTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Redelivered_work_item_changes_nothing()
    {
        await using var pipeline = await PipelineHarness.CreateAsync(azurite, worker: false);
        var executor = pipeline.Services.GetRequiredService<RunExecutor>();
        var etag = await pipeline.UploadAsync("port.txt", TestTexts.Article("the port"));
        var item = new WorkItem(pipeline.Storage.Raw.Name, "port.txt", etag);
        await executor.ExecuteAsync(item, 1, default);
        var resultBlob = pipeline.Storage.Results.GetBlobClient(OutputNames.ResultBlob("port.txt"));
        var before = (await resultBlob.DownloadContentAsync()).Value;

        // A redelivery of the same message, and a second message for the same version (a replay, marked Resume).
        await executor.ExecuteAsync(item, 2, default);
        await executor.ExecuteAsync(item with { Resume = true }, 1, default);

        var after = (await resultBlob.DownloadContentAsync()).Value;
        Assert.Equal(before.Details.ETag, after.Details.ETag);
        Assert.Equal(before.Content.ToString(), after.Content.ToString());
        Assert.Equal(2, (await PipelineHarness.ListAsync(pipeline.Storage.Processed)).Count);
        Assert.Single(await pipeline.PeekEventsAsync());
    }

    [Fact]
    public async Task Redelivered_run_takes_its_dedup_decision_from_the_checkpoint()
    {
        await using var pipeline = await PipelineHarness.CreateAsync(azurite, worker: false);
        var executor = pipeline.Services.GetRequiredService<RunExecutor>();
        var etag = await pipeline.UploadAsync("quay.txt", TestTexts.Article("the quay"));
        var item = new WorkItem(pipeline.Storage.Raw.Name, "quay.txt", etag);
        var first = await executor.ExecuteAsync(item, 1, default);
        Assert.Equal(ResultStatus.Processed, first.Record!.Status);

        // Stand in a different stored decision and forget the publish marker: if the redelivery asked the
        // index again it would say canonical; reusing the checkpoint it must say duplicate of this id.
        var other = new string('a', 32);
        var stored = new DedupDecision(new DuplicateReference(other, DuplicateKind.Near, 0.9));
        await pipeline.Storage.State.GetBlobClient(OutputNames.Checkpoint(item.RunId, "deduplicate"))
            .UploadAsync(BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(stored, RuntimeJson.Default.DedupDecision)), overwrite: true);
        await pipeline.Storage.State.GetBlobClient(OutputNames.Checkpoint(item.RunId, "publish")).DeleteAsync();

        var again = await executor.ExecuteAsync(item, 2, default);

        Assert.Equal(ResultStatus.Duplicate, again.Record!.Status);
        Assert.Equal(other, again.Record.DuplicateOf!.Id);
    }
}
