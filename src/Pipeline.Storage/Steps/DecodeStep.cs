using Azure;
using Azure.Storage.Blobs.Models;
using Pipeline.Core.Documents;
using Pipeline.Core.Processing;
using Pipeline.Storage.Runtime;

namespace Pipeline.Storage.Steps;

/// <summary>
/// <c>decode</c>: reads the input version the work item names (<c>If-Match</c> its ETag) and decodes it.
/// Not checkpointed: decoding costs less than storing its output, and the read is needed anyway.
/// </summary>
public sealed class DecodeStep : IPipelineStep
{
    private readonly PipelineStorage _storage;
    private readonly DocumentProcessor _processor;

    /// <summary>Creates the step.</summary>
    public DecodeStep(PipelineStorage storage, DocumentProcessor processor)
    {
        _storage = storage;
        _processor = processor;
    }

    /// <inheritdoc />
    public string Name => "decode";

    /// <inheritdoc />
    public async ValueTask ExecuteAsync(RunContext run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var blob = _storage.Blobs.GetBlobContainerClient(run.Item.Container).GetBlobClient(run.Item.Name);
        string? contentType;
        try
        {
            var content = await blob.DownloadContentAsync(
                new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = new ETag(run.Item.ETag) } },
                cancellationToken).ConfigureAwait(false);
            run.Content = content.Value.Content.ToMemory();
            contentType = content.Value.Details.ContentType;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            run.SupersededReason = ex.Status == 404
                ? "the blob was deleted before it was read"
                : "the blob was overwritten before this version was read; the new version has its own run";
            return;
        }

        // The blob's content type makes an HTML page read as one whatever its name (the bytes decide when it is absent or generic).
        var input = new RawInput(run.Item.Name, run.Content.Value) { ContentType = contentType };
        var decoded = _processor.Decode(input);
        run.Decoded = decoded with { Source = decoded.Source with { ETag = run.Item.ETag } };
    }
}
