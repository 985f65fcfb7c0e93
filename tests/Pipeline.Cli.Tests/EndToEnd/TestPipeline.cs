using Pipeline.Tests.Shared;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Pipeline.Core.Documents;
using Pipeline.Storage.Configuration;
using Pipeline.Storage.Outputs;
using Pipeline.Storage.Runtime;

namespace Pipeline.Cli.Tests.EndToEnd;

/// <summary>
/// One pipeline's names on the shared Azurite (unique per test), the settings every <c>pipeline</c> process
/// of the test gets (names and short timings as environment variables), and direct access to its storage.
/// </summary>
internal sealed class TestPipeline
{
    public TestPipeline(CliAzuriteFixture azurite, int maxDequeueCount = 3)
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        Options = new PipelineStorageOptions
        {
            RawContainer = $"raw-{id}",
            ProcessedContainer = $"processed-{id}",
            ResultsContainer = $"results-{id}",
            StateContainer = $"state-{id}",
            WorkQueue = $"work-{id}",
            EventsQueue = $"events-{id}",
            DedupTable = $"dedup{id}",
        };
        ConnectionString = azurite.ConnectionString;
        Environment = new Dictionary<string, string>
        {
            ["Pipeline__Storage__RawContainer"] = Options.RawContainer,
            ["Pipeline__Storage__ProcessedContainer"] = Options.ProcessedContainer,
            ["Pipeline__Storage__ResultsContainer"] = Options.ResultsContainer,
            ["Pipeline__Storage__StateContainer"] = Options.StateContainer,
            ["Pipeline__Storage__WorkQueue"] = Options.WorkQueue,
            ["Pipeline__Storage__EventsQueue"] = Options.EventsQueue,
            ["Pipeline__Storage__DedupTable"] = Options.DedupTable,
            ["AzureFunctionsJobHost__extensions__queues__maxPollingInterval"] = "00:00:00.300",
            ["AzureFunctionsJobHost__extensions__queues__visibilityTimeout"] = "00:00:00",
            ["AzureFunctionsJobHost__extensions__queues__maxDequeueCount"] = maxDequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Pipeline__Worker__RunLease"] = "00:00:03",
            ["Pipeline__Worker__ShutdownGracePeriod"] = "00:00:01",
            ["Pipeline__Intake__ScanInterval"] = "00:00:00.300",
        };
        var factory = new StorageClientFactory(StorageConnection.Parse(ConnectionString));
        Storage = new PipelineStorage(factory.CreateBlobServiceClient(), factory.CreateQueueServiceClient(), factory.CreateTableServiceClient(), Microsoft.Extensions.Options.Options.Create(Options));
    }

    public PipelineStorageOptions Options { get; }

    public string ConnectionString { get; }

    public Dictionary<string, string> Environment { get; }

    public PipelineStorage Storage { get; }

    /// <summary>The environment plus extra settings (e.g. fault injection).</summary>
    public Dictionary<string, string> With(params (string Key, string Value)[] extra)
    {
        var env = new Dictionary<string, string>(Environment);
        foreach (var (key, value) in extra)
        {
            env[key] = value;
        }

        return env;
    }

    /// <summary>Runs a short <c>pipeline</c> command against this pipeline (adds <c>--connection</c>).</summary>
    public Task<CliResult> RunAsync(params string[] args) =>
        CliProcess.RunAsync([.. args, "--connection", ConnectionString], Environment);

    public WorkerProcess StartWorker(IReadOnlyDictionary<string, string>? environment = null) =>
        WorkerProcess.Start(["worker", "--connection", ConnectionString], environment ?? Environment);

    public async Task<List<BlobItem>> ListAsync(Azure.Storage.Blobs.BlobContainerClient container, string? prefix = null)
    {
        var blobs = new List<BlobItem>();
        if (!(await container.ExistsAsync()).Value)
        {
            return blobs;
        }

        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix, Traits = BlobTraits.Metadata }))
        {
            blobs.Add(blob);
        }

        return blobs;
    }

    public async Task<DocumentRecord> ReadResultAsync(string name) =>
        PipelineJson.Deserialize((await Storage.Results.GetBlobClient(OutputNames.ResultBlob(name)).DownloadContentAsync()).Value.Content.ToMemory().Span);

    /// <summary>Waits until every name has a result (in any status when <paramref name="status"/> is null).</summary>
    public async Task WaitForResultsAsync(IEnumerable<string> names, string? status = null, TimeSpan? timeout = null, WorkerProcess? worker = null)
    {
        var wanted = names.Select(OutputNames.ResultBlob).ToHashSet(StringComparer.Ordinal);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            var have = (await ListAsync(Storage.Results))
                .Where(b => status is null || (b.Metadata.TryGetValue(OutputWriter.StatusMetadata, out var s) ? s : null) == status)
                .Select(b => b.Name)
                .ToHashSet(StringComparer.Ordinal);
            if (wanted.IsSubsetOf(have))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Missing results ({status ?? "any status"}): {string.Join(", ", wanted.Except(have))}" +
                    (worker is null ? string.Empty : "\nworker output:\n" + worker.Output));
            }

            await Task.Delay(200);
        }
    }

    /// <summary>
    /// How many exact claims the dedup index holds: a run has made its dedup decision (the index's entities
    /// are that step's checkpoint) once its claim is there.
    /// </summary>
    public async Task<int> CountDedupClaimsAsync()
    {
        var count = 0;
        await foreach (var entity in Storage.Dedup.QueryAsync<Azure.Data.Tables.TableEntity>(select: ["RowKey"]))
        {
            if (entity.RowKey.StartsWith("x-", StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }

    public async Task<int> QueueDepthAsync(Azure.Storage.Queues.QueueClient queue) =>
        (await queue.ExistsAsync()).Value ? (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount : 0;

    /// <summary>Waits until a queue holds at least <paramref name="depth"/> messages.</summary>
    public async Task WaitForQueueDepthAsync(Azure.Storage.Queues.QueueClient queue, int depth, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (await QueueDepthAsync(queue) < depth)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Queue {queue.Name} did not reach {depth} messages.");
            }

            await Task.Delay(200);
        }
    }
}
