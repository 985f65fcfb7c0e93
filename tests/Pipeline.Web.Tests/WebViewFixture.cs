using Pipeline.Tests.Shared;
using System.Globalization;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Development.Azurite;
using Pipeline.Storage.Hosting;
using Pipeline.Storage.Intake;
using Pipeline.Storage.Outputs;
using Pipeline.Storage.Runtime;
using Pipeline.Web;

namespace Pipeline.Web.Tests;

/// <summary>
/// What the web view's tests share: one real Azurite, one real <c>pipeline worker</c> process (inputs named
/// <c>fail-*</c> fail in extract, by fault injection, on their only delivery), the web view in this process on a free
/// loopback port (pages of 3 results, to page with few inputs), and <see cref="TestInputs"/> dropped and processed.
/// </summary>
public sealed class WebViewFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "pipeline-web-azurite-" + Guid.NewGuid().ToString("N"));
    private AzuriteLauncher? _azurite;
    private WorkerProcess? _worker;

    public const int PageSize = 3;

    public WebApplication App { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public PipelineStorage Storage => App.Services.GetRequiredService<PipelineStorage>();

    public string ConnectionString => _azurite!.ConnectionString;

    public WorkerProcess Worker => _worker!;

    /// <summary>The settings every host of the test gets: the connection, unique names, short timings.</summary>
    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        _azurite = new AzuriteLauncher(new AzuriteOptions { DataDirectory = _dataDirectory });
        await _azurite.StartAsync();
        var id = Guid.NewGuid().ToString("N")[..10];
        Settings["AzureWebJobsStorage"] = _azurite.ConnectionString;
        Settings["Pipeline__Storage__RawContainer"] = $"raw-{id}";
        Settings["Pipeline__Storage__ProcessedContainer"] = $"processed-{id}";
        Settings["Pipeline__Storage__ResultsContainer"] = $"results-{id}";
        Settings["Pipeline__Storage__StateContainer"] = $"state-{id}";
        Settings["Pipeline__Storage__WorkQueue"] = $"work-{id}";
        Settings["Pipeline__Storage__EventsQueue"] = $"events-{id}";
        Settings["Pipeline__Storage__DedupTable"] = $"dedup{id}";
        Settings["AzureFunctionsJobHost__extensions__queues__maxPollingInterval"] = "00:00:00.300";
        Settings["AzureFunctionsJobHost__extensions__queues__visibilityTimeout"] = "00:00:00";
        Settings["AzureFunctionsJobHost__extensions__queues__maxDequeueCount"] = "1";
        Settings["Pipeline__Worker__RunLease"] = "00:00:05";
        Settings["Pipeline__Worker__ShutdownGracePeriod"] = "00:00:01";
        Settings["Pipeline__Intake__ScanInterval"] = "00:00:01";

        App = BuildApp(new Dictionary<string, string?> { ["Pipeline:Web:PageSize"] = PageSize.ToString(CultureInfo.InvariantCulture) });
        await Storage.EnsureCreatedAsync(CancellationToken.None);
        await App.StartAsync();
        BaseAddress = new Uri(WebViewApplication.Addresses(App)[0]);
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };

        // One run at a time, so the copy is decided after its original, as dropped.
        _worker = WorkerProcess.Start(["worker"], new Dictionary<string, string>(Settings)
        {
            ["Pipeline__FaultInjection__FailStep"] = "extract",
            ["Pipeline__FaultInjection__FailNamePattern"] = "fail-*",
            ["AzureFunctionsJobHost__extensions__queues__batchSize"] = "1",
            ["AzureFunctionsJobHost__extensions__queues__newBatchThreshold"] = "0",
        });
        var dropper = App.Services.GetRequiredService<BlobDropper>();
        foreach (var name in TestInputs.Names)
        {
            using var content = new MemoryStream(TestInputs.Content(name));
            await dropper.DropAsync(name, content, CancellationToken.None);
        }

        await WaitForResultsAsync(TestInputs.Names, TimeSpan.FromMinutes(3));
    }

    /// <summary>A web view over this test's storage with extra settings (not started).</summary>
    public WebApplication BuildApp(IReadOnlyDictionary<string, string?> web)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(Settings.ToDictionary(s => s.Key.Replace("__", ":", StringComparison.Ordinal), s => (string?)s.Value));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Pipeline:Web:Urls"] = "http://127.0.0.1:0" });
        builder.Configuration.AddInMemoryCollection(web);
        builder.Logging.ClearProviders();
        builder.Services.AddPipelineRuntime();
        return WebViewApplication.Build(builder);
    }

    /// <summary>Waits until every name has a result, in any status.</summary>
    public async Task WaitForResultsAsync(IEnumerable<string> names, TimeSpan timeout)
    {
        var wanted = names.Select(OutputNames.ResultBlob).ToHashSet(StringComparer.Ordinal);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var have = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var blob in Storage.Results.GetBlobsAsync(new GetBlobsOptions()))
            {
                have.Add(blob.Name);
            }

            if (wanted.IsSubsetOf(have))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Missing results: {string.Join(", ", wanted.Except(have))}\nworker output:\n{_worker?.Output}");
            }

            await Task.Delay(300);
        }
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_worker is not null)
        {
            await _worker.DisposeAsync();
        }

        if (App is not null)
        {
            await App.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Leftover temp data is harmless.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WebViewCollection : ICollectionFixture<WebViewFixture>
{
    public const string Name = "Web view";
}
