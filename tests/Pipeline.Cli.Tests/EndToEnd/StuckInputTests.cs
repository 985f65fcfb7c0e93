using Pipeline.Tests.Shared;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Pipeline.Core.Documents;
using Pipeline.Storage.Runtime;

namespace Pipeline.Cli.Tests.EndToEnd;

/// <summary>
/// An input an intake took a receipt for and then died before enqueuing, with no scanner running to recover it:
/// <c>pipeline status</c> names it, and <c>pipeline replay --pending</c> gets it processed.
/// </summary>
[Collection(CliAzuriteCollection.Name)]
public sealed class StuckInputTests(CliAzuriteFixture azurite)
{
    private const string Stuck = "stuck input.txt";

    [Fact]
    public async Task Status_names_a_stuck_input_and_its_unfinished_receipt()
    {
        var pipeline = new TestPipeline(azurite);
        var environment = await LeaveStuckInputAsync(pipeline);

        var json = await CliProcess.RunAsync(["status", "--json", "--connection", pipeline.ConnectionString], environment);
        var text = await CliProcess.RunAsync(["status", "--connection", pipeline.ConnectionString], environment);

        Assert.Equal(0, json.ExitCode);
        var status = JsonDocument.Parse(json.StdOut).RootElement;
        Assert.Equal(1, status.GetProperty("pending").GetInt32());
        Assert.Equal(Stuck, Assert.Single(status.GetProperty("oldestPending").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(Stuck, Assert.Single(status.GetProperty("unfinishedReceipts").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("inputs without a result: 1", text.StdOut, StringComparison.Ordinal);
        Assert.Contains(Stuck, text.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_pending_gets_a_stuck_input_processed()
    {
        var pipeline = new TestPipeline(azurite);
        var environment = await LeaveStuckInputAsync(pipeline);
        await using var worker = WorkerProcess.Start(["worker", "--no-intake", "--connection", pipeline.ConnectionString], environment);

        var replay = await CliProcess.RunAsync(["replay", "--pending", "--connection", pipeline.ConnectionString], environment);
        await pipeline.WaitForResultsAsync([Stuck], timeout: TimeSpan.FromSeconds(60), worker: worker);
        var after = await CliProcess.RunAsync(["status", "--json", "--connection", pipeline.ConnectionString], environment);

        Assert.Equal(0, replay.ExitCode);
        Assert.Equal(ResultStatus.Processed, (await pipeline.ReadResultAsync(Stuck)).Status);
        Assert.Equal(0, JsonDocument.Parse(after.StdOut).RootElement.GetProperty("pending").GetInt32());
    }

    [Fact]
    public async Task Inputs_with_a_result_are_not_pending()
    {
        var pipeline = new TestPipeline(azurite);
        await pipeline.Storage.EnsureCreatedAsync();
        await pipeline.Storage.Raw.GetBlobClient("done.txt").UploadAsync(BinaryData.FromString("An article about the harbour ferry that was processed in full by the worker."));
        await using (var worker = pipeline.StartWorker())
        {
            await pipeline.WaitForResultsAsync(["done.txt"], timeout: TimeSpan.FromSeconds(60), worker: worker);
        }

        var status = await pipeline.RunAsync("status", "--json");

        Assert.Equal(0, JsonDocument.Parse(status.StdOut).RootElement.GetProperty("pending").GetInt32());
    }

    /// <summary>Uploads an input and leaves its receipt as an intake that died before its enqueue, past the recovery age.</summary>
    private static async Task<Dictionary<string, string>> LeaveStuckInputAsync(TestPipeline pipeline)
    {
        await pipeline.Storage.EnsureCreatedAsync();
        var uploaded = await pipeline.Storage.Raw.GetBlobClient(Stuck).UploadAsync(BinaryData.FromString("A report on the new ferry timetable, whose intake crashed after taking its receipt and before enqueuing it."));
        var item = new WorkItem(pipeline.Storage.Raw.Name, Stuck, uploaded.Value.ETag.ToString());
        var receipt = new Receipt(DateTimeOffset.UtcNow, EnqueuedAt: null, Claim: "an-intake-that-crashed");
        await pipeline.Storage.State.GetBlobClient(item.ReceiptBlob).UploadAsync(BinaryData.Empty, new BlobUploadOptions { Metadata = receipt.ToMetadata() });
        await Task.Delay(TimeSpan.FromSeconds(5.5)); // the recovery age below
        return pipeline.With(("Pipeline__Intake__ReceiptRecoveryAge", "00:00:05"));
    }
}
