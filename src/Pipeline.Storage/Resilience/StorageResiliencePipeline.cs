using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Pipeline.Storage.Resilience;

/// <summary>
/// Builds the one resilience layer for storage requests: retries with exponential backoff and jitter, only
/// for <see cref="StorageTransientFaults.IsTransient"/> faults. It is installed as every storage client's
/// retry policy (see <see cref="Configuration.StorageClientFactory"/>), in place of the SDK's own; the
/// timeout of one try is the clients' network timeout (<see cref="StorageResilienceOptions.AttemptTimeout"/>).
/// </summary>
public static class StorageResiliencePipeline
{
    /// <summary>The key under which <c>AddStorageResilience</c> registers the pipeline as a keyed service.</summary>
    public const string ServiceKey = "Pipeline.Storage";

    /// <summary>Builds the pipeline.</summary>
    /// <param name="options">The settings; validated here.</param>
    /// <param name="logger">Where retries are logged: a Warning on an operation's first retry, Debug for each attempt.
    /// Name operations with <see cref="ResilienceContext.OperationKey"/> to see them in the log.</param>
    /// <param name="timeProvider">The clock for delays and timeouts; the system clock unless a test supplies one.</param>
    /// <returns>A thread-safe pipeline to share.</returns>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">The options are out of range.</exception>
    public static ResiliencePipeline Create(StorageResilienceOptions options, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        logger ??= NullLogger.Instance;

        var builder = new ResiliencePipelineBuilder { Name = ServiceKey };
        if (timeProvider is not null)
            builder.TimeProvider = timeProvider;

        if (options.MaxRetryAttempts > 0)
        {
            var maxRetryAttempts = options.MaxRetryAttempts;
            builder.AddRetry(new RetryStrategyOptions
            {
                Name = "Retry",
                MaxRetryAttempts = maxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.UseJitter,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                // The token here is the caller's: when it fired, the cancellation is not a transient fault.
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } exception
                    && StorageTransientFaults.IsTransient(exception, args.Context.CancellationToken)),
                OnRetry = args =>
                {
                    var operation = args.Context.OperationKey ?? "storage operation";
                    var fault = args.Outcome.Exception is { } e ? StorageTransientFaults.Describe(e) : "unknown fault";
                    if (args.AttemptNumber == 0)
                        Log.StorageOperationRetrying(logger, operation, fault, maxRetryAttempts);
                    Log.StorageRetryAttempt(logger, operation, args.AttemptNumber + 1, args.RetryDelay, fault, args.Outcome.Exception);
                    return default;
                },
            });
        }
        return builder.Build();
    }
}
