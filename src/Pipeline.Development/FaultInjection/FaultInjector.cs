using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Pipeline.Storage.Steps;

namespace Pipeline.Development.FaultInjection;

/// <summary>
/// Throws <see cref="InjectedFaultException"/> before the configured step of runs whose input name matches
/// <see cref="FaultInjectionOptions.FailNamePattern"/> (and, when <see cref="FaultInjectionOptions.FailRecords"/> is set,
/// of those batch records only). Does nothing when <see cref="FaultInjectionOptions.FailStep"/>
/// is not set (the default). Registered by <see cref="FaultInjectionServiceCollectionExtensions.AddFaultInjection"/> as a
/// step interceptor, so the <see cref="Storage.Runtime.RunExecutor"/> asks it before every step.
/// </summary>
public sealed class FaultInjector : IStepInterceptor
{
    private readonly string? _step;
    private readonly Regex? _names;
    private readonly HashSet<long>? _records;
    private readonly string? _delayStep;
    private readonly Regex? _delayNames;
    private readonly TimeSpan _delay;
    private readonly TimeProvider _time;

    /// <summary>Creates the injector from its options (validated here).</summary>
    public FaultInjector(IOptions<FaultInjectionOptions> options, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        System.ComponentModel.DataAnnotations.Validator.ValidateObject(value, new(value), validateAllProperties: true);
        _step = string.IsNullOrEmpty(value.FailStep) ? null : value.FailStep;
        _names = _step is null ? null : GlobPattern.ToRegex(value.FailNamePattern);
        _records = string.IsNullOrEmpty(value.FailRecords) ? null : [.. value.FailRecords.Split(',').Select(r => long.Parse(r, System.Globalization.CultureInfo.InvariantCulture))];
        _delayStep = string.IsNullOrEmpty(value.DelayStep) || value.Delay <= TimeSpan.Zero ? null : value.DelayStep;
        _delayNames = _delayStep is null ? null : GlobPattern.ToRegex(value.DelayNamePattern);
        _delay = value.Delay;
    }

    /// <summary>A disabled injector.</summary>
    public static FaultInjector None { get; } = new(Options.Create(new FaultInjectionOptions()));

    /// <summary>Whether any fault is configured.</summary>
    public bool IsEnabled => _step is not null || _delayStep is not null;

    /// <summary>Waits when <paramref name="step"/> is to be slowed down for the run's input; throws when it is to fail.</summary>
    /// <param name="step">The step about to run.</param>
    /// <param name="run">The run.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="InjectedFaultException">The fault is configured for this step and input.</exception>
    public async ValueTask BeforeStepAsync(IPipelineStep step, RunContext run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(run);
        if (_delayStep is not null && string.Equals(step.Name, _delayStep, StringComparison.Ordinal) && _delayNames!.IsMatch(run.Item.Name))
        {
            await Task.Delay(_delay, _time, cancellationToken).ConfigureAwait(false);
        }

        if (_step is not null && string.Equals(step.Name, _step, StringComparison.Ordinal) && _names!.IsMatch(run.Item.Name)
            && (_records is null || (run.Item.Record is { } record && _records.Contains(record))))
        {
            var what = run.Item.Record is { } index ? $"record {index} of '{run.Item.Name}'" : $"'{run.Item.Name}'";
            throw new InjectedFaultException($"Fault injected in step '{_step}' for {what} (Pipeline:FaultInjection).");
        }
    }
}
