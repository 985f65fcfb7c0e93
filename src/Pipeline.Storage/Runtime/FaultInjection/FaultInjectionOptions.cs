using System.ComponentModel.DataAnnotations;

namespace Pipeline.Storage.Runtime.FaultInjection;

/// <summary>
/// Makes chosen inputs fail deterministically in a chosen step, or slows a step down, for reliability testing
/// (retries, the poison queue, <c>pipeline replay</c>, a worker killed mid-run). Off unless <see cref="FailStep"/>
/// or <see cref="DelayStep"/> is set. Bound from <c>Pipeline:FaultInjection</c>,
/// e.g. <c>Pipeline__FaultInjection__FailStep=extract</c> and <c>Pipeline__FaultInjection__FailNamePattern=poison-*</c>.
/// Never set it in production.
/// </summary>
public sealed class FaultInjectionOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Pipeline:FaultInjection";

    /// <summary>The step that throws (<c>decode</c>, <c>normalize</c>, <c>deduplicate</c>, <c>extract</c>, <c>publish</c> or an added step's name).</summary>
    /// <value>Defaults to null: no fault is injected. Lowercase letters, digits and dashes.</value>
    [RegularExpression("^[a-z0-9-]+$")]
    public string? FailStep { get; set; }

    /// <summary>
    /// Which inputs fail: a glob over the blob name (<c>*</c> any run of characters, <c>?</c> one character,
    /// matched against the whole name, case-sensitive).
    /// </summary>
    /// <value>Defaults to <c>*</c> (every input). At most 1,024 characters.</value>
    [Required, StringLength(1024, MinimumLength = 1)]
    public string FailNamePattern { get; set; } = "*";

    /// <summary>A step to slow down before it runs (to kill a worker mid-run in tests); null for none.</summary>
    /// <value>Defaults to null: no delay. Lowercase letters, digits and dashes.</value>
    [RegularExpression("^[a-z0-9-]+$")]
    public string? DelayStep { get; set; }

    /// <summary>Which inputs <see cref="DelayStep"/> slows down: a glob over the blob name, as <see cref="FailNamePattern"/>.</summary>
    /// <value>Defaults to <c>*</c> (every input). At most 1,024 characters.</value>
    [Required, StringLength(1024, MinimumLength = 1)]
    public string DelayNamePattern { get; set; } = "*";

    /// <summary>How long <see cref="DelayStep"/> waits before it runs.</summary>
    /// <value>Defaults to zero. Range 0 to 10 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan Delay { get; set; }
}
