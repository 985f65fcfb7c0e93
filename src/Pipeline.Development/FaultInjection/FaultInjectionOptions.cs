using System.ComponentModel.DataAnnotations;

namespace Pipeline.Development.FaultInjection;

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

    /// <summary>
    /// Which records of a batch fail (with <see cref="FailStep"/>, in batches whose name matches
    /// <see cref="FailNamePattern"/>): their indexes, comma-separated, e.g. <c>3,17,150</c>. Null: every record of such a
    /// batch, and files, fail; set: only those records (files and other records run normally).
    /// </summary>
    /// <value>Defaults to null. Indexes (digits) separated by commas.</value>
    [RegularExpression("^[0-9]+(,[0-9]+)*$")]
    public string? FailRecords { get; set; }

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

    /// <summary>
    /// The share of storage requests (blobs, queues, tables) that fail with <see cref="StorageFailureStatus"/>,
    /// injected by <see cref="StorageFaultPolicy"/> in the clients' HTTP pipeline.
    /// </summary>
    /// <value>Defaults to 0 (no storage faults). Range 0 to 1.</value>
    [Range(0.0, 1.0)]
    public double StorageFailureRate { get; set; }

    /// <summary>
    /// The HTTP status of an injected storage failure. A transient one (408, 429, 500, 502, 503, 504) is
    /// injected, at random, either before the request is sent or after its response came back (a lost
    /// response: the request took effect); any other status is injected before the request is sent.
    /// </summary>
    /// <value>Defaults to 503. Range 400 to 599.</value>
    [Range(400, 599)]
    public int StorageFailureStatus { get; set; } = 503;

    /// <summary>
    /// Which requests <see cref="StorageFailureRate"/> and <see cref="StorageDelay"/> apply to: a glob over
    /// <c>{METHOD} {path}</c>, e.g. <c>PUT */results-*</c> for writes into containers named <c>results-...</c>.
    /// </summary>
    /// <value>Defaults to <c>*</c> (every request). At most 1,024 characters.</value>
    [Required, StringLength(1024, MinimumLength = 1)]
    public string StorageRequestPattern { get; set; } = "*";

    /// <summary>How long every matching storage request waits before it is sent (slow storage).</summary>
    /// <value>Defaults to zero. Range 0 to 1 minute.</value>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan StorageDelay { get; set; }

    /// <summary>The seed of the random choice of failing requests, so a drill can be repeated.</summary>
    /// <value>Defaults to 1. Any integer.</value>
    public int StorageFaultSeed { get; set; } = 1;

    /// <summary>Whether <see cref="StorageFaultPolicy"/> injects anything.</summary>
    internal bool StorageFaultsEnabled => StorageFailureRate > 0 || StorageDelay > TimeSpan.Zero;
}
