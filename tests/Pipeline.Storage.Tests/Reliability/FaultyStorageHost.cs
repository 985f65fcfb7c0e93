using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Documents;
using Pipeline.Development.FaultInjection;
using Pipeline.Storage.Hosting;
using Pipeline.Storage.Outputs;
using Pipeline.Storage.Runtime;
using Pipeline.Storage.Tests.Azurite;
using Pipeline.Storage.Tests.Runtime;

namespace Pipeline.Storage.Tests.Reliability;

/// <summary>
/// A worker host (queue worker and scanner) whose storage clients run the fault-injecting policy, beside a
/// clean view of the same pipeline's storage (no faults) that the test uses to upload inputs and read results.
/// </summary>
internal sealed class FaultyStorageHost : IAsyncDisposable
{
    private readonly IHost _host;

    private FaultyStorageHost(IHost host, PipelineStorage clean, CollectingLoggerProvider logs)
    {
        _host = host;
        Clean = clean;
        Logs = logs;
    }

    /// <summary>What the host logged (information and above).</summary>
    public CollectingLoggerProvider Logs { get; }

    /// <summary>The pipeline's storage through clients without faults.</summary>
    public PipelineStorage Clean { get; }

    public static async Task<FaultyStorageHost> StartAsync(AzuriteFixture azurite, IDictionary<string, string?> faults, int maxDequeueCount = 20)
    {
        var names = PipelineHarness.UniqueNames();
        var options = new PipelineStorageOptions
        {
            RawContainer = names["Pipeline:Storage:RawContainer"]!,
            ProcessedContainer = names["Pipeline:Storage:ProcessedContainer"]!,
            ResultsContainer = names["Pipeline:Storage:ResultsContainer"]!,
            StateContainer = names["Pipeline:Storage:StateContainer"]!,
            WorkQueue = names["Pipeline:Storage:WorkQueue"]!,
            EventsQueue = names["Pipeline:Storage:EventsQueue"]!,
            DedupTable = names["Pipeline:Storage:DedupTable"]!,
        };
        var clean = new PipelineStorage(azurite.Factory.CreateBlobServiceClient(), azurite.Factory.CreateQueueServiceClient(),
            azurite.Factory.CreateTableServiceClient(), Microsoft.Extensions.Options.Options.Create(options));
        await clean.EnsureCreatedAsync();

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var config = new Dictionary<string, string?>(names)
        {
            ["AzureWebJobsStorage"] = azurite.Launcher.ConnectionString,
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.200",
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00",
            ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = maxDequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Pipeline:Intake:ScanInterval"] = "00:00:00.200",
            ["Pipeline:Worker:RunLease"] = "00:00:05",
            ["Pipeline:Worker:ShutdownGracePeriod"] = "00:00:02",
            ["Pipeline:Storage:Resilience:MaxDelay"] = "00:00:01",
        };
        foreach (var (key, value) in faults)
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        var logs = new CollectingLoggerProvider();
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddProvider(logs);
        builder.Services.AddPipelineWorker().AddFaultInjection();
        var host = builder.Build();
        await host.StartAsync();
        return new FaultyStorageHost(host, clean, logs);
    }

    public async Task UploadAsync(string name, byte[] content) =>
        await Clean.Raw.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(content), overwrite: true);

    /// <summary>Waits until every name has a result; returns them by name.</summary>
    public async Task<Dictionary<string, DocumentRecord>> WaitForResultsAsync(IReadOnlyCollection<string> names, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var results = new Dictionary<string, DocumentRecord>(StringComparer.Ordinal);
        while (true)
        {
            foreach (var name in names.Where(n => !results.ContainsKey(n)))
            {
                var blob = Clean.Results.GetBlobClient(OutputNames.ResultBlob(name));
                if (await blob.ExistsAsync())
                {
                    results[name] = PipelineJson.Deserialize((await blob.DownloadContentAsync()).Value.Content.ToMemory().Span);
                }
            }

            if (results.Count == names.Count)
            {
                return results;
            }

            if (DateTime.UtcNow > deadline)
            {
                var state = new List<string>();
                await foreach (var blob in Clean.State.GetBlobsAsync())
                {
                    state.Add(blob.Name);
                }

                throw new TimeoutException("No result for: " + string.Join(", ", names.Where(n => !results.ContainsKey(n))) +
                    $"\nwork queue {await DepthAsync(Clean.Work)}, poison {await DepthAsync(Clean.Poison)}\nstate: {string.Join(", ", state)}\nlog:\n{string.Join("\n", Logs.Lines.Where(l => !l.Contains("[108]", StringComparison.Ordinal) && !l.Contains("[109]", StringComparison.Ordinal)).TakeLast(80))}");
            }

            await Task.Delay(200);
        }
    }

    public async Task<int> DepthAsync(Azure.Storage.Queues.QueueClient queue) =>
        (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _host.StopAsync(cts.Token);
        _host.Dispose();
    }
}
