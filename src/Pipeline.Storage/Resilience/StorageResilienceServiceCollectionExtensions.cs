using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;

namespace Pipeline.Storage.Resilience;

/// <summary>Registers the storage resilience pipeline.</summary>
public static class StorageResilienceServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="StorageResilienceOptions"/> from <see cref="StorageResilienceOptions.SectionName"/> (validated on
    /// start) and registers the pipeline as a keyed singleton <see cref="ResiliencePipeline"/> under
    /// <see cref="StorageResiliencePipeline.ServiceKey"/>. Needs an <c>IConfiguration</c> service, as every host has.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Optional changes applied after binding.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddStorageResilience(this IServiceCollection services, Action<StorageResilienceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<StorageResilienceOptions>()
            .BindConfiguration(StorageResilienceOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.BaseDelay <= o.MaxDelay, $"{nameof(StorageResilienceOptions.BaseDelay)} must not exceed {nameof(StorageResilienceOptions.MaxDelay)}.")
            .ValidateOnStart();
        if (configure is not null)
            builder.Configure(configure);

        services.TryAddKeyedSingleton(StorageResiliencePipeline.ServiceKey, (sp, _) => StorageResiliencePipeline.Create(
            sp.GetRequiredService<IOptions<StorageResilienceOptions>>().Value,
            sp.GetService<ILoggerFactory>()?.CreateLogger("Pipeline.Storage.Resilience") ?? NullLogger.Instance,
            sp.GetService<TimeProvider>()));
        return services;
    }
}
