namespace Pipeline.Core.Batches;

/// <summary>The batch formats the pipeline reads, each possibly gzip-compressed.</summary>
public enum BatchFormat
{
    /// <summary>JSON Lines / NDJSON: one JSON object per line.</summary>
    JsonLines,

    /// <summary>WARC or WET: <c>WARC/1.x</c> records; <c>conversion</c> and HTML <c>response</c> records are read.</summary>
    Warc,

    /// <summary>A gzip-compressed input that is neither: its decompressed content is one text record.</summary>
    Text,
}

/// <summary>What <see cref="BatchSniffer.Sniff"/> found: the format, and whether the input is gzip-compressed.</summary>
/// <param name="Format">The batch format.</param>
/// <param name="Gzip">Whether the bytes are gzip (possibly several members, as Common Crawl writes them).</param>
public sealed record BatchKind(BatchFormat Format, bool Gzip)
{
    /// <summary>The format's name in records and summaries: <c>jsonl</c>, <c>warc</c> or <c>text</c>, with <c>+gzip</c> when compressed.</summary>
    public string Name => (Format switch
    {
        BatchFormat.JsonLines => "jsonl",
        BatchFormat.Warc => "warc",
        _ => "text",
    }) + (Gzip ? "+gzip" : string.Empty);
}
