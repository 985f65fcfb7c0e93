using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Pipeline.Storage.Steps;

namespace Pipeline.Storage.Runtime.FaultInjection;

/// <summary>
/// Throws <see cref="InjectedFaultException"/> before the configured step of runs whose input name matches
/// <see cref="FaultInjectionOptions.FailNamePattern"/>. Does nothing when <see cref="FaultInjectionOptions.FailStep"/>
/// is not set (the default). The <see cref="RunExecutor"/> asks it before every step.
/// </summary>
public sealed class FaultInjector
{
    private readonly string? _step;
    private readonly Regex? _names;

    /// <summary>Creates the injector from its options (validated here).</summary>
    public FaultInjector(IOptions<FaultInjectionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        System.ComponentModel.DataAnnotations.Validator.ValidateObject(value, new(value), validateAllProperties: true);
        _step = string.IsNullOrEmpty(value.FailStep) ? null : value.FailStep;
        _names = _step is null ? null : GlobToRegex(value.FailNamePattern);
    }

    /// <summary>A disabled injector.</summary>
    public static FaultInjector None { get; } = new(Options.Create(new FaultInjectionOptions()));

    /// <summary>Whether any fault is configured.</summary>
    public bool IsEnabled => _step is not null;

    /// <summary>Throws when the run's input is configured to fail in <paramref name="step"/>.</summary>
    /// <param name="step">The step about to run.</param>
    /// <param name="run">The run.</param>
    /// <exception cref="InjectedFaultException">The fault is configured for this step and input.</exception>
    public void BeforeStep(IPipelineStep step, RunContext run)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(run);
        if (_step is not null && string.Equals(step.Name, _step, StringComparison.Ordinal) && _names!.IsMatch(run.Item.Name))
        {
            throw new InjectedFaultException($"Fault injected in step '{_step}' for '{run.Item.Name}' (Pipeline:FaultInjection).");
        }
    }

    private static Regex GlobToRegex(string glob)
    {
        var pattern = new StringBuilder("^");
        foreach (var c in glob)
        {
            pattern.Append(c switch
            {
                '*' => ".*",
                '?' => ".",
                _ => Regex.Escape(c.ToString()),
            });
        }

        // Names are untrusted input: a non-backtracking engine keeps matching linear in the name's length.
        return new Regex(pattern.Append('$').ToString(), RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }
}
