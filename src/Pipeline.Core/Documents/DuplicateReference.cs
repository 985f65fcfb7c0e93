namespace Pipeline.Core.Documents;

/// <summary>Points a duplicate at the canonical document it repeats.</summary>
/// <param name="Id">The canonical document's id.</param>
/// <param name="Kind">Exact or near.</param>
/// <param name="Similarity">The similarity the decision was taken on, in [0, 1] (4 decimals); 1 for exact duplicates.</param>
/// <param name="Measure">
/// Which similarity <paramref name="Similarity"/> is: <see cref="SimilarityMeasure.Sha256"/> for exact duplicates,
/// <see cref="SimilarityMeasure.Containment"/> or <see cref="SimilarityMeasure.Jaccard"/> of word shingles for near ones.
/// </param>
public sealed record DuplicateReference(string Id, DuplicateKind Kind, double Similarity, SimilarityMeasure Measure);
