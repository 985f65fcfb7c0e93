namespace Pipeline.Core.Documents;

/// <summary>Points a duplicate at the canonical document it repeats.</summary>
/// <param name="Id">The canonical document's id.</param>
/// <param name="Kind">Exact or near.</param>
/// <param name="Similarity">Estimated Jaccard similarity in [0, 1]; 1 for exact duplicates.</param>
public sealed record DuplicateReference(string Id, DuplicateKind Kind, double Similarity);
