using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Core.Documents;
using Pipeline.Storage.Hosting;
using Pipeline.Storage.Intake;
using Pipeline.Storage.Outputs;
using Pipeline.Storage.Runtime;
using Pipeline.Storage.Steps;
using Pipeline.Storage.Tests.Azurite;
using Pipeline.Storage.Tests.Reliability;

namespace Pipeline.Storage.Tests.Runtime;

/// <summary>
/// The handler the Functions queue trigger calls (the trigger owns the message: it retries on an exception and
/// poisons after maxDequeueCount), through the same registration both hosts use, against a real Azurite.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class WorkItemHandlerTests(AzuriteFixture azurite)
{
    private const int MaxDequeueCount = 3;

    [Fact]
    public async Task Delivered_work_item_runs_to_a_processed_result_in_the_results_container()
    {
        await using var services = await CreateRuntimeAsync();
        var item = await DropAsync(services, "article.txt", "Storage news\n\nThe pipeline processed this article about storage queues and blob triggers in one run.");

        var record = await services.GetRequiredService<WorkItemHandler>().HandleAsync(item, dequeueCount: 1, CancellationToken.None);

        Assert.NotNull(record);
        Assert.Equal(ResultStatus.Processed, record.Status);
        var storage = services.GetRequiredService<PipelineStorage>();
        Assert.True((await storage.Results.GetBlobClient(OutputNames.ResultBlob("article.txt")).ExistsAsync()).Value);
    }

    [Fact]
    public async Task Failure_before_the_last_delivery_rethrows_without_writing_a_result()
    {
        await using var services = await CreateRuntimeAsync(failingStep: true);
        var item = await DropAsync(services, "flaky.txt", "A short text that a failing step will never let through.");

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            services.GetRequiredService<WorkItemHandler>().HandleAsync(item, dequeueCount: MaxDequeueCount - 1, CancellationToken.None));

        var storage = services.GetRequiredService<PipelineStorage>();
        Assert.False((await storage.Results.GetBlobClient(OutputNames.ResultBlob("flaky.txt")).ExistsAsync()).Value);
    }

    [Fact]
    public async Task Failure_on_the_last_delivery_writes_the_failed_result_and_still_rethrows()
    {
        await using var services = await CreateRuntimeAsync(failingStep: true);
        var item = await DropAsync(services, "poison.txt", "A short text that a failing step will never let through.");

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            services.GetRequiredService<WorkItemHandler>().HandleAsync(item, dequeueCount: MaxDequeueCount, CancellationToken.None));

        var storage = services.GetRequiredService<PipelineStorage>();
        var result = await storage.Results.GetBlobClient(OutputNames.ResultBlob("poison.txt")).DownloadContentAsync();
        Assert.Contains("\"failed\"", result.Value.Content.ToString(), StringComparison.Ordinal);
        Assert.Contains(nameof(InvalidOperationException), result.Value.Content.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Step_failure_is_logged_with_the_exception_type_message_and_stack()
    {
        var log = new CollectingLoggerProvider();
        await using var services = await CreateRuntimeAsync(failingStep: true, nullDereference: true, log: log);
        var item = await DropAsync(services, "bug.txt", "A short text that a step with a bug will never let through.");

        await Assert.ThrowsAsync<NullReferenceException>(() =>
            services.GetRequiredService<WorkItemHandler>().HandleAsync(item, dequeueCount: 1, CancellationToken.None));

        var line = Assert.Single(log.Lines, l => l.Contains("[101]", StringComparison.Ordinal));
        Assert.Contains("System.NullReferenceException: Object reference not set to an instance of an object.", line, StringComparison.Ordinal);
        Assert.Contains($"at {typeof(NullDereferencingStep).FullName!.Replace('+', '.')}.{nameof(NullDereferencingStep.ExecuteAsync)}", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_result_keeps_the_exception_message_not_only_its_type()
    {
        await using var services = await CreateRuntimeAsync(failingStep: true, nullDereference: true);
        var item = await DropAsync(services, "bug-last.txt", "A short text that a step with a bug will never let through.");

        await Assert.ThrowsAsync<NullReferenceException>(() =>
            services.GetRequiredService<WorkItemHandler>().HandleAsync(item, dequeueCount: MaxDequeueCount, CancellationToken.None));

        var storage = services.GetRequiredService<PipelineStorage>();
        var result = System.Text.Json.JsonDocument.Parse((await storage.Results.GetBlobClient(OutputNames.ResultBlob("bug-last.txt")).DownloadContentAsync()).Value.Content.ToString());
        var error = result.RootElement.GetProperty("error");
        Assert.Equal(nameof(NullReferenceException), error.GetProperty("type").GetString());
        Assert.Equal("Object reference not set to an instance of an object.", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Blob_version_enqueued_twice_by_two_intakes_gives_one_message()
    {
        await using var services = await CreateRuntimeAsync();
        var item = await DropAsync(services, "event-and-scan.txt", "Delivered by Event Grid and found again by the fallback scan.");
        var enqueuer = services.GetRequiredService<WorkItemEnqueuer>();

        var first = await enqueuer.TryEnqueueAsync(item, CancellationToken.None);
        var second = await enqueuer.TryEnqueueAsync(item, CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        var properties = await services.GetRequiredService<PipelineStorage>().Work.GetPropertiesAsync();
        Assert.Equal(1, properties.Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Functions_host_redelivery_of_a_completed_run_returns_nothing_and_sends_no_second_event()
    {
        await using var services = await CreateRuntimeAsync();
        var item = await DropAsync(services, "functions.txt", "A run whose message the Functions runtime failed to delete after it completed.");
        var handler = services.GetRequiredService<WorkItemHandler>();
        var first = await handler.HandleAsync(item, 1, CancellationToken.None);

        var again = await handler.HandleAsync(item, 2, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(again);
        var events = await services.GetRequiredService<PipelineStorage>().Events.PeekMessagesAsync(32);
        Assert.Single(events.Value);
    }

    [Fact]
    public async Task Receipt_is_an_empty_blob_whose_metadata_holds_its_fields()
    {
        await using var services = await CreateRuntimeAsync();
        var item = await DropAsync(services, "receipt.txt", "A version whose receipt is read back.");

        await services.GetRequiredService<WorkItemEnqueuer>().TryEnqueueAsync(item, CancellationToken.None);

        var receipt = (await services.GetRequiredService<PipelineStorage>().State.GetBlobClient(item.ReceiptBlob).DownloadContentAsync()).Value;
        Assert.True(receipt.Content.ToMemory().IsEmpty);
        Assert.Equal("true", receipt.Details.Metadata[Receipt.EnqueuedMetadata]);
        var read = Receipt.Read(receipt);
        Assert.NotNull(read);
        Assert.NotNull(read.EnqueuedAt);
        Assert.False(string.IsNullOrEmpty(read.Claim));
    }

    [Fact]
    public async Task Unstamped_json_receipt_of_an_earlier_version_is_recovered_once_old_enough()
    {
        await using var services = await CreateRuntimeAsync();
        var item = await DropAsync(services, "legacy.txt", "A version whose intake died between its receipt and its enqueue.");
        var storage = services.GetRequiredService<PipelineStorage>();
        var createdAt = DateTimeOffset.UtcNow.AddDays(-1).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var legacy = $$"""{"name":"legacy.txt","eTag":"{{item.ETag}}","createdAt":"{{createdAt}}","enqueuedAt":null}""";
        await storage.State.GetBlobClient(item.ReceiptBlob).UploadAsync(BinaryData.FromString(legacy));

        var enqueued = await services.GetRequiredService<WorkItemEnqueuer>().TryEnqueueAsync(item, CancellationToken.None);

        Assert.True(enqueued);
        Assert.Equal(1, (await storage.Work.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        var receipt = (await storage.State.GetBlobClient(item.ReceiptBlob).DownloadContentAsync()).Value;
        Assert.Equal("true", receipt.Details.Metadata[Receipt.EnqueuedMetadata]);
    }

    private async Task<ServiceProvider> CreateRuntimeAsync(bool failingStep = false, bool nullDereference = false, CollectingLoggerProvider? log = null)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = azurite.Launcher.ConnectionString,
                ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = MaxDequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Pipeline:Storage:RawContainer"] = "raw" + suffix,
                ["Pipeline:Storage:ProcessedContainer"] = "processed" + suffix,
                ["Pipeline:Storage:ResultsContainer"] = "results" + suffix,
                ["Pipeline:Storage:StateContainer"] = "state" + suffix,
                ["Pipeline:Storage:WorkQueue"] = "work" + suffix,
                ["Pipeline:Storage:EventsQueue"] = "events" + suffix,
                ["Pipeline:Storage:DedupTable"] = "dedup" + suffix,
            })
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<ILoggerFactory>(log is null ? NullLoggerFactory.Instance : new LoggerFactory([log]))
            .AddSingleton(typeof(ILogger<>), log is null ? typeof(NullLogger<>) : typeof(Logger<>))
            .AddPipelineRuntime();
        if (failingStep && nullDereference)
        {
            services.AddPipelineStep<NullDereferencingStep>();
        }
        else if (failingStep)
        {
            services.AddPipelineStep<ThrowingStep>();
        }

        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<PipelineStorage>().EnsureCreatedAsync();
        return provider;
    }

    private static async Task<WorkItem> DropAsync(IServiceProvider services, string name, string text)
    {
        var raw = services.GetRequiredService<PipelineStorage>().Raw;
        var uploaded = await raw.GetBlobClient(name).UploadAsync(BinaryData.FromString(text));
        return new WorkItem(raw.Name, name, uploaded.Value.ETag.ToString());
    }

    /// <summary>A step with a bug: it dereferences null, as a real defect would, so its exception has a stack.</summary>
    private sealed class NullDereferencingStep : IPipelineStep
    {
        private static readonly string? Missing = Environment.GetEnvironmentVariable("PIPELINE_TEST_UNSET_" + Guid.NewGuid().ToString("N"));

        public string Name => "has-a-bug";

        public ValueTask ExecuteAsync(RunContext run, CancellationToken cancellationToken) =>
            Missing!.Length > 0 ? ValueTask.CompletedTask : ValueTask.CompletedTask;
    }

    private sealed class ThrowingStep : IPipelineStep
    {
        public const string Message = "the test step always fails";

        public string Name => "always-fails";

        public ValueTask ExecuteAsync(RunContext run, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Message);
    }
}
