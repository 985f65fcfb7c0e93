using System.Text.Json;
using Pipeline.Core.Deduplication;
using Pipeline.Core.Documents;
using Pipeline.Core.Processing;
using Pipeline.Tests.Shared;

namespace Pipeline.Core.Tests.Processing;

/// <summary>
/// The samples in <c>samples/inputs</c>, processed in name order through one in-memory index (as
/// <c>pipeline process samples/inputs</c> does), against the expectations a human wrote for each in
/// <c>samples/expectations.json</c>. One case per sample and expectation field.
/// </summary>
public sealed class SampleExpectationsTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, DocumentRecord>> Records = new(ProcessSamples);

    private static readonly Lazy<IReadOnlyDictionary<string, JsonElement>> Expectations = new(() =>
        JsonDocument.Parse(File.ReadAllText(RepositoryPaths.File("samples", "expectations.json"))).RootElement
            .EnumerateArray().ToDictionary(e => e.GetProperty("file").GetString()!, e => e.Clone()));

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, expectation) in Expectations.Value)
        {
            foreach (var field in expectation.EnumerateObject().Where(p => p.Name != "file"))
            {
                data.Add(file, field.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sample_meets_its_written_expectation(string file, string field)
    {
        var expected = Expectations.Value[file].GetProperty(field);
        var record = Records.Value[file];
        var metadata = record.Metadata;
        switch (field)
        {
            case "status":
                Assert.Equal(expected.GetString(), OutputStatus(record.Status));
                break;
            case "duplicateOf":
                Assert.Equal(Records.Value[expected.GetString()!].Id, record.DuplicateOf?.Id);
                break;
            case "duplicateKind":
                Assert.Equal(expected.GetString(), record.DuplicateOf?.Kind.ToString().ToLowerInvariant());
                break;
            case "rejectionReason":
                Assert.Equal(expected.GetString(), record.Rejection?.Reason);
                break;
            case "encoding":
                Assert.Equal(expected.GetString(), record.Source.Encoding);
                break;
            case "language":
                Assert.Equal(expected.GetString(), metadata?.Language);
                break;
            case "publishedAt":
                Assert.Equal(expected.GetString(), metadata?.PublishedAt);
                break;
            case "authors":
                Assert.Equal(Strings(expected), metadata?.Authors);
                break;
            case "publisher":
                Assert.Equal(expected.ValueKind == JsonValueKind.Null ? null : expected.GetString(), metadata?.Publisher);
                break;
            case "title":
                Assert.Equal(expected.ValueKind == JsonValueKind.Null ? null : expected.GetString(), metadata?.Title);
                break;
            case "headings":
                Assert.Equal(Strings(expected), metadata?.Headings);
                break;
            case "imageCaptions":
                Assert.Equal(Strings(expected), metadata?.ImageCaptions);
                break;
            case "mustContain":
                Assert.All(Strings(expected), phrase => Assert.Contains(phrase, record.Text, StringComparison.Ordinal));
                break;
            case "mustNotContain":
                // Ordinal, as samples/README.md specifies: a culture-aware search finds ignorable characters
                // (U+FEFF, NUL, C1 controls) at position 0 of any text.
                Assert.All(Strings(expected), phrase => Assert.DoesNotContain(phrase, record.Text ?? string.Empty, StringComparison.Ordinal));
                break;
            case "people":
                Assert.All(Strings(expected), name => Assert.Contains(name, metadata!.Entities.People));
                break;
            case "places":
                Assert.All(Strings(expected), name => Assert.Contains(name, metadata!.Entities.Places));
                break;
            case "organizations":
                Assert.All(Strings(expected), name => Assert.Contains(name, metadata!.Entities.Organizations));
                break;
            case "citations":
                Assert.All(
                    expected.EnumerateArray().Select(c => new Citation(c.GetProperty("outlet").GetString()!, c.GetProperty("title").GetString()!)),
                    citation => Assert.Contains(citation, metadata!.Citations));
                break;
            default:
                Assert.Fail($"samples/expectations.json has a field this test does not know: {field}");
                break;
        }
    }

    [Fact]
    public void Every_sample_has_written_expectations()
    {
        var inputs = Directory.EnumerateFiles(RepositoryPaths.File("samples", "inputs")).Select(Path.GetFileName)
            .Where(n => !n!.StartsWith('.'));
        Assert.Equal(inputs.Order(StringComparer.Ordinal), Expectations.Value.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_sample_record_matches_the_published_schema() =>
        Assert.All(Records.Value.Values, record => RecordSchema.AssertValid(PipelineJson.Serialize(record)));

    [Fact]
    public void Repeated_copy_keeps_each_paragraph_once()
    {
        var text = Records.Value["02-repeated-copy.txt"].Text!;
        Assert.Equal(1, text.Split("protects every existing job").Length - 1);
        Assert.Equal(1, text.Split("Ineke Vos").Length - 1);
    }

    internal static IReadOnlyDictionary<string, DocumentRecord> ProcessSamples()
    {
        var processor = new DocumentProcessor();
        var index = new InMemoryDedupIndex();
        var records = new Dictionary<string, DocumentRecord>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(RepositoryPaths.File("samples", "inputs")).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (name.StartsWith('.'))
            {
                continue;
            }

            records[name] = processor.ProcessAsync(new RawInput(name, File.ReadAllBytes(path)), index).AsTask().GetAwaiter().GetResult();
        }

        return records;
    }

    private static string OutputStatus(ResultStatus status) => status.ToString().ToLowerInvariant();

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
