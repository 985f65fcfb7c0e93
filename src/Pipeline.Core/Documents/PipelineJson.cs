using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Core.Documents;

/// <summary>
/// The JSON form of pipeline records (camelCase, source-generated, no reflection), shared by every
/// writer so that <c>pipeline process --json</c> and the outputs in storage are byte-for-byte alike.
/// </summary>
public static class PipelineJson
{
    /// <summary>Options for one-line JSON (JSON Lines on stdout, queue messages).</summary>
    public static JsonSerializerOptions Compact { get; } = PipelineJsonContext.Default.Options;

    /// <summary>Serialises a record on one line.</summary>
    public static string Serialize(DocumentRecord record) =>
        JsonSerializer.Serialize(record, PipelineJsonContext.Default.DocumentRecord);

    /// <summary>Serialises a record as UTF-8 bytes on one line.</summary>
    public static byte[] SerializeToUtf8Bytes(DocumentRecord record) =>
        JsonSerializer.SerializeToUtf8Bytes(record, PipelineJsonContext.Default.DocumentRecord);

    /// <summary>Reads a record written by <see cref="Serialize"/>.</summary>
    /// <exception cref="JsonException">The JSON is not a record.</exception>
    public static DocumentRecord Deserialize(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, PipelineJsonContext.Default.DocumentRecord)
        ?? throw new JsonException("The JSON document is null, not a record.");

    /// <summary>Reads a record written by <see cref="Serialize"/>.</summary>
    /// <exception cref="JsonException">The JSON is not a record.</exception>
    public static DocumentRecord Deserialize(string json) =>
        JsonSerializer.Deserialize(json, PipelineJsonContext.Default.DocumentRecord)
        ?? throw new JsonException("The JSON document is null, not a record.");
}

/// <summary>Source-generated serialisation metadata for the schema v1 records.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DictionaryKeyPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = false)]
[JsonSerializable(typeof(DocumentRecord))]
public sealed partial class PipelineJsonContext : JsonSerializerContext;
