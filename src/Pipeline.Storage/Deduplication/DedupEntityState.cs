namespace Pipeline.Storage.Deduplication;

/// <summary>The states of a document in the storage dedup index.</summary>
internal static class DedupEntityState
{
    /// <summary>Its bands are in the index; it has not decided yet.</summary>
    public const string Pending = "pending";

    /// <summary>A concurrent near-duplicate with a smaller id took precedence; it must decide again.</summary>
    public const string Yielded = "yielded";

    /// <summary>Decided canonical: later near-duplicates point at it.</summary>
    public const string Canonical = "canonical";

    /// <summary>Decided duplicate; its bands are removed.</summary>
    public const string Duplicate = "duplicate";
}
