using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Storage.Runtime;

namespace Pipeline.Functions;

/// <summary>
/// The app settings the trigger expressions name (see <see cref="Bindings"/>), bound to the shared runtime's
/// <see cref="PipelineStorageOptions"/> so that the triggers and the runtime cannot disagree on a name. Each is
/// required: the host cannot index a trigger without it. Setting the sectioned name as well
/// (<c>Pipeline__Storage__WorkQueue</c>) to a different value is an error, caught at start.
/// </summary>
public static class TriggerSettings
{
    /// <summary>The app setting naming the raw container (the blob trigger's path).</summary>
    public const string RawContainer = "PipelineRawContainer";

    /// <summary>The app setting naming the work queue (the queue trigger's queue).</summary>
    public const string WorkQueue = "PipelineWorkQueue";

    /// <summary>Binds the trigger settings onto <see cref="PipelineStorageOptions"/> and checks them at start.</summary>
    /// <param name="services">The app's services (after <c>AddPipelineRuntime</c>).</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddTriggerSettings(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<PipelineStorageOptions>()
            .Configure<IConfiguration>((options, configuration) =>
            {
                options.RawContainer = configuration[RawContainer] ?? options.RawContainer;
                options.WorkQueue = configuration[WorkQueue] ?? options.WorkQueue;
            })
            .Validate<IConfiguration>(
                (options, configuration) => Agrees(configuration, RawContainer, nameof(PipelineStorageOptions.RawContainer))
                    && Agrees(configuration, WorkQueue, nameof(PipelineStorageOptions.WorkQueue)),
                $"Set the trigger settings {RawContainer} and {WorkQueue} (the host cannot index the triggers without them), "
                + $"and leave {PipelineStorageOptions.SectionName}:{nameof(PipelineStorageOptions.RawContainer)} and "
                + $":{nameof(PipelineStorageOptions.WorkQueue)} unset or equal to them.")
            .ValidateOnStart();
        return services;
    }

    private static bool Agrees(IConfiguration configuration, string trigger, string property)
    {
        var value = configuration[trigger];
        var sectioned = configuration[$"{PipelineStorageOptions.SectionName}:{property}"];
        return !string.IsNullOrEmpty(value) && (sectioned is null || string.Equals(sectioned, value, StringComparison.Ordinal));
    }
}
