using System.Text.Json.Serialization;

namespace Pipeline.Core.Documents;

/// <summary>How a duplicate matched its canonical document.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DuplicateKind>))]
public enum DuplicateKind
{
    /// <summary>Same canonical text (SHA-256 of the canonical form).</summary>
    [JsonStringEnumMemberName("exact")] Exact,

    /// <summary>Estimated Jaccard similarity of word shingles at or above the threshold.</summary>
    [JsonStringEnumMemberName("near")] Near,
}
