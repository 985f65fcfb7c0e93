using Microsoft.Extensions.Hosting;
using Pipeline.Storage.Runtime;

namespace Pipeline.Functions;

/// <summary>Creates the pipeline's containers, queues and table at start (a no-op once they exist), as <c>pipeline worker</c> does.</summary>
internal sealed class StorageInitializer(PipelineStorage storage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => storage.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
