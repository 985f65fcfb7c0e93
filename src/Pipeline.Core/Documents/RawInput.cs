namespace Pipeline.Core.Documents;

/// <summary>
/// One raw input as it arrived: the bytes of a scraped file and the name it was stored under.
/// The bytes are never modified by the pipeline.
/// </summary>
/// <param name="Name">The input's name (a file path or a blob name). Untrusted: used only as data.</param>
/// <param name="Content">The raw bytes.</param>
public sealed record RawInput(string Name, ReadOnlyMemory<byte> Content)
{
    /// <summary>
    /// The content type recorded with the input (a blob's <c>Content-Type</c>, an HTTP header), when known. Untrusted: a
    /// <c>text/html</c> or <c>application/xhtml+xml</c> type makes the input read as HTML, and its <c>charset</c> parameter
    /// is used when the bytes carry no byte order mark; anything else leaves the decision to the bytes.
    /// </summary>
    public string? ContentType { get; init; }
}
