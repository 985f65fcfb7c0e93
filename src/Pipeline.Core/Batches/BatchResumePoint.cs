namespace Pipeline.Core.Batches;

/// <summary>
/// Where a batch can be read on from the start of a record, without reading what comes before it: open the stored
/// bytes at <see cref="StreamOffset"/> and hand them to <see cref="BatchReader.ResumeAsync"/>, which skips
/// <see cref="Skip"/> decompressed bytes. For an uncompressed batch that is the record's own offset and no skip; for a
/// gzip batch, the start of the gzip member that holds the record and the record's offset inside that member's
/// content. A single-member gzip (<c>gzip crawl.jsonl</c>) has its only member at 0: it is read on from the start,
/// decompressing (not parsing) everything before the record. Multi-member gzip, as Common Crawl writes it (one member
/// per record), is read on from the record's own member.
/// </summary>
/// <param name="Position">The record's offset in the batch's content (decompressed, for a gzip batch).</param>
/// <param name="StreamOffset">Where to start reading the stored bytes: <paramref name="Position"/>, or the start of a gzip member.</param>
/// <param name="Skip">Decompressed bytes between <paramref name="StreamOffset"/> and the record (0 for an uncompressed batch).</param>
public readonly record struct BatchResumePoint(long Position, long StreamOffset, long Skip)
{
    /// <summary>The start of a batch.</summary>
    public static BatchResumePoint Start => default;
}
