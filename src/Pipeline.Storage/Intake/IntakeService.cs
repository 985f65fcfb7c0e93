using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Storage.Resilience;
using Pipeline.Storage.Runtime;

namespace Pipeline.Storage.Intake;

/// <summary>Runs the <see cref="BlobScanner"/> every <see cref="IntakeOptions.ScanInterval"/> until stopped.</summary>
public sealed class IntakeService : BackgroundService
{
    private readonly BlobScanner _scanner;
    private readonly PipelineStorage _storage;
    private readonly IntakeOptions _options;
    private readonly ILogger<IntakeService> _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates the service.</summary>
    public IntakeService(BlobScanner scanner, PipelineStorage storage, IOptions<IntakeOptions> options, ILogger<IntakeService> logger, TimeProvider? time = null)
    {
        _scanner = scanner;
        _storage = storage;
        _options = options.Value;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var health = new StorageHealth("intake scanner", _logger, _time);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var enqueued = await _scanner.ScanAsync(stoppingToken).ConfigureAwait(false);
                health.Succeeded();
                if (enqueued > 0)
                {
                    Log.IntakeEnqueued(_logger, enqueued, _storage.Raw.Name);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && StorageTransientFaults.IsTransient(ex, stoppingToken))
            {
                health.Failed(ex);
            }

            try
            {
                await Task.Delay(_options.ScanInterval, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
