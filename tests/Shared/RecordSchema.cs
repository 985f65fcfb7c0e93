using NJsonSchema;

namespace Pipeline.Tests.Shared;

/// <summary>
/// Validates JSON against the published schemas, <c>docs/schema/document-record.v1.schema.json</c> and, for a batch's
/// summary, <c>docs/schema/batch-summary.v1.schema.json</c>.
/// </summary>
internal static class RecordSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() => Load("document-record.v1.schema.json"));

    private static readonly Lazy<JsonSchema> SummarySchema = new(() => Load("batch-summary.v1.schema.json"));

    /// <summary>Asserts that <paramref name="json"/> is a valid v1 record; the failure names every violation.</summary>
    public static void AssertValid(string json) => AssertValid(Schema.Value, "v1 record", json);

    /// <summary>Asserts that <paramref name="json"/> is a valid v1 batch summary.</summary>
    public static void AssertValidSummary(string json) => AssertValid(SummarySchema.Value, "v1 batch summary", json);

    private static void AssertValid(JsonSchema schema, string what, string json)
    {
        var errors = schema.Validate(json);
        Assert.True(errors.Count == 0, $"JSON does not match the {what} schema:\n" +
            string.Join("\n", errors.Select(e => $"  {e.Path}: {e.Kind} {e}")) + "\n" + json);
    }

    private static JsonSchema Load(string file) =>
        JsonSchema.FromJsonAsync(File.ReadAllText(RepositoryPaths.File("docs", "schema", file))).GetAwaiter().GetResult();
}
