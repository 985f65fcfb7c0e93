using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Storage.Resilience;
using Pipeline.Storage.Runtime;

namespace Pipeline.Storage.Telemetry;

/// <summary>
/// Reads the work and poison queue depths every <see cref="TelemetryOptions.QueueDepthInterval"/> for the
/// <c>pipeline.queue.depth</c> gauge: a gauge callback must not make storage requests, so it reports the last sample.
/// Added only when an exporter is configured.
/// </summary>
public sealed partial class QueueDepthSampler : BackgroundService
{
    private readonly PipelineStorage _storage;
    private readonly TelemetryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<QueueDepthSampler> _logger;

    /// <summary>Creates the sampler.</summary>
    public QueueDepthSampler(PipelineStorage storage, IOptions<TelemetryOptions> options, TimeProvider time, ILogger<QueueDepthSampler> logger)
    {
        _storage = storage;
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>Reads both depths once.</summary>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        var work = await _storage.Work.GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
        var poison = await _storage.Poison.GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
        PipelineTelemetry.SetQueueDepth("work", work.Value.ApproximateMessagesCount);
        PipelineTelemetry.SetQueueDepth("poison", poison.Value.ApproximateMessagesCount);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.QueueDepthInterval, _time);
        do
        {
            try
            {
                await SampleAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && (StorageTransientFaults.IsTransient(ex, stoppingToken) || ex is Azure.RequestFailedException))
            {
                // A missed sample leaves the last one standing; the worker's own logs report an outage.
                LogSampleFailed(_logger, StorageTransientFaults.Describe(ex));
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 190, Level = LogLevel.Debug, Message = "Queue depths could not be sampled: {Error}")]
    private static partial void LogSampleFailed(ILogger logger, string error);
}
