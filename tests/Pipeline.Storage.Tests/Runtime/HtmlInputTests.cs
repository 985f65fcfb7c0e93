using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Core.Documents;
using Pipeline.Storage.Runtime;
using Pipeline.Storage.Tests.Azurite;

namespace Pipeline.Storage.Tests.Runtime;

/// <summary>HTML dropped into <c>raw</c>: the decode step reads the blob's content type, so a page is read as HTML.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HtmlInputTests(AzuriteFixture azurite)
{
    private const string Fragment =
        "<h2>Harbour ferry returns</h2><p>The passenger ferry between the harbour and the island carried its first travellers of the season on Monday.</p>" +
        "<p>Engineers replaced both propeller shafts over the winter, work that should keep the vessel running for years.</p>";

    [Fact]
    public async Task Html_blob_with_a_text_html_content_type_is_processed_as_html()
    {
        await using var pipeline = await PipelineHarness.CreateAsync(azurite, worker: false);
        var blob = pipeline.Storage.Raw.GetBlobClient("ferry");
        var uploaded = await blob.UploadAsync(
            BinaryData.FromString(Fragment),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/html; charset=utf-8" } });

        var run = await pipeline.Services.GetRequiredService<RunExecutor>()
            .ExecuteAsync(new WorkItem(pipeline.Storage.Raw.Name, "ferry", uploaded.Value.ETag.ToString()), 1, default);

        Assert.Equal(ResultStatus.Processed, run.Record!.Status);
        Assert.Equal(InputFormats.Html, run.Record.Source.Format);
        Assert.DoesNotContain("<p>", run.Record.Text, StringComparison.Ordinal);
    }
}
