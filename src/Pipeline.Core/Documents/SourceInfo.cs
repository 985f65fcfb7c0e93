using System.Text.Json.Serialization;

namespace Pipeline.Core.Documents;

/// <summary>What is known about the input a record came from.</summary>
/// <param name="Name">The input's name as given (untrusted; never used to build paths).</param>
/// <param name="Size">Size of the raw input in bytes; null when the input could not be read.</param>
/// <param name="Encoding">The detected encoding (<c>utf-8</c>, <c>utf-16le</c>, <c>windows-1252</c>, ...), or null when not decoded.</param>
/// <param name="HadBom">Whether the input started with a byte order mark.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the raw bytes; null when the input could not be read.</param>
public sealed record SourceInfo(string Name, long? Size, string? Encoding, bool HadBom, string? Sha256)
{
    /// <summary>The blob version (ETag) the record was made from, when the input came from storage.</summary>
    public string? ETag { get; init; }

    /// <summary>What the input was read as: <see cref="InputFormats.Text"/> or <see cref="InputFormats.Html"/>.</summary>
    public string Format { get; init; } = InputFormats.Text;

    /// <summary>
    /// The page's URL: for a record of a batch, the one the batch gives (<c>url</c>, <c>WARC-Target-URI</c>); else the
    /// canonical URL (<c>&lt;link rel=canonical&gt;</c>, else <c>og:url</c>) of an HTML input that gives one; else null.
    /// </summary>
    public string? Url { get; init; }

    /// <summary>For a record of a batch input: its index among the batch's records, from 0 in file order; absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Record { get; init; }

    /// <summary>For a record of a batch input: when the page was fetched, as the batch gives it (<c>fetchedAt</c>, <c>WARC-Date</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FetchedAt { get; init; }

    /// <summary>For a record of a batch input: the scraper's id of the record (<c>id</c>, <c>WARC-Record-ID</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RecordId { get; init; }
}
