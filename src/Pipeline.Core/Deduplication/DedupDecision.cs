using Pipeline.Core.Documents;

namespace Pipeline.Core.Deduplication;

/// <summary>What a <see cref="IDedupIndex"/> decided about a document.</summary>
/// <param name="DuplicateOf">The canonical document it duplicates, or null when it is canonical itself.</param>
public sealed record DedupDecision(DuplicateReference? DuplicateOf)
{
    /// <summary>True when the document duplicates another.</summary>
    public bool IsDuplicate => DuplicateOf is not null;

    /// <summary>The decision for a canonical (first-seen) document.</summary>
    public static DedupDecision Canonical { get; } = new((DuplicateReference?)null);
}
