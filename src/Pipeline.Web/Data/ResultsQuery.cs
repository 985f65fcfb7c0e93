namespace Pipeline.Web.Data;

/// <summary>A filter over the results: by status, by name prefix, from a continuation token.</summary>
/// <param name="Status">Only results of this status (processed, duplicate, rejected, failed); null or empty for all.</param>
/// <param name="Prefix">Only inputs whose name starts with this; null or empty for all.</param>
/// <param name="Continuation">Where the previous page ended; null for the first page.</param>
public sealed record ResultsQuery(string? Status, string? Prefix, string? Continuation)
{
    /// <summary>The statuses a result can have.</summary>
    public static IReadOnlyList<string> Statuses { get; } = ["processed", "duplicate", "rejected", "failed"];

    /// <summary>Whether <see cref="Status"/> is empty or one of <see cref="Statuses"/>.</summary>
    public bool HasValidStatus => string.IsNullOrEmpty(Status) || Statuses.Contains(Status, StringComparer.Ordinal);
}
