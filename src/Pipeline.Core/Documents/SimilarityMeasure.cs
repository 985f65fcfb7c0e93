using System.Text.Json.Serialization;

namespace Pipeline.Core.Documents;

/// <summary>The measure a duplicate decision was taken on (<see cref="DuplicateReference.Similarity"/> is its value).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SimilarityMeasure>))]
public enum SimilarityMeasure
{
    /// <summary>The SHA-256 of the canonical forms is equal: similarity 1.</summary>
    [JsonStringEnumMemberName("sha256")] Sha256,

    /// <summary>Jaccard similarity of the two documents' word-shingle sets: shared shingles over all shingles.</summary>
    [JsonStringEnumMemberName("jaccard")] Jaccard,

    /// <summary>Containment of the smaller document's word shingles in the other's: shared shingles over the smaller set.</summary>
    [JsonStringEnumMemberName("containment")] Containment,
}
