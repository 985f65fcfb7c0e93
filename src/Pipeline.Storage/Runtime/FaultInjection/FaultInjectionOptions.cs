using System.ComponentModel.DataAnnotations;

namespace Pipeline.Storage.Runtime.FaultInjection;

/// <summary>
/// Makes chosen inputs fail deterministically in a chosen step, for reliability testing (retries, the poison
/// queue, <c>pipeline replay</c>). Off unless <see cref="FailStep"/> is set. Bound from <c>Pipeline:FaultInjection</c>,
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
}
