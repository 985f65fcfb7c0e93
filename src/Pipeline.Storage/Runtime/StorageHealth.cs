using Microsoft.Extensions.Logging;
using Pipeline.Storage.Resilience;

namespace Pipeline.Storage.Runtime;

/// <summary>
/// Logs a storage outage once when it starts and once when it ends, however many polls fail in between,
/// so an outage reads as two lines in the log, not one per retry.
/// </summary>
internal sealed class StorageHealth
{
    private readonly string _component;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private DateTimeOffset? _downSince;

    public StorageHealth(string component, ILogger logger, TimeProvider time)
    {
        _component = component;
        _logger = logger;
        _time = time;
    }

    public void Failed(Exception error)
    {
        if (_downSince is null)
        {
            _downSince = _time.GetUtcNow();
            Log.StorageUnavailable(_logger, _component, StorageTransientFaults.Describe(error));
        }
    }

    public void Succeeded()
    {
        if (_downSince is { } since)
        {
            _downSince = null;
            Log.StorageRecovered(_logger, _component, _time.GetUtcNow() - since);
        }
    }
}
