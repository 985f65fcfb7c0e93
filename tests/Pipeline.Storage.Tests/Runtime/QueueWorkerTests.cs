using Pipeline.Core.Documents;
using Pipeline.Storage.Intake;
using Pipeline.Storage.Outputs;
using Pipeline.Storage.Runtime;
using Pipeline.Storage.Tests.Azurite;
using Pipeline.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.Storage.Tests.Runtime;

/// <summary>The worker host (queue worker + intake scanner) against a real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class QueueWorkerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Dropped_blob_gives_exactly_one_result_record_valid_against_the_schema()
    {
        await using var pipeline = await PipelineHarness.CreateAsync(azurite);
        var dropper = pipeline.Services.GetRequiredService<BlobDropper>();

        await dropper.DropAsync("news/harbour.txt", new MemoryStream(TestTexts.Article("the harbour")), default);
        await pipeline.WaitForResultAsync("news/harbour.txt");

        Assert.Equal(["news/harbour.txt.json"], await PipelineHarness.ListAsync(pipeline.Storage.Results));
        RecordSchema.AssertValid(await pipeline.ReadResultJsonAsync("news/harbour.txt"));
    }

    [Fact]
    public async Task Canonical_document_is_written_as_json_and_text_under_its_id()
    {
        await using var pipeline = await PipelineHarness.CreateAsync(azurite);
        await pipeline.UploadAsync("library.txt", TestTexts.Article("the library"));

        var record = await pipeline.WaitForResultAsync("library.txt");

        Assert.Equal(ResultStatus.Processed, record.Status);
        Assert.Equal([$"{record.Id}.json", $"{record.Id}.txt"], (await PipelineHarness.ListAsync(pipeline.Storage.Processed)).Order(StringComparer.Ordinal));
        var text = (await pipeline.Storage.Processed.GetBlobClient($"{record.Id}.txt").DownloadContentAsync()).Value.Content.ToString();
        Assert.Equal(record.Text, text);
    }

    [Fact]
    public async Task Each_result_sends_an_event_with_status_id_name_and_duplicate_of()
    {
        await using var pipeline = await PipelineHarness.CreateAsync(azurite);
        await pipeline.UploadAsync("first.txt", TestTexts.Article("the bridge"));
        var first = await pipeline.WaitForResultAsync("first.txt");
        await pipeline.UploadAsync("copy.txt", TestTexts.Article("the bridge"));
        var copy = await pipeline.WaitForResultAsync("copy.txt");

        // The event follows the result write; give the second one a moment to land before reading.
        var events = await pipeline.PeekEventsAsync();
        for (var wait = 0; events.Count < 2 && wait < 50; wait++)
        {
            await Task.Delay(100);
            events = await pipeline.PeekEventsAsync();
        }

        Assert.Equal(2, events.Count);
        var copyEvent = Assert.Single(events, e => e.GetProperty("name").GetString() == "copy.txt");
        Assert.Equal("duplicate", copyEvent.GetProperty("status").GetString());
        Assert.Equal(copy.Id, copyEvent.GetProperty("id").GetString());
        Assert.Equal(first.Id, copyEvent.GetProperty("duplicateOf").GetProperty("id").GetString());
        var firstEvent = Assert.Single(events, e => e.GetProperty("name").GetString() == "first.txt");
        Assert.Equal("processed", firstEvent.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, firstEvent.GetProperty("duplicateOf").ValueKind);
    }

    [Fact]
    public async Task Updated_blob_is_a_new_run_with_its_own_result()
    {
        await using var pipeline = await PipelineHarness.CreateAsync(azurite);
        var v1 = await pipeline.UploadAsync("story.txt", TestTexts.Article("the old mill"));
        var first = await pipeline.WaitForResultAsync("story.txt", v1);

        var v2 = await pipeline.UploadAsync("story.txt", TestTexts.Article("the new stadium"));
        var second = await pipeline.WaitForResultAsync("story.txt", v2);

        Assert.NotEqual(v1, v2);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(ResultStatus.Processed, second.Status);
        Assert.Equal(2, (await pipeline.PeekEventsAsync()).Count);
    }

    [Fact]
    public async Task Blobs_already_in_raw_before_the_worker_starts_are_processed_by_the_scanner()
    {
        var names = PipelineHarness.UniqueNames();
        await using (var before = await PipelineHarness.CreateAsync(azurite, worker: false, names: names))
        {
            await before.UploadAsync("a.txt", TestTexts.Article("the school"));
            await before.UploadAsync("b.txt", TestTexts.Article("the hospital"));
        }

        await using var pipeline = await PipelineHarness.CreateAsync(azurite, names: names);

        Assert.Equal(ResultStatus.Processed, (await pipeline.WaitForResultAsync("a.txt")).Status);
        Assert.Equal(ResultStatus.Processed, (await pipeline.WaitForResultAsync("b.txt")).Status);
    }

    [Fact]
    public async Task Two_scanners_never_enqueue_the_same_version_twice()
    {
        await using var pipeline = await PipelineHarness.CreateAsync(azurite, worker: false);
        for (var i = 0; i < 20; i++)
        {
            await pipeline.UploadAsync($"doc-{i:D2}.txt", TestTexts.Article($"item {i}"));
        }

        // Two scanners as two hosts would have them: separate instances, each with its own memory.
        var one = ActivatorUtilities.CreateInstance<BlobScanner>(pipeline.Services);
        var two = ActivatorUtilities.CreateInstance<BlobScanner>(pipeline.Services);
        var counts = await Task.WhenAll(one.ScanAsync(default), two.ScanAsync(default), one.ScanAsync(default), two.ScanAsync(default));

        Assert.Equal(20, counts.Sum());
        var queued = (await pipeline.Storage.Work.GetPropertiesAsync()).Value.ApproximateMessagesCount;
        Assert.Equal(20, queued);
    }

    [Fact]
    public async Task Dropped_blob_is_not_enqueued_again_by_the_scanner()
    {
        await using var pipeline = await PipelineHarness.CreateAsync(azurite, worker: false);
        await pipeline.Services.GetRequiredService<BlobDropper>().DropAsync("dropped.txt", new MemoryStream(TestTexts.Article("the ferry")), default);

        var enqueuedByScan = await ActivatorUtilities.CreateInstance<BlobScanner>(pipeline.Services).ScanAsync(default);

        Assert.Equal(0, enqueuedByScan);
        Assert.Equal(1, (await pipeline.Storage.Work.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Dropped_blob_past_its_grace_is_not_enqueued_again_by_the_scanner()
    {
        await using var pipeline = await PipelineHarness.CreateAsync(azurite, worker: false, settings: Grace("00:00:01"));
        await pipeline.Services.GetRequiredService<BlobDropper>().DropAsync("dropped-late.txt", new MemoryStream(TestTexts.Article("the tram")), default);
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var enqueuedByScan = await ActivatorUtilities.CreateInstance<BlobScanner>(pipeline.Services).ScanAsync(default);

        Assert.Equal(0, enqueuedByScan);
        Assert.Equal(1, (await pipeline.Storage.Work.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Dropped_blob_whose_dropper_died_before_enqueuing_is_taken_by_the_scanner_after_the_grace()
    {
        await using var pipeline = await PipelineHarness.CreateAsync(azurite, worker: false, settings: Grace("00:00:01"));
        await pipeline.Services.GetRequiredService<BlobDropper>().UploadAsync("orphan.txt", new MemoryStream(TestTexts.Article("the canal")), default);
        var scanner = ActivatorUtilities.CreateInstance<BlobScanner>(pipeline.Services);

        var duringGrace = await scanner.ScanAsync(default);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var afterGrace = await scanner.ScanAsync(default);

        Assert.Equal(0, duringGrace);
        Assert.Equal(1, afterGrace);
        Assert.Equal(1, (await pipeline.Storage.Work.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Second_scanner_enqueues_only_the_version_added_since_the_first_took_the_others()
    {
        await using var pipeline = await PipelineHarness.CreateAsync(azurite, worker: false);
        for (var i = 0; i < 5; i++)
        {
            await pipeline.UploadAsync($"taken-{i}.txt", TestTexts.Article($"lot {i}"));
        }

        var first = await ActivatorUtilities.CreateInstance<BlobScanner>(pipeline.Services).ScanAsync(default);
        await pipeline.UploadAsync("new-one.txt", TestTexts.Article("the new lot"));
        await Task.Delay(TimeSpan.FromMilliseconds(300)); // past the harness's scan interval: the second scanner's turn
        var second = await ActivatorUtilities.CreateInstance<BlobScanner>(pipeline.Services).ScanAsync(default);

        Assert.Equal(5, first);
        Assert.Equal(1, second);
        Assert.Equal(6, (await pipeline.Storage.Work.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Worker_that_deletes_the_message_of_a_completed_run_writes_no_publish_marker()
    {
        await using var pipeline = await PipelineHarness.CreateAsync(azurite);
        var item = await pipeline.Services.GetRequiredService<BlobDropper>().DropAsync("pier.txt", new MemoryStream(TestTexts.Article("the pier")), default);
        await pipeline.WaitForResultAsync("pier.txt");

        var marker = pipeline.Storage.State.GetBlobClient(OutputNames.Checkpoint(item.RunId, Steps.PublishStep.StepName));

        Assert.False((await marker.ExistsAsync()).Value);
    }

    [Fact]
    public async Task Scanner_leaves_its_turn_to_another_that_completed_a_scan_within_the_interval()
    {
        await using var pipeline = await PipelineHarness.CreateAsync(azurite, worker: false, settings: new Dictionary<string, string?> { ["Pipeline:Intake:ScanInterval"] = "00:10:00" });
        await pipeline.UploadAsync("early.txt", TestTexts.Article("the early lot"));
        var first = await ActivatorUtilities.CreateInstance<BlobScanner>(pipeline.Services).ScanAsync(default);
        await pipeline.UploadAsync("late.txt", TestTexts.Article("the late lot"));

        var second = await ActivatorUtilities.CreateInstance<BlobScanner>(pipeline.Services).ScanAsync(default);

        Assert.Equal(1, first);
        Assert.Equal(0, second);
        Assert.Equal(1, (await pipeline.Storage.Work.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    private static Dictionary<string, string?> Grace(string grace) => new() { ["Pipeline:Intake:DroppedBlobGrace"] = grace };
}
