using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Options;
using Pipeline.Storage.Resilience;

namespace Pipeline.Development.FaultInjection;

/// <summary>
/// An HTTP pipeline policy of the storage clients that slows requests down and fails a seeded random share of
/// them (<see cref="FaultInjectionOptions.StorageFailureRate"/>, <see cref="FaultInjectionOptions.StorageDelay"/>,
/// <see cref="FaultInjectionOptions.StorageRequestPattern"/>), for drills of slow and failing storage. It does
/// nothing unless one of them is set; <see cref="Storage.Configuration.StorageClientFactory"/> adds it to every client.
/// </summary>
/// <remarks>
/// Failures are error responses with the configured status and error code <c>InjectedFault</c>, so the
/// clients classify, retry and throw them exactly as they would a real one. A transient status is injected half the
/// time after the response came back, so the request took effect but its caller never heard: retries must be
/// idempotent.
/// </remarks>
public sealed class StorageFaultPolicy : HttpPipelinePolicy
{
    /// <summary>The error code of injected failures.</summary>
    public const string ErrorCode = "InjectedFault";

    private readonly FaultInjectionOptions _options;
    private readonly Regex _requests;
    private readonly Random _random;

    /// <summary>Creates the policy from its options (validated here).</summary>
    public StorageFaultPolicy(IOptions<FaultInjectionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        System.ComponentModel.DataAnnotations.Validator.ValidateObject(_options, new(_options), validateAllProperties: true);
        _requests = GlobPattern.ToRegex(_options.StorageRequestPattern);
        _random = new Random(_options.StorageFaultSeed);
    }

    /// <summary>Whether the policy injects anything.</summary>
    public bool IsEnabled => _options.StorageFaultsEnabled;

    /// <inheritdoc />
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline, async: false).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline, async: true);

    private async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline, bool async)
    {
        var applies = IsEnabled && _requests.IsMatch($"{message.Request.Method} {message.Request.Uri.Path}");
        if (applies && _options.StorageDelay > TimeSpan.Zero)
        {
            await Task.Delay(_options.StorageDelay, message.CancellationToken).ConfigureAwait(false);
        }

        var (fail, afterResponse) = applies ? Draw() : (false, false);
        if (fail && !afterResponse)
        {
            message.Response = new InjectedErrorResponse(_options.StorageFailureStatus);
            return;
        }

        if (async)
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
        else
        {
            ProcessNext(message, pipeline);
        }

        if (fail)
        {
            message.Response.Dispose();
            message.Response = new InjectedErrorResponse(_options.StorageFailureStatus);
        }
    }

    private (bool Fail, bool AfterResponse) Draw()
    {
        lock (_random)
        {
            var fail = _random.NextDouble() < _options.StorageFailureRate;
            var after = _random.Next(2) == 1 && StorageTransientFaults.IsTransientStatus(_options.StorageFailureStatus);
            return (fail, after);
        }
    }
}
