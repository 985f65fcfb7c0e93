using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Pipeline.Core.Documents;
using Pipeline.Storage.Outputs;
using Pipeline.Storage.Runtime;
using Pipeline.Web.Security;

namespace Pipeline.Web.Data;

/// <summary>
/// Reads what the pages and the API show from storage: pages of results (the Blob SDK's paged listing with
/// continuation tokens, so memory stays flat however many results there are), one record, and a document with its
/// duplicate cluster and raw bytes. Error messages are redacted on the way out.
/// </summary>
public sealed class PipelineOutputs
{
    private const int ClusterListingPages = 50;
    private readonly PipelineStorage _storage;
    private readonly WebViewOptions _options;

    /// <summary>Creates the reader.</summary>
    public PipelineOutputs(PipelineStorage storage, IOptions<WebViewOptions> options)
    {
        _storage = storage;
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Value;
    }

    /// <summary>The storage account's name (never its key or a SAS).</summary>
    public string AccountName => _storage.Results.AccountName;

    /// <summary>Reads one page of results matching <paramref name="query"/>.</summary>
    /// <param name="query">The filter and where to start.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<ResultsPage> ReadPageAsync(ResultsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var matches = new List<BlobItem>();
        string? next = null;
        var read = 0;
        var options = new GetBlobsOptions { Traits = BlobTraits.Metadata, Prefix = string.IsNullOrEmpty(query.Prefix) ? null : query.Prefix };
        var continuation = string.IsNullOrEmpty(query.Continuation) ? null : query.Continuation;
        await foreach (var page in _storage.Results.GetBlobsAsync(options, cancellationToken).AsPages(continuation, _options.PageSize).ConfigureAwait(false))
        {
            read++;
            matches.AddRange(page.Values.Where(b => string.IsNullOrEmpty(query.Status) || StatusOf(b) == query.Status));
            next = string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken;
            if (matches.Count >= _options.PageSize || read >= _options.MaxListingPagesPerRequest)
            {
                break;
            }
        }

