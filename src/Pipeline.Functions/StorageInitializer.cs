using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pipeline.Storage.Runtime;

namespace Pipeline.Functions;

/// <summary>
/// Creates the pipeline's containers, queues and table at start (a no-op once they exist), as <c>pipeline worker</c>
/// does, unless <see cref="FunctionsAppOptions.CreateStorage"/> is off because the infrastructure made them.
/// </summary>
/// <param name="storage">The pipeline's storage.</param>
/// <param name="options">The app's options.</param>
public sealed class StorageInitializer(PipelineStorage storage, IOptions<FunctionsAppOptions> options) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) =>
        options.Value.CreateStorage ? storage.EnsureCreatedAsync(cancellationToken) : Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
