using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Documents;
using Pipeline.Storage.Hosting;
using Pipeline.Storage.Runtime;
using Pipeline.Storage.Tests.Azurite;

namespace Pipeline.Storage.Tests.Runtime;

/// <summary>
/// One pipeline on the fixture's Azurite, with its own containers, queues and table (unique names), in a
/// Generic Host built with <see cref="PipelineServiceCollectionExtensions.AddPipelineWorker"/> (or only the
/// runtime services), and short polling timings so tests run in seconds.
/// </summary>
internal sealed class PipelineHarness : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _started;

    private PipelineHarness(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public PipelineStorage Storage => Services.GetRequiredService<PipelineStorage>();

    /// <summary>Settings naming a fresh set of containers, queues and table.</summary>
    public static Dictionary<string, string?> UniqueNames()
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        return new()
        {
            ["Pipeline:Storage:RawContainer"] = $"raw-{id}",
            ["Pipeline:Storage:ProcessedContainer"] = $"processed-{id}",
            ["Pipeline:Storage:ResultsContainer"] = $"results-{id}",
            ["Pipeline:Storage:StateContainer"] = $"state-{id}",
            ["Pipeline:Storage:WorkQueue"] = $"work-{id}",
            ["Pipeline:Storage:EventsQueue"] = $"events-{id}",
            ["Pipeline:Storage:DedupTable"] = $"dedup{id}",
        };
    }

    /// <summary>Builds the host; runs the worker (and the scanner when <paramref name="intake"/>) only when <paramref name="worker"/>.</summary>
    public static async Task<PipelineHarness> CreateAsync(
        AzuriteFixture azurite, bool worker = true, bool intake = true, IDictionary<string, string?>? names = null, IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var config = new Dictionary<string, string?>(names ?? UniqueNames())
        {
            ["AzureWebJobsStorage"] = azurite.Launcher.ConnectionString,
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.200",
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00",
            ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "3",
            ["Pipeline:Intake:ScanInterval"] = "00:00:00.200",
            ["Pipeline:Worker:RunLease"] = "00:00:03",
            ["Pipeline:Worker:ShutdownGracePeriod"] = "00:00:02",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (worker)
        {
            builder.Services.AddPipelineWorker(withIntake: intake);
        }
        else
        {
            builder.Services.AddPipelineRuntime();
        }

        var harness = new PipelineHarness(builder.Build());
        await harness.Storage.EnsureCreatedAsync();
        if (worker)
        {
            await harness._host.StartAsync();
            harness._started = true;
        }

        return harness;
    }

    /// <summary>Uploads a blob into raw (without enqueuing it: the scanner finds it) and returns its ETag.</summary>
    public async Task<string> UploadAsync(string name, byte[] content)
    {
        var response = await Storage.Raw.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(content), overwrite: true);
        return WorkItem.Normalize(response.Value.ETag.ToString());
    }

    /// <summary>Waits until the result of <paramref name="name"/> exists and is for <paramref name="eTag"/> (any version when null).</summary>
    public async Task<DocumentRecord> WaitForResultAsync(string name, string? eTag = null, TimeSpan? timeout = null)
    {
        var blob = Storage.Results.GetBlobClient(Pipeline.Storage.Outputs.OutputNames.ResultBlob(name));
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        DocumentRecord? last = null;
        while (true)
        {
            if (await blob.ExistsAsync())
            {
                last = PipelineJson.Deserialize((await blob.DownloadContentAsync()).Value.Content.ToMemory().Span);
                if (eTag is null || last.Source.ETag == eTag)
                {
                    return last;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No result for {name} ({eTag ?? "any version"}) within the timeout; last seen: " +
                    (last is null ? "none" : $"{last.Status} for {last.Source.ETag}") +
                    $"; work queue {(await Storage.Work.GetPropertiesAsync()).Value.ApproximateMessagesCount}, poison {(await Storage.Poison.GetPropertiesAsync()).Value.ApproximateMessagesCount}");
            }

            await Task.Delay(100);
        }
    }

    public async Task<string> ReadResultJsonAsync(string name) =>
        (await Storage.Results.GetBlobClient(Pipeline.Storage.Outputs.OutputNames.ResultBlob(name)).DownloadContentAsync()).Value.Content.ToString();

    public static async Task<List<string>> ListAsync(Azure.Storage.Blobs.BlobContainerClient container, string? prefix = null)
    {
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    /// <summary>Every event on the events queue (peeked, so they stay for later reads; at most 32).</summary>
    public async Task<List<JsonElement>> PeekEventsAsync()
    {
        var messages = await Storage.Events.PeekMessagesAsync(32);
        return messages.Value.Select(m => JsonDocument.Parse(m.Body.ToString()).RootElement.Clone()).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await _host.StopAsync(cts.Token);
        }

        _host.Dispose();
    }
}
