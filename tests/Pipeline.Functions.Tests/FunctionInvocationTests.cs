using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Documents;
using Pipeline.Storage.Hosting;
using Pipeline.Storage.Intake;
using Pipeline.Storage.Outputs;
using Pipeline.Storage.Runtime;
using Pipeline.Storage.Tests.Azurite;

namespace Pipeline.Functions.Tests;

/// <summary>
/// Each function called as the host calls it, with what the host binds (a real <see cref="BlobClient"/>, a real
/// received <see cref="QueueMessage"/>, a <see cref="TimerInfo"/> from the host's payload), against a real Azurite.
/// maxDequeueCount is 2 here (<see cref="FunctionsHost.Settings"/>).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FunctionInvocationTests(AzuriteFixture azurite)
{
    private const string Article = "Storage news\n\nThe pipeline processed this article about storage queues and blob triggers in one run.";

    [Fact]
    public async Task Blob_trigger_enqueues_one_work_item_for_the_blob_version()
    {
        await using var host = await FunctionsHost.CreateAsync(FunctionsHost.Settings(azurite));
        var blob = await UploadAsync(host, "event.txt", Article);

        await host.Function<BlobIntakeFunction>().RunAsync(BlobAsTheHostBindsIt(host, blob), CancellationToken.None);

        var message = Assert.Single(await ReceiveAllAsync(host));
        var item = WorkItem.FromJson(message.Body.ToString());
        Assert.Equal("event.txt", item.Name);
        Assert.Equal(WorkItem.Normalize((await blob.GetPropertiesAsync()).Value.ETag.ToString()), WorkItem.Normalize(item.ETag));
    }

    [Fact]
    public async Task Blob_trigger_called_twice_for_the_same_event_enqueues_once()
    {
        await using var host = await FunctionsHost.CreateAsync(FunctionsHost.Settings(azurite));
        var blob = await UploadAsync(host, "twice.txt", Article);
        var function = host.Function<BlobIntakeFunction>();

        await function.RunAsync(BlobAsTheHostBindsIt(host, blob), CancellationToken.None);
        await host.Function<BlobIntakeFunction>().RunAsync(BlobAsTheHostBindsIt(host, blob), CancellationToken.None);

        Assert.Single(await ReceiveAllAsync(host));
    }

    [Fact]
    public async Task Blob_trigger_enqueues_again_for_a_new_version_of_the_blob()
    {
        await using var host = await FunctionsHost.CreateAsync(FunctionsHost.Settings(azurite));
        var blob = await UploadAsync(host, "edited.txt", Article);
        await host.Function<BlobIntakeFunction>().RunAsync(BlobAsTheHostBindsIt(host, blob), CancellationToken.None);

        await blob.UploadAsync(BinaryData.FromString(Article + "\n\nA correction was appended."), overwrite: true);
        await host.Function<BlobIntakeFunction>().RunAsync(BlobAsTheHostBindsIt(host, blob), CancellationToken.None);

        var etags = (await ReceiveAllAsync(host)).Select(m => WorkItem.FromJson(m.Body.ToString()).ETag).ToList();
        Assert.Equal(2, etags.Distinct().Count());
    }

    [Fact]
    public async Task Blob_trigger_for_a_deleted_blob_enqueues_nothing()
    {
        await using var host = await FunctionsHost.CreateAsync(FunctionsHost.Settings(azurite));
        var blob = await UploadAsync(host, "gone.txt", Article);
        await blob.DeleteAsync();

        await host.Function<BlobIntakeFunction>().RunAsync(BlobAsTheHostBindsIt(host, blob), CancellationToken.None);

        Assert.Empty(await ReceiveAllAsync(host));
    }

    [Fact]
    public async Task Queue_trigger_runs_the_work_item_to_its_processed_result()
    {
        await using var host = await FunctionsHost.CreateAsync(FunctionsHost.Settings(azurite));
        await DropAsync(host, "article.txt", Article);
        var message = Assert.Single(await ReceiveAllAsync(host));

        await host.Function<WorkItemFunction>().RunAsync(message, CancellationToken.None);

        var record = await ResultAsync(host, "article.txt");
        Assert.Equal(ResultStatus.Processed, record.Status);
        Assert.Single((await host.Storage.Events.PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task Queue_trigger_reads_a_web_page_as_html()
    {
        await using var host = await FunctionsHost.CreateAsync(FunctionsHost.Settings(azurite));
        await DropAsync(host, "ferry.html", "<!DOCTYPE html><html lang=\"en\"><head><title>Ferry returns | Harbour News</title></head><body><nav><a href=\"/\">Home</a></nav>" +
            "<article><h1>Ferry returns</h1><p>The passenger ferry between the harbour and the island carried its first travellers of the season on Monday.</p>" +
            "<p>Engineers replaced both propeller shafts over the winter, work that should keep the vessel running for years.</p></article></body></html>");
        var message = Assert.Single(await ReceiveAllAsync(host));

        await host.Function<WorkItemFunction>().RunAsync(message, CancellationToken.None);

        var record = await ResultAsync(host, "ferry.html");
        Assert.Equal(ResultStatus.Processed, record.Status);
        Assert.Equal(InputFormats.Html, record.Source.Format);
        Assert.Equal("Ferry returns", record.Metadata?.Title);
        Assert.DoesNotContain("<p>", record.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_trigger_fans_a_batch_out_into_one_message_per_record_whose_runs_write_the_summary()
    {
        await using var host = await FunctionsHost.CreateAsync(FunctionsHost.Settings(azurite));
        var lines = new[] { Article, "Harbour news\n\nThe ferry to the island returned to service on Monday after a winter of repairs to both engines." }.Select(t => JsonSerializer.Serialize(new { text = t }));
        await DropAsync(host, "batch.jsonl", string.Join('\n', lines) + "\n{}\n");
        await host.Function<WorkItemFunction>().RunAsync(Assert.Single(await ReceiveAllAsync(host)), CancellationToken.None);

        // The empty record is rejected by the fan-out itself; the other two each get a work item.
        var records = await ReceiveAllAsync(host);
        Assert.Equal([0L, 1L], records.Select(m => WorkItem.FromJson(m.Body.ToString()).Record!.Value).Order());
        foreach (var message in records)
        {
            await host.Function<WorkItemFunction>().RunAsync(message, CancellationToken.None);
        }

        var summary = (await host.Storage.Results.GetBlobClient(OutputNames.ResultBlob("batch.jsonl")).DownloadContentAsync()).Value.Content.ToString();
        using var json = JsonDocument.Parse(summary);
        Assert.Equal("batch", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("batch").GetProperty("records").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("batch").GetProperty("rejected").GetInt32());
        var first = PipelineJson.Deserialize((await host.Storage.Results.GetBlobClient(OutputNames.RecordResultBlob("batch.jsonl", 0)).DownloadContentAsync()).Value.Content.ToMemory().Span);
        Assert.Equal((ResultStatus.Processed, 0L), (first.Status, first.Source.Record!.Value));
    }

    [Fact]
    public async Task Queue_trigger_failure_before_the_last_delivery_throws_and_writes_no_result()
    {
        await using var host = await FunctionsHost.CreateAsync(FunctionsHost.Settings(azurite), s => s.AddPipelineStep<FailingStep>());
        await DropAsync(host, "poison-early.txt", Article);
        var first = Assert.Single(await ReceiveAllAsync(host));

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Function<WorkItemFunction>().RunAsync(first, CancellationToken.None));

        Assert.Equal(1, first.DequeueCount);
        Assert.False((await host.Storage.Results.GetBlobClient(OutputNames.ResultBlob("poison-early.txt")).ExistsAsync()).Value);
    }

    [Fact]
    public async Task Queue_trigger_last_delivery_writes_the_failed_result_and_throws_for_the_host_to_poison()
    {
        await using var host = await FunctionsHost.CreateAsync(FunctionsHost.Settings(azurite), s => s.AddPipelineStep<FailingStep>());
        await DropAsync(host, "poison-last.txt", Article);
        var function = host.Function<WorkItemFunction>();
        var first = Assert.Single(await ReceiveAllAsync(host));
        await Assert.ThrowsAsync<InvalidOperationException>(() => function.RunAsync(first, CancellationToken.None));
        await ReleaseAsTheHostDoesAsync(host, first);
        var second = Assert.Single(await ReceiveAllAsync(host)); // the host's retry: the same message, delivered again

        await Assert.ThrowsAsync<InvalidOperationException>(() => function.RunAsync(second, CancellationToken.None));

        Assert.Equal(2, second.DequeueCount);
        var record = await ResultAsync(host, "poison-last.txt");
        Assert.Equal(ResultStatus.Failed, record.Status);
        Assert.Equal(nameof(InvalidOperationException), record.Error!.Type);
        Assert.Equal(2, record.Error.Attempts);
        Assert.Single((await host.Storage.Events.PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task Queue_trigger_moves_a_message_that_is_not_a_work_item_to_the_poison_queue()
    {
        await using var host = await FunctionsHost.CreateAsync(FunctionsHost.Settings(azurite));
        await host.Storage.Work.SendMessageAsync("{\"not\":\"a work item\"}");
        var message = Assert.Single(await ReceiveAllAsync(host));

        await host.Function<WorkItemFunction>().RunAsync(message, CancellationToken.None);

        var poisoned = Assert.Single((await host.Storage.Poison.PeekMessagesAsync(32)).Value);
        Assert.Equal(message.Body.ToString(), poisoned.Body.ToString());
    }

    [Fact]
    public async Task Timer_scan_enqueues_a_blob_that_no_event_announced()
    {
        await using var host = await FunctionsHost.CreateAsync(FunctionsHost.Settings(azurite));
        await UploadAsync(host, "missed.txt", Article);

        await host.Function<IntakeScanFunction>().RunAsync(TimerAsTheHostBindsIt(), CancellationToken.None);

        var message = Assert.Single(await ReceiveAllAsync(host));
        Assert.Equal("missed.txt", WorkItem.FromJson(message.Body.ToString()).Name);
    }

    [Fact]
    public async Task Timer_scan_does_not_enqueue_a_blob_the_event_already_delivered()
    {
        await using var host = await FunctionsHost.CreateAsync(FunctionsHost.Settings(azurite));
        var blob = await UploadAsync(host, "announced.txt", Article);
        await host.Function<BlobIntakeFunction>().RunAsync(BlobAsTheHostBindsIt(host, blob), CancellationToken.None);

        await host.Function<IntakeScanFunction>().RunAsync(TimerAsTheHostBindsIt(), CancellationToken.None);

        Assert.Single(await ReceiveAllAsync(host));
    }

    private static async Task<BlobClient> UploadAsync(FunctionsHost host, string name, string text)
    {
        var blob = host.Storage.Raw.GetBlobClient(name);
        await blob.UploadAsync(BinaryData.FromString(text), overwrite: true);
        return blob;
    }

    /// <summary>The blob trigger binds a client of its own connection for the event's blob (SDK-type binding, no download).</summary>
    private static BlobClient BlobAsTheHostBindsIt(FunctionsHost host, BlobClient uploaded) =>
        host.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(uploaded.BlobContainerName).GetBlobClient(uploaded.Name);

    /// <summary>The timer trigger's payload as the host sends it to the worker, deserialized as the worker does.</summary>
    private static TimerInfo TimerAsTheHostBindsIt() => JsonSerializer.Deserialize<TimerInfo>(
        """{"Schedule":{"AdjustForDST":true},"ScheduleStatus":{"Last":"2026-01-01T00:00:00Z","Next":"2026-01-01T00:05:00Z","LastUpdated":"2026-01-01T00:00:00Z"},"IsPastDue":false}""")!;

    private static async Task DropAsync(FunctionsHost host, string name, string text)
    {
        var blob = await UploadAsync(host, name, text);
        var eTag = (await blob.GetPropertiesAsync()).Value.ETag.ToString();
        Assert.True(await host.Services.GetRequiredService<WorkItemEnqueuer>().TryEnqueueAsync(new WorkItem(blob.BlobContainerName, name, eTag), CancellationToken.None));
    }

    /// <summary>Receives what is visible on the work queue, as the host's queue listener does (invisible for a short while, then back).</summary>
    private static async Task<QueueMessage[]> ReceiveAllAsync(FunctionsHost host) =>
        (await host.Storage.Work.ReceiveMessagesAsync(32, visibilityTimeout: TimeSpan.FromSeconds(1))).Value;

    /// <summary>After a function throws, the host makes the message visible again after host.json's visibilityTimeout (0 here).</summary>
    private static async Task ReleaseAsTheHostDoesAsync(FunctionsHost host, QueueMessage message) =>
        await host.Storage.Work.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);

    private static async Task<DocumentRecord> ResultAsync(FunctionsHost host, string name)
    {
        var content = await host.Storage.Results.GetBlobClient(OutputNames.ResultBlob(name)).DownloadContentAsync();
        return PipelineJson.Deserialize(content.Value.Content.ToString());
    }
}
