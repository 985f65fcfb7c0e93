using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Pipeline.Storage.Configuration;

/// <summary>Registers the storage account and its clients.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers, as singletons, the <see cref="StorageConnection"/> resolved from configuration
    /// (<paramref name="connectionName"/>, <c>AzureWebJobsStorage</c> by default), a <see cref="StorageClientFactory"/>
    /// (with every registered <see cref="Azure.Core.Pipeline.HttpPipelinePolicy"/>) and one <see cref="BlobServiceClient"/>, <see cref="QueueServiceClient"/> and <see cref="TableServiceClient"/>.
    /// </summary>
    /// <param name="services">The service collection; it must provide <see cref="IConfiguration"/>.</param>
    /// <param name="connectionName">The app setting naming the account.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddStorageClients(this IServiceCollection services, string connectionName = StorageConnection.DefaultConnectionName)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(sp => StorageConnection.FromConfiguration(sp.GetRequiredService<IConfiguration>(), connectionName));
        services.TryAddSingleton(sp => new StorageClientFactory(
            sp.GetRequiredService<StorageConnection>(),
            policies: sp.GetServices<Azure.Core.Pipeline.HttpPipelinePolicy>(),
            requestRetry: sp.GetKeyedService<Polly.ResiliencePipeline>(Resilience.StorageResiliencePipeline.ServiceKey),
            attemptTimeout: sp.GetService<Microsoft.Extensions.Options.IOptions<Resilience.StorageResilienceOptions>>()?.Value.AttemptTimeout));
        services.TryAddSingleton(sp => sp.GetRequiredService<StorageClientFactory>().CreateBlobServiceClient());
        services.TryAddSingleton(sp => sp.GetRequiredService<StorageClientFactory>().CreateQueueServiceClient());
        services.TryAddSingleton(sp => sp.GetRequiredService<StorageClientFactory>().CreateTableServiceClient());
        return services;
    }
}
