using Pipeline.Core.Documents;
using Pipeline.Tests.Shared;

namespace Pipeline.Core.Tests.Processing;

/// <summary>
/// The full record of every sample, frozen in <c>samples/expected/{name}.json</c> after review, so any
/// change in what the core produces shows up as a diff. When a change is intended, regenerate them with
/// <c>UPDATE_GOLDEN=1 dotnet test --filter SampleGoldenRecordTests</c> and review the diff before committing.
/// </summary>
public sealed class SampleGoldenRecordTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, DocumentRecord>> Records = new(SampleExpectationsTests.ProcessSamples);

    public static TheoryData<string> Samples() => new(Records.Value.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_record_equals_its_golden_file(string name)
    {
        var actual = Normalized(Records.Value[name]);
        var path = RepositoryPaths.File("samples", "expected", name + ".json");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual + "\n");
        }

        Assert.True(File.Exists(path), $"No golden file {path}; run with UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(path).TrimEnd('\n'), actual);
    }

    /// <summary>Indented, and without the pipeline version, which changes with every release.</summary>
    private static string Normalized(DocumentRecord record)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(PipelineJson.Serialize(record with { Pipeline = new PipelineInfo("golden") }))!;
        return json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