        var items = new ResultSummary?[matches.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, matches.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, ct) => items[i] = Summarize(matches[i], await TryReadAsync(_storage.Results, matches[i].Name, ct).ConfigureAwait(false))).ConfigureAwait(false);
        return new ResultsPage([.. items.OfType<ResultSummary>()], next);
    }

    /// <summary>The result record of an input (or, for a 32-character id, the canonical document), or null.</summary>
    /// <param name="name">The input's name, or a document id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<DocumentRecord?> ReadRecordAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        var record = await TryReadAsync(_storage.Results, OutputNames.ResultBlob(name), cancellationToken).ConfigureAwait(false);
        if (record is null && name.Length == 32 && name.All(char.IsAsciiHexDigitLower))
        {
            record = await TryReadAsync(_storage.Processed, OutputNames.DocumentBlob(name), cancellationToken).ConfigureAwait(false);
        }

        return record is null ? null : Redacted(record);
    }

    /// <summary>The document page's data for an input, or null when it has no result.</summary>
    /// <param name="name">The input's name.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<DocumentView?> ReadDocumentAsync(string name, CancellationToken cancellationToken)
    {
        var record = await ReadRecordAsync(name, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return null;
        }

        ClusterMember? canonical = null;
        IReadOnlyList<ClusterMember> duplicates = [];
        if (record.DuplicateOf is { } of)
        {
            var original = await TryReadAsync(_storage.Processed, OutputNames.DocumentBlob(of.Id), cancellationToken).ConfigureAwait(false);
            canonical = original is null ? null : new ClusterMember(original.Source.Name, original.Id, null, 1, null);
            duplicates = await DuplicatesOfAsync(of.Id, cancellationToken).ConfigureAwait(false);
        }
        else if (record.Status == ResultStatus.Processed)
        {
            canonical = new ClusterMember(record.Source.Name, record.Id, null, 1, null);
            duplicates = await DuplicatesOfAsync(record.Id, cancellationToken).ConfigureAwait(false);
        }

        var (head, size) = await ReadRawHeadAsync(record.Source.Name, cancellationToken).ConfigureAwait(false);
        return new DocumentView(record, canonical, duplicates, head, size);
    }

    private async Task<IReadOnlyList<ClusterMember>> DuplicatesOfAsync(string canonicalId, CancellationToken cancellationToken)
    {
        // The duplicates are found from the listing's metadata (a result names its canonical), bounded in pages read.
        var found = new List<string>();
        var pages = 0;
        await foreach (var page in _storage.Results.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, cancellationToken).AsPages().ConfigureAwait(false))
        {
            found.AddRange(page.Values.Where(b => b.Metadata.TryGetValue(OutputWriter.DuplicateOfMetadata, out var id) && id == canonicalId).Select(b => b.Name));
            if (found.Count >= _options.MaxClusterMembers || ++pages >= ClusterListingPages)
            {
                break;
            }
        }

        var members = new List<ClusterMember>();
        foreach (var blob in found.Take(_options.MaxClusterMembers))
        {
            if (await TryReadAsync(_storage.Results, blob, cancellationToken).ConfigureAwait(false) is { DuplicateOf: { } of } duplicate)
            {
                members.Add(new ClusterMember(duplicate.Source.Name, duplicate.Id, of.Kind == DuplicateKind.Exact ? "exact" : "near", of.Similarity, MeasureName(of.Measure)));
            }
        }

        return members;
    }

    private async Task<(ReadOnlyMemory<byte> Head, long? Size)> ReadRawHeadAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var download = await _storage.Raw.GetBlobClient(name).DownloadContentAsync(
                new BlobDownloadOptions { Range = new HttpRange(0, _options.RawPreviewBytes) }, cancellationToken).ConfigureAwait(false);
            var size = download.Value.Details.ContentRange is { } range && range.LastIndexOf('/') is var slash and > 0 && long.TryParse(range[(slash + 1)..], out var total)
                ? total
                : download.Value.Details.ContentLength;
            return (download.Value.Content.ToMemory(), size);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return (ReadOnlyMemory<byte>.Empty, null);
        }
        catch (RequestFailedException ex) when (ex.Status == 416)
        {
            // A range request on an empty blob.
            return (ReadOnlyMemory<byte>.Empty, 0);
        }
    }

    private static async Task<DocumentRecord?> TryReadAsync(Azure.Storage.Blobs.BlobContainerClient container, string blob, CancellationToken cancellationToken)
    {
        try
        {
            var content = (await container.GetBlobClient(blob).DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content.ToMemory();

            // A batch's summary is no document's result (its records' results are, under its name); the view lists those.
            return Pipeline.Storage.Batches.BatchSummary.TryRead(content.Span) is null ? PipelineJson.Deserialize(content.Span) : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private static ResultSummary? Summarize(BlobItem blob, DocumentRecord? record) => record is null
        ? null
        : new ResultSummary(record.Source.Name, StatusOf(blob) ?? OutputWriter.StatusName(record.Status), record.Id, record.Metadata?.Title, record.Metadata?.Language, record.Metadata?.PublishedAt, record.Metadata?.WordCount ?? 0)
        {
            Error = record.Error is { } error ? error with { Message = SecretRedactor.Redact(error.Message) ?? string.Empty } : null,
        };

    private static string? StatusOf(BlobItem blob) => blob.Metadata.TryGetValue(OutputWriter.StatusMetadata, out var status) ? status : null;

    private static DocumentRecord Redacted(DocumentRecord record) =>
        record.Error is { } error ? record with { Error = error with { Message = SecretRedactor.Redact(error.Message) ?? string.Empty } } : record;

    /// <summary>The JSON name of a similarity measure.</summary>
    /// <param name="measure">The measure.</param>
    public static string MeasureName(SimilarityMeasure measure) => measure switch
    {
        SimilarityMeasure.Sha256 => "sha256",
        SimilarityMeasure.Jaccard => "jaccard",
        _ => "containment",
    };
}
