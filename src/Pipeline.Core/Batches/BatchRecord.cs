using Pipeline.Core.Documents;

namespace Pipeline.Core.Batches;

/// <summary>
/// One record of a batch input, as its reader found it: its content (text, HTML, or a raw payload with its content
/// type), what the batch says about it, or why it cannot be used. Every record of a batch, usable or not, has an
/// <see cref="Index"/> (from 0, in file order) and ends in exactly one result.
/// </summary>
public sealed record BatchRecord
{
    /// <summary>The record's position among the batch's records, from 0 in file order.</summary>
    public required long Index { get; init; }

    /// <summary>Plain text (JSON Lines <c>text</c>, <c>content</c> or <c>body</c>).</summary>
    public string? Text { get; init; }

    /// <summary>An HTML page (JSON Lines <c>html</c>).</summary>
    public string? Html { get; init; }

    /// <summary>Raw bytes read as an input of <see cref="ContentType"/> (a WET conversion's text, a WARC response's body).</summary>
    public byte[]? Payload { get; init; }

    /// <summary>The payload's content type, when known (the WARC block's or the HTTP response's).</summary>
    public string? ContentType { get; init; }

    /// <summary>The page's URL (<c>url</c>, <c>WARC-Target-URI</c>).</summary>
    public string? Url { get; init; }

    /// <summary>The title the scraper recorded (<c>title</c>); the record's title unless empty.</summary>
    public string? Title { get; init; }

    /// <summary>The publication date the scraper recorded (<c>publishedAt</c> or <c>date</c>), as given.</summary>
    public string? PublishedAt { get; init; }

    /// <summary>The authors the scraper recorded (<c>author</c> or <c>authors</c>, a string or a list).</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>When the page was fetched (<c>fetchedAt</c>, <c>WARC-Date</c>), as given.</summary>
    public string? FetchedAt { get; init; }

    /// <summary>The scraper's id of the record (<c>id</c>, <c>WARC-Record-ID</c>).</summary>
    public string? RecordId { get; init; }

    /// <summary>Size in bytes of the record as it is in the batch (the line, or the WARC block).</summary>
    public long Size { get; init; }

    /// <summary>Lowercase hex SHA-256 of those bytes, for records rejected when read (their content is not kept).</summary>
    public string? Sha256 { get; init; }

    /// <summary>Why the record was rejected when it was read (invalid JSON, no text, too large, truncated); null otherwise.</summary>
    public Rejection? Rejection { get; init; }
}
