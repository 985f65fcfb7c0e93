using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pipeline.Core.Deduplication;
using Pipeline.Core.Processing;
using Pipeline.Storage.Batches;
using Pipeline.Storage.Configuration;
using Pipeline.Storage.Deduplication;
using Pipeline.Storage.Intake;
using Pipeline.Storage.Outputs;
using Pipeline.Storage.Resilience;
using Pipeline.Storage.Runtime;
using Pipeline.Storage.Steps;
using Pipeline.Storage.Telemetry;
using Polly;

namespace Pipeline.Storage.Hosting;

/// <summary>
/// The one service registration shared by every host of the pipeline: the <c>pipeline worker</c> and
/// <c>pipeline up</c> hosts and the Azure Functions app all call <see cref="AddPipelineRuntime"/>.
/// </summary>
public static class PipelineServiceCollectionExtensions
{
    /// <summary>The configuration section of the core's options (<see cref="DocumentProcessorOptions"/>).</summary>
    public const string CoreSectionName = "Pipeline:Core";

    /// <summary>
    /// Registers the storage clients (from <c>AzureWebJobsStorage</c>), host.json settings, resilience, the
    /// core processor, the dedup index, the steps and the intake. Options are bound from configuration and
    /// validated at start.
    /// </summary>
    public static IServiceCollection AddPipelineRuntime(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddStorageClients();
        services.AddHostJsonOptions();
        services.AddStorageResilience();
        services.TryAddSingleton(TimeProvider.System);

        Bind<PipelineStorageOptions>(services, PipelineStorageOptions.SectionName);
        Bind<WorkerOptions>(services, WorkerOptions.SectionName);
        Bind<IntakeOptions>(services, IntakeOptions.SectionName);
        Bind<TableDedupIndexOptions>(services, TableDedupIndexOptions.SectionName);
        Bind<BatchOptions>(services, BatchOptions.SectionName);
        services.AddOptions<DocumentProcessorOptions>().BindConfiguration(CoreSectionName);

        services.TryAddSingleton(sp => new DocumentProcessor(sp.GetRequiredService<IOptions<DocumentProcessorOptions>>().Value));
        services.TryAddSingleton(sp => new NearDuplicateMatcher(sp.GetRequiredService<IOptions<DocumentProcessorOptions>>().Value.Fingerprints));
        services.TryAddSingleton<PipelineStorage>();
        services.TryAddSingleton<CheckpointStore>();
        services.TryAddSingleton<OutputWriter>();
        services.TryAddSingleton<IDedupIndex, TableDedupIndex>();
        services.TryAddSingleton<DecodeStep>();
        services.TryAddSingleton<NormalizeStep>();
        services.TryAddSingleton<DeduplicateStep>();
        services.TryAddSingleton<ExtractStep>();
        services.TryAddSingleton<PublishStep>();
        services.TryAddSingleton<StepTelemetry>();
        services.TryAddSingleton<BatchSummaryWriter>();
        services.TryAddSingleton<RecordMessages>();
        services.TryAddSingleton<BatchRecordReplayer>();
        services.TryAddSingleton<BatchFanOutStep>();
        services.TryAddSingleton<BatchFanInStep>();
        services.TryAddSingleton(sp => new RunExecutor(
            sp.GetRequiredService<DecodeStep>(),
            sp.GetRequiredService<NormalizeStep>(),
            sp.GetRequiredService<DeduplicateStep>(),
            sp.GetRequiredService<ExtractStep>(),
            sp.GetRequiredService<PublishStep>(),
            sp.GetServices<IPipelineStep>(),
            sp.GetServices<IStepInterceptor>(),
            sp.GetRequiredService<StepTelemetry>(),
            sp.GetRequiredService<BatchFanOutStep>(),
            sp.GetRequiredService<BatchFanInStep>()));
        services.TryAddSingleton<WorkItemEnqueuer>();
        services.TryAddSingleton<BlobScanner>();
        services.TryAddSingleton<BlobDropper>();
        services.TryAddSingleton<InputReplayer>();
        services.TryAddSingleton<DeliveryPolicy>();
        services.TryAddSingleton<WorkItemHandler>();
        return services;
    }

    /// <summary>Adds the background services of a worker: the queue worker and, unless disabled, the intake scanner.</summary>
    public static IServiceCollection AddPipelineWorker(this IServiceCollection services, bool withIntake = true)
    {
        services.AddPipelineRuntime();
        services.AddHostedService<QueueWorker>();
        if (withIntake)
        {
            services.AddHostedService<IntakeService>();
        }

        return services;
    }

    /// <summary>
    /// Adds a step to every run, after <c>extract</c> and before <c>publish</c>, in registration order.
    /// It gets retries, and checkpoints and resume if it derives from <see cref="CheckpointedStep{T}"/>.
    /// </summary>
    public static IServiceCollection AddPipelineStep<TStep>(this IServiceCollection services)
        where TStep : class, IPipelineStep
    {
        services.AddSingleton<IPipelineStep, TStep>();
        return services;
    }

    private static void Bind<TOptions>(IServiceCollection services, string section)
        where TOptions : class =>
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
