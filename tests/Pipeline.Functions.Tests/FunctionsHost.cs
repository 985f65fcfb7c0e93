using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Storage.Runtime;
using Pipeline.Storage.Steps;
using Pipeline.Storage.Tests.Azurite;
using Pipeline.Tests.Shared;

namespace Pipeline.Functions.Tests;

/// <summary>
/// The app's host as Program.cs builds it (<c>FunctionsApplication.CreateBuilder</c> and
/// <see cref="FunctionsApp.Configure"/>), on the fixture's Azurite with names of its own. It is built, not run: running
/// it would connect to the Functions host over gRPC. The tests create function instances from its services as the
/// worker does (<see cref="ActivatorUtilities"/>) and call them with what the host would bind.
/// </summary>
internal sealed class FunctionsHost : IAsyncDisposable
{
    private readonly IHost _host;

    private FunctionsHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public PipelineStorage Storage => Services.GetRequiredService<PipelineStorage>();

    /// <summary>The app settings a deployment gives the app, on Azurite, with a fresh set of containers and queues.</summary>
    public static Dictionary<string, string?> Settings(AzuriteFixture azurite)
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        return new()
        {
            ["AzureWebJobsStorage"] = azurite.Launcher.ConnectionString,
            [TriggerSettings.RawContainer] = $"raw-{id}",
            [TriggerSettings.WorkQueue] = $"work-{id}",
            ["Pipeline:Storage:ProcessedContainer"] = $"processed-{id}",
            ["Pipeline:Storage:ResultsContainer"] = $"results-{id}",
            ["Pipeline:Storage:StateContainer"] = $"state-{id}",
            ["Pipeline:Storage:EventsQueue"] = $"events-{id}",
            ["Pipeline:Storage:DedupTable"] = $"dedup{id}",
            ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "2",
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00",

            // What the Functions host passes the worker process at start; its gRPC client is created, never connected.
            ["Functions:Worker:HostEndpoint"] = "http://127.0.0.1:9",
            ["Functions:Worker:WorkerId"] = id,
            ["Functions:Worker:RequestId"] = id,
            ["Functions:Worker:GrpcMaxMessageLength"] = "2147483647",
        };
    }

    /// <summary>Builds the app's host and runs its hosted storage initializer (the only hosted service of the app's own).</summary>
    public static async Task<FunctionsHost> CreateAsync(IDictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var builder = FunctionsApp.Configure(FunctionsApplication.CreateBuilder([]), RepositoryPaths.File("host.json"));
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        configure?.Invoke(builder.Services);
        var host = new FunctionsHost(builder.Build());
        foreach (var initializer in host.Services.GetServices<IHostedService>().OfType<StorageInitializer>())
        {
            await initializer.StartAsync(CancellationToken.None);
        }

        return host;
    }

    /// <summary>A function class instance, created as the worker creates one per invocation.</summary>
    public T Function<T>() => ActivatorUtilities.CreateInstance<T>(Services);

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}

/// <summary>An added step that fails every run whose input name starts with <c>poison</c>.</summary>
internal sealed class FailingStep : IPipelineStep
{
    public string Name => "always-fails";

    public ValueTask ExecuteAsync(RunContext run, CancellationToken cancellationToken) =>
        run.Item.Name.StartsWith("poison", StringComparison.Ordinal)
            ? throw new InvalidOperationException($"{run.Item.Name} cannot be processed.")
            : ValueTask.CompletedTask;
}
