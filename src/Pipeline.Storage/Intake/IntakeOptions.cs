using System.ComponentModel.DataAnnotations;

namespace Pipeline.Storage.Intake;

/// <summary>How the intake scanner finds new blob versions. Bound from <c>Pipeline:Intake</c>.</summary>
public sealed class IntakeOptions : IValidatableObject
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Pipeline:Intake";

    /// <summary>How often the scanner lists the raw container.</summary>
    /// <value>Defaults to 2 seconds. Range 100 milliseconds to 1 hour.</value>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Allowance for clock differences between writers: the scanner re-examines blobs modified up to this
    /// long before its last complete scan started, and skips older ones without a storage call.
    /// </summary>
    /// <value>Defaults to 5 minutes. Range 0 to 1 day.</value>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan ClockSkewMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Age after which a receipt without an enqueue time is taken to be from an intake that crashed between
    /// the two, and the item is enqueued again (runs are idempotent: a second item costs work, not results).
    /// </summary>
    /// <value>Defaults to 2 minutes. Range 5 seconds to 1 hour.</value>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan ReceiptRecoveryAge { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long a scanner leaves alone a blob that <c>pipeline drop</c> uploaded (it carries
    /// <see cref="BlobDropper.DroppedMetadata"/>): its dropper enqueues it and then writes its receipt, and a
    /// scanner taking it in between would enqueue it a second time. After the grace a dropped blob without a
    /// receipt (its dropper died) is taken like any other.
    /// </summary>
    /// <value>Defaults to 30 seconds. Range 1 second to 1 hour, and shorter than <see cref="ClockSkewMargin"/>.</value>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan DroppedBlobGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many blob versions this process remembers having taken, to skip their receipts on later scans.</summary>
    /// <value>Defaults to 100,000 (a few MB). Range 0 to 10,000,000.</value>
    [Range(0, 10_000_000)]
    public int RememberedReceipts { get; set; } = 100_000;

    /// <summary>
    /// How many blob versions a scanner hands to the enqueuer at once. Each is a receipt, an enqueue and a
    /// stamp; a scanner that dies loses at most this many to receipt recovery (<see cref="ReceiptRecoveryAge"/>).
    /// </summary>
    /// <value>Defaults to 16. Range 1 to 256.</value>
    [Range(1, 256)]
    public int MaxConcurrentEnqueues { get; set; } = 16;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // A scanner looks again only at blobs modified within ClockSkewMargin of its last scan; a dropped blob it is
        // still leaving alone when it falls out of that window would never be taken if its dropper died.
        if (DroppedBlobGrace >= ClockSkewMargin)
        {
            yield return new ValidationResult(
                $"{nameof(DroppedBlobGrace)} ({DroppedBlobGrace}) must be shorter than {nameof(ClockSkewMargin)} ({ClockSkewMargin}).",
                [nameof(DroppedBlobGrace), nameof(ClockSkewMargin)]);
        }
    }
}
