using Microsoft.Extensions.Options;
using Pipeline.Core.Processing;
using Pipeline.Storage.Outputs;
using Pipeline.Storage.Runtime;
using Pipeline.Storage.Tests.Azurite;
using Pipeline.Storage.Tests.Runtime;

namespace Pipeline.Storage.Tests.Outputs;

/// <summary>Untrusted input names cannot steer where results are written.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OutputNamesTests(AzuriteFixture azurite)
{
    public static TheoryData<string> UnsafeNames() => new()
    {
        "../x",
        "/x",
        "a/../../x",
        "a/./b",
        "a\\..\\x",
        "trailing.",
        new string('n', 1024),
    };

    [Theory]
    [MemberData(nameof(UnsafeNames))]
    public void Unsafe_input_name_gets_an_escaped_result_name(string name)
    {
        var blob = OutputNames.ResultBlob(name);

        Assert.StartsWith(OutputNames.EscapedPrefix, blob);
        Assert.DoesNotContain("..", blob);
        Assert.True(blob.Length <= OutputNames.MaxBlobNameLength);
    }

    [Theory]
    [MemberData(nameof(UnsafeNames))]
    public async Task Unsafe_input_name_cannot_write_outside_results(string name)
    {
        await using var pipeline = await PipelineHarness.CreateAsync(azurite, worker: false);
        var writer = new OutputWriter(pipeline.Storage);
        var record = FailedRecord.ForRun(new string('b', 32), name, "\"0x1\"", new("Test", "unsafe name", 1));

        var written = await writer.WriteResultAsync(record, default);

        var inResults = await PipelineHarness.ListAsync(pipeline.Storage.Results);
        Assert.Equal([written], inResults);
        Assert.StartsWith(OutputNames.EscapedPrefix, written);
        Assert.Empty(await PipelineHarness.ListAsync(pipeline.Storage.Raw));
        Assert.Empty(await PipelineHarness.ListAsync(pipeline.Storage.Processed));
        Assert.Empty(await PipelineHarness.ListAsync(pipeline.Storage.State));
    }
}
