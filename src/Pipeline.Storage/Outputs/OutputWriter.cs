using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using Pipeline.Core.Documents;
using Pipeline.Storage.Runtime;

namespace Pipeline.Storage.Outputs;

/// <summary>
/// Writes a run's outputs: the result record, the canonical document and its text, and the event.
/// Every write is idempotent, so writing a run's outputs again changes nothing.
/// </summary>
public sealed class OutputWriter
{
    /// <summary>Blob metadata key holding a result's status (lets <c>status</c> count without reading records).</summary>
    public const string StatusMetadata = "status";

    /// <summary>Blob metadata key holding a result's record id.</summary>
    public const string IdMetadata = "id";

    /// <summary>
    /// Blob metadata key holding, on a duplicate's result, the id of the canonical document it repeats: the web
    /// view finds a document's duplicates from the listing, without reading every record.
    /// </summary>
    public const string DuplicateOfMetadata = "duplicateof";

    /// <summary>Blob metadata key holding the input version a result is for.</summary>
    public const string InputETagMetadata = "inputetag";

    private readonly PipelineStorage _storage;

    /// <summary>Creates the writer.</summary>
    public OutputWriter(PipelineStorage storage) => _storage = storage;

    /// <summary>Writes the canonical document (<c>{id}.json</c>) and its text (<c>{id}.txt</c>) unless they exist.</summary>
    public Task WriteDocumentAsync(DocumentRecord record, CancellationToken cancellationToken) =>
        WriteDocumentAsync(record, PipelineJson.SerializeToUtf8Bytes(record ?? throw new ArgumentNullException(nameof(record))), cancellationToken);

    /// <summary>As <see cref="WriteDocumentAsync(DocumentRecord, CancellationToken)"/>, with the record already serialised.</summary>
    /// <param name="record">The record.</param>
    /// <param name="json">The record as <see cref="PipelineJson"/> writes it (the result holds the same bytes).</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    public async Task WriteDocumentAsync(DocumentRecord record, byte[] json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await Task.WhenAll(
            CreateOnceAsync(OutputNames.DocumentBlob(record.Id), json, "application/json", cancellationToken),
            CreateOnceAsync(OutputNames.TextBlob(record.Id), Encoding.UTF8.GetBytes(record.Text ?? string.Empty), "text/plain; charset=utf-8", cancellationToken))
            .ConfigureAwait(false);
    }

    /// <summary>Writes (or rewrites with the same content) the input's result record.</summary>
    /// <returns>The result blob's name.</returns>
    public Task<string> WriteResultAsync(DocumentRecord record, CancellationToken cancellationToken) =>
        WriteResultAsync(record, PipelineJson.SerializeToUtf8Bytes(record ?? throw new ArgumentNullException(nameof(record))), cancellationToken);

    /// <summary>As <see cref="WriteResultAsync(DocumentRecord, CancellationToken)"/>, with the record already serialised.</summary>
    /// <param name="record">The record.</param>
    /// <param name="json">The record as <see cref="PipelineJson"/> writes it.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The result blob's name.</returns>
    public async Task<string> WriteResultAsync(DocumentRecord record, byte[] json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var name = OutputNames.ResultBlobOf(record.Source.Name, record.Source.Record);
        await _storage.Results.GetBlobClient(name).UploadAsync(
            BinaryData.FromBytes(json),
            new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
                Metadata = ResultMetadata(record),
            },
            cancellationToken).ConfigureAwait(false);
        return name;
    }

    private static Dictionary<string, string> ResultMetadata(DocumentRecord record)
    {
        var metadata = new Dictionary<string, string>
        {
            [StatusMetadata] = StatusName(record.Status),
            [IdMetadata] = record.Id,
            [InputETagMetadata] = record.Source.ETag ?? string.Empty,
        };
        if (record.DuplicateOf is { } canonical)
        {
            metadata[DuplicateOfMetadata] = canonical.Id;
        }

        return metadata;
    }

    /// <summary>
    /// Whether the input version already has a result other than <c>failed</c>, that is, a run of it got as
    /// far as publishing.
    /// </summary>
    /// <param name="inputName">The input's name (a batch record's: its batch's).</param>
    /// <param name="inputETag">The input version.</param>
    /// <param name="record">A batch record's index; null for a file.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<bool> HasPublishedResultAsync(string inputName, string inputETag, long? record, CancellationToken cancellationToken)
    {
        try
        {
            var properties = (await _storage.Results.GetBlobClient(OutputNames.ResultBlobOf(inputName, record))
                .GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            return properties.Metadata.TryGetValue(InputETagMetadata, out var etag)
                && string.Equals(WorkItem.Normalize(etag), WorkItem.Normalize(inputETag), StringComparison.Ordinal)
                && !(properties.Metadata.TryGetValue(StatusMetadata, out var status) && status == StatusName(ResultStatus.Failed));
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    /// <summary>Sends the result's event to the events queue.</summary>
    public async Task SendEventAsync(string runId, DocumentRecord record, string resultBlob, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var evt = new PipelineEvent(runId, record.Status, record.Id, record.Source.Name, record.Source.ETag ?? string.Empty, record.DuplicateOf, resultBlob) { Record = record.Source.Record };
        await _storage.Events.SendMessageAsync(JsonSerializer.Serialize(evt, RuntimeJson.Default.PipelineEvent), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The JSON name of a status.</summary>
    public static string StatusName(ResultStatus status) => status switch
    {
        ResultStatus.Processed => "processed",
        ResultStatus.Duplicate => "duplicate",
        ResultStatus.Rejected => "rejected",
        _ => "failed",
    };

    private async Task CreateOnceAsync(string name, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        try
        {
            await _storage.Processed.GetBlobClient(name).UploadAsync(
                BinaryData.FromBytes(content),
                new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Content-addressed: an existing blob under this id already holds this document.
        }
    }
}
