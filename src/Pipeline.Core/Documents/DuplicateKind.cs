using System.Text.Json.Serialization;

namespace Pipeline.Core.Documents;

/// <summary>How a duplicate matched its canonical document.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DuplicateKind>))]
public enum DuplicateKind
{
    /// <summary>Same canonical text (SHA-256 of the canonical form).</summary>
    [JsonStringEnumMemberName("exact")] Exact,

    /// <summary>Word-shingle containment or Jaccard similarity at or above the threshold (see <see cref="SimilarityMeasure"/>).</summary>
    [JsonStringEnumMemberName("near")] Near,
}
