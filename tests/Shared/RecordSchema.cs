using NJsonSchema;

namespace Pipeline.Tests.Shared;

/// <summary>Validates JSON against the published schema, <c>docs/schema/document-record.v1.schema.json</c>.</summary>
internal static class RecordSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromJsonAsync(File.ReadAllText(RepositoryPaths.File("docs", "schema", "document-record.v1.schema.json")))
            .GetAwaiter().GetResult());

    /// <summary>Asserts that <paramref name="json"/> is a valid v1 record; the failure names every violation.</summary>
    public static void AssertValid(string json)
    {
        var errors = Schema.Value.Validate(json);
        Assert.True(errors.Count == 0, "Record does not match the v1 schema:\n" +
            string.Join("\n", errors.Select(e => $"  {e.Path}: {e.Kind} {e}")) + "\n" + json);
    }
}
