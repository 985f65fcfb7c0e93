using System.ComponentModel.DataAnnotations;

namespace Pipeline.Storage.Resilience;

/// <summary>
/// How storage requests are retried: exponential backoff with jitter, and a timeout per try. Bound from the app setting section <see cref="SectionName"/>
/// (environment: <c>Pipeline__Storage__Resilience__MaxRetryAttempts</c>), not from host.json, whose
/// schema belongs to Azure Functions.
/// </summary>
public sealed class StorageResilienceOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Pipeline:Storage:Resilience";

    /// <summary>Gets or sets how many times a failed request is retried (not counting the first try).</summary>
    /// <value>Default 5; range 0 (no retries) to 100.</value>
    [Range(0, 100)]
    public int MaxRetryAttempts { get; set; } = 5;

    /// <summary>Gets or sets the delay before the first retry; later ones grow exponentially.</summary>
    /// <value>Default 200 ms; range 0 to 1 minute.</value>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Gets or sets the longest delay between two tries.</summary>
    /// <value>Default 10 s; range 1 ms to 10 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets whether delays are randomised so that many clients do not retry in lockstep.</summary>
    /// <value>Default true.</value>
    public bool UseJitter { get; set; } = true;

    /// <summary>Gets or sets how long one try may take before it is abandoned and retried.</summary>
    /// <value>Default 30 s; range 10 ms to 10 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Checks every range, and that <see cref="BaseDelay"/> does not exceed <see cref="MaxDelay"/>.</summary>
    /// <exception cref="ValidationException">A value is out of range.</exception>
    public void Validate()
    {
        Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
        if (BaseDelay > MaxDelay)
            throw new ValidationException($"{nameof(BaseDelay)} ({BaseDelay}) must not exceed {nameof(MaxDelay)} ({MaxDelay}).");
    }
}
