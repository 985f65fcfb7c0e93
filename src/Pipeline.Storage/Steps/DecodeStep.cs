using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using Pipeline.Core.Batches;
using Pipeline.Core.Documents;
using Pipeline.Core.Processing;
using Pipeline.Storage.Batches;
using Pipeline.Storage.Outputs;
using Pipeline.Storage.Runtime;

namespace Pipeline.Storage.Steps;

/// <summary>
/// <c>decode</c>: reads the input version the work item names (<c>If-Match</c> its ETag) and decodes it. A batch input
/// (JSON Lines, WARC/WET, gzip, told by its first bytes and name) is not read here: its stream is handed to
/// <c>fan-out</c>. A record's run takes its record from its message, or reads the one its batch's fan-out staged. Not checkpointed: decoding costs less
/// than storing its output, and the read is needed anyway.
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
        if (run.Item.Record is { } index)
        {
            await DecodeRecordAsync(run, index, cancellationToken).ConfigureAwait(false);
            return;
        }

        var blob = _storage.Blobs.GetBlobContainerClient(run.Item.Container).GetBlobClient(run.Item.Name);
        BlobDownloadStreamingResult download;
        try
        {
            download = (await blob.DownloadStreamingAsync(
                new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = new ETag(run.Item.ETag) } },
                cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            run.SupersededReason = ex.Status == 404
                ? "the blob was deleted before it was read"
                : "the blob was overwritten before this version was read; the new version has its own run";
            return;
        }

        var contentType = download.Details.ContentType;
        var head = await ReadHeadAsync(download.Content, download.Details.ContentLength, cancellationToken).ConfigureAwait(false);
        if (BatchSniffer.Sniff(run.Item.Name, head) is { } kind)
        {
            run.Batch = new BatchContent(kind, new HeadReplayStream(head, download.Content));
            return;
        }

        using (download)
        {
            run.Content = await ReadRestAsync(head, download.Content, download.Details.ContentLength, cancellationToken).ConfigureAwait(false);
        }

        // The blob's content type makes an HTML page read as one whatever its name (the bytes decide when it is absent or generic).
        var input = new RawInput(run.Item.Name, run.Content.Value) { ContentType = contentType };
        var decoded = _processor.Decode(input);
        run.Decoded = decoded with { Source = decoded.Source with { ETag = run.Item.ETag } };
    }

    private async Task DecodeRecordAsync(RunContext run, long index, CancellationToken cancellationToken)
    {
        if (run.Item.Content is { } inline)
        {
            Decode(run, inline);
            return;
        }

        var staged = _storage.State.GetBlobClient(OutputNames.StagedRecord(run.Item.Batch.RunId, index));
        BinaryData content;
        try
        {
            content = (await staged.DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Staged copies are deleted once their record's result is published: this is a repeated work item.
            run.SupersededReason = "the record's result is already published (its staged copy is gone)";
            return;
        }

        var record = JsonSerializer.Deserialize(content.ToMemory().Span, RuntimeJson.Default.BatchRecord)
            ?? throw new InvalidDataException($"The staged record {index} of {run.Item.Name} is empty.");
        Decode(run, record);
    }

    private void Decode(RunContext run, BatchRecord record)
    {
        run.BatchRecord = record;
        var decoded = BatchRecordInput.Decode(_processor, run.Item.Name, record);
        run.Decoded = decoded with { Source = decoded.Source with { ETag = run.Item.ETag } };
    }

    /// <summary>The first <see cref="BatchSniffer.HeadLength"/> bytes of a stream (all of it when shorter; <paramref name="length"/> sizes the buffer when known).</summary>
    internal static async Task<byte[]> ReadHeadAsync(Stream content, long length, CancellationToken cancellationToken)
    {
        // Sized to the blob when it is smaller: most inputs are, and their head is then their whole content, read once.
        var buffer = new byte[length is > 0 and < BatchSniffer.HeadLength ? (int)length : BatchSniffer.HeadLength];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await content.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return read == buffer.Length ? buffer : buffer[..read];
    }

    private static async Task<ReadOnlyMemory<byte>> ReadRestAsync(byte[] head, Stream rest, long length, CancellationToken cancellationToken)
    {
        if (head.Length < BatchSniffer.HeadLength || head.Length == length)
        {
            return head; // the head is the whole blob
        }

        using var all = new MemoryStream(length is > 0 and <= int.MaxValue ? (int)length : head.Length * 2);
        all.Write(head);
        await rest.CopyToAsync(all, cancellationToken).ConfigureAwait(false);
        return all.GetBuffer().AsMemory(0, (int)all.Length);
    }
}
