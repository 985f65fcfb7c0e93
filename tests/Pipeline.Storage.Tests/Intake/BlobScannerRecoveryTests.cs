using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Storage.Hosting;
using Pipeline.Storage.Intake;
using Pipeline.Storage.Runtime;
using Pipeline.Storage.Tests.Azurite;
using Pipeline.Storage.Tests.Runtime;

namespace Pipeline.Storage.Tests.Intake;

/// <summary>
/// A scanner that stays up never forgets a version whose receipt an intake left unfinished (it crashed, or storage
/// failed, between the receipt and the enqueue): it looks at it on every scan until the receipt is stamped,
/// however old the blob. Against a real Azurite, with the scanner's clock a fake one the test moves.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobScannerRecoveryTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan RecoveryAge = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan ClockSkewMargin = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Unfinished_receipt_is_recovered_once_older_than_the_recovery_age_by_a_scanner_that_saw_it_young()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = await CreateRuntimeAsync(time);
        var storage = services.GetRequiredService<PipelineStorage>();
        var scanner = services.GetRequiredService<BlobScanner>();
        var item = await UploadWithUnfinishedReceiptAsync(storage, time, "crashed-intake.txt");

        Assert.Equal(0, await scanner.ScanAsync(CancellationToken.None)); // young: its intake may still enqueue it
        time.Advance(RecoveryAge + TimeSpan.FromSeconds(1));
        var enqueued = await scanner.ScanAsync(CancellationToken.None);

        Assert.Equal(1, enqueued);
        Assert.Equal(1, (await storage.Work.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.True((await storage.State.GetBlobClient(item.ReceiptBlob).GetPropertiesAsync()).Value.Metadata.ContainsKey(Receipt.EnqueuedMetadata));
    }

    [Fact]
    public async Task Unfinished_receipt_of_a_blob_older_than_the_clock_skew_margin_is_still_recovered()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = await CreateRuntimeAsync(time);
        var storage = services.GetRequiredService<PipelineStorage>();
        var scanner = services.GetRequiredService<BlobScanner>();
        await UploadWithUnfinishedReceiptAsync(storage, time, "old-blob.txt");

        // Complete scans go on while the receipt is young, until the blob is far older than the last scan's start
        // minus the margin: the window a scan looks at has passed the blob.
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(0, await scanner.ScanAsync(CancellationToken.None));
            time.Advance(TimeSpan.FromSeconds(25));
        }

        time.Advance(RecoveryAge);
        var enqueued = await scanner.ScanAsync(CancellationToken.None);

        Assert.Equal(1, enqueued);
        Assert.Equal(1, (await storage.Work.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task A_new_scanner_recovers_an_unfinished_receipt_that_earlier_scans_left_behind()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var names = PipelineHarness.UniqueNames();
        await using (var first = await CreateRuntimeAsync(time, names))
        {
            await UploadWithUnfinishedReceiptAsync(first.GetRequiredService<PipelineStorage>(), time, "left-behind.txt");
            for (var i = 0; i < 3; i++)
            {
                await first.GetRequiredService<BlobScanner>().ScanAsync(CancellationToken.None);
                time.Advance(TimeSpan.FromSeconds(30));
            }
        }

        time.Advance(RecoveryAge);
        await using var second = await CreateRuntimeAsync(time, names);

        Assert.Equal(1, await second.GetRequiredService<BlobScanner>().ScanAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Settled_versions_let_the_scan_cutoff_move_on()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = await CreateRuntimeAsync(time);
        var storage = services.GetRequiredService<PipelineStorage>();
        await storage.Raw.GetBlobClient("plain.txt").UploadAsync(BinaryData.FromString("An article that nothing went wrong with."));

        Assert.Equal(1, await services.GetRequiredService<BlobScanner>().ScanAsync(CancellationToken.None));

        var state = await ReadStateAsync(storage);
        Assert.Null(state.OldestUnsettled);
    }

    [Fact]
    public async Task Unsettled_version_holds_the_scan_cutoff_at_its_modification_time()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = await CreateRuntimeAsync(time);
        var storage = services.GetRequiredService<PipelineStorage>();
        await UploadWithUnfinishedReceiptAsync(storage, time, "held.txt");
        var modified = (await storage.Raw.GetBlobClient("held.txt").GetPropertiesAsync()).Value.LastModified;

        await services.GetRequiredService<BlobScanner>().ScanAsync(CancellationToken.None);

        var state = await ReadStateAsync(storage);
        Assert.Equal(modified, state.OldestUnsettled);
        Assert.True(state.Cutoff(ClockSkewMargin) <= modified - ClockSkewMargin);
    }

    private static async Task<ScanState> ReadStateAsync(PipelineStorage storage)
    {
        var content = await storage.State.GetBlobClient(Pipeline.Storage.Outputs.OutputNames.ScanState(storage.Raw.Name)).DownloadContentAsync();
        return System.Text.Json.JsonSerializer.Deserialize(content.Value.Content.ToMemory().Span, RuntimeJson.Default.ScanState)!;
    }

    /// <summary>Uploads a blob and leaves its receipt as an intake that died before its enqueue would.</summary>
    private static async Task<WorkItem> UploadWithUnfinishedReceiptAsync(PipelineStorage storage, TimeProvider time, string name)
    {
        var uploaded = await storage.Raw.GetBlobClient(name).UploadAsync(BinaryData.FromString($"The text of {name}, whose intake crashed after its receipt."));
        var item = new WorkItem(storage.Raw.Name, name, uploaded.Value.ETag.ToString());
        var receipt = new Receipt(time.GetUtcNow(), EnqueuedAt: null, Claim: "an-intake-that-crashed");
        await storage.State.GetBlobClient(item.ReceiptBlob).UploadAsync(BinaryData.Empty, new BlobUploadOptions { Metadata = receipt.ToMetadata() });
        return item;
    }

    private async Task<ServiceProvider> CreateRuntimeAsync(TimeProvider time, Dictionary<string, string?>? names = null)
    {
        var settings = new Dictionary<string, string?>(names ?? PipelineHarness.UniqueNames())
        {
            ["AzureWebJobsStorage"] = azurite.Launcher.ConnectionString,
            ["Pipeline:Intake:ReceiptRecoveryAge"] = RecoveryAge.ToString(),
            ["Pipeline:Intake:ClockSkewMargin"] = ClockSkewMargin.ToString(),
            ["Pipeline:Intake:DroppedBlobGrace"] = "00:00:05",
            ["Pipeline:Intake:ScanInterval"] = "00:00:01",
        };
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton(time)
            .AddPipelineRuntime();
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<PipelineStorage>().EnsureCreatedAsync();
        return provider;
    }
}
