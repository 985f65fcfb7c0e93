using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pipeline.Storage.Steps;

namespace Pipeline.Development.FaultInjection;

/// <summary>
/// Adds fault injection to a pipeline host. Never part of <c>AddPipelineRuntime</c>: only the <c>pipeline</c>
/// command and the tests call it, so no production host (the Functions app) can have faults switched on by a setting.
/// </summary>
public static class FaultInjectionServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="FaultInjectionOptions"/> from <c>Pipeline:FaultInjection</c> (validated at start) and registers
    /// the <see cref="FaultInjector"/> before every step and the <see cref="StorageFaultPolicy"/> in every storage
    /// client's HTTP pipeline. Both do nothing until their options are set.
    /// </summary>
    /// <param name="services">The service collection of a host that calls <c>AddPipelineRuntime</c>.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddFaultInjection(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<FaultInjectionOptions>()
            .BindConfiguration(FaultInjectionOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<FaultInjector>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStepInterceptor, FaultInjector>(sp => sp.GetRequiredService<FaultInjector>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<HttpPipelinePolicy, StorageFaultPolicy>());
        return services;
    }
}
