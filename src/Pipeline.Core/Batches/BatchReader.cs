using Pipeline.Core.Documents;

namespace Pipeline.Core.Batches;

/// <summary>
/// Reads the records of one batch from a stream, one at a time, with memory bounded by
/// <see cref="BatchReaderOptions.MaxRecordBytes"/>. <see cref="ResumePoint"/> between records says where the next one can
/// be read from without reading what comes before it (<see cref="ResumeAsync"/>): its offset in an uncompressed batch;
/// in a gzip batch the gzip member that holds it and its offset inside that member (see <see cref="BatchResumePoint"/>
/// for single-member gzip). Records can also be skipped by reading them (<see cref="SkipAsync"/>).
/// </summary>
public abstract class BatchReader
{
    private protected BatchReader(BatchByteReader bytes, long firstIndex, long skipped)
    {
        Bytes = bytes;
        NextIndex = firstIndex;
        Skipped = skipped;
    }

    private protected BatchByteReader Bytes { get; }

    /// <summary>The index the next record gets.</summary>
    public long NextIndex { get; private protected set; }

    /// <summary>Records of types that carry no document (WARC <c>warcinfo</c>, <c>request</c>, <c>metadata</c>, non-HTML responses...), counted.</summary>
    public long Skipped { get; private protected set; }

    /// <summary>The offset in the batch's content (decompressed, for a gzip batch) where the next record starts.</summary>
    public long Position => Bytes.Position;

    /// <summary>Where the next record can be read from (see <see cref="BatchResumePoint"/>).</summary>
    public BatchResumePoint ResumePoint
    {
        get
        {
            if (Bytes.Source is not GzipMemberStream gzip)
            {
                return new BatchResumePoint(Position, Position, 0);
            }

            var (member, skip) = gzip.Locate(Position);
            return new BatchResumePoint(Position, member, skip);
        }
    }

    /// <summary>
    /// Opens a reader over a batch stream.
    /// </summary>
    /// <param name="stream">The batch's bytes, from the start.</param>
    /// <param name="kind">What <see cref="BatchSniffer.Sniff"/> said of it.</param>
    /// <param name="options">Limits; defaults when null.</param>
    public static BatchReader Open(Stream stream, BatchKind kind, BatchReaderOptions? options = null) =>
        Open(stream, kind, options, BatchResumePoint.Start, 0, 0);

    /// <summary>
    /// Opens a reader that reads on from a record: <paramref name="stream"/> holds the stored bytes from
    /// <paramref name="from"/>'s <see cref="BatchResumePoint.StreamOffset"/>, and the first
    /// <see cref="BatchResumePoint.Skip"/> decompressed bytes are read past.
    /// </summary>
    /// <param name="stream">The batch's bytes from <see cref="BatchResumePoint.StreamOffset"/>.</param>
    /// <param name="kind">What <see cref="BatchSniffer.Sniff"/> said of the batch.</param>
    /// <param name="from">A <see cref="ResumePoint"/> an earlier reader of the same bytes gave.</param>
    /// <param name="firstIndex">The index of the record at <paramref name="from"/>.</param>
    /// <param name="skipped">Records skipped before it.</param>
    /// <param name="options">Limits; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public static async ValueTask<BatchReader> ResumeAsync(Stream stream, BatchKind kind, BatchResumePoint from, long firstIndex, long skipped, BatchReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        var reader = Open(stream, kind, options, from, firstIndex, skipped);
        if (from.Skip > 0)
        {
            await reader.Bytes.ReadBlockAsync(from.Skip, keep: false, cancellationToken).ConfigureAwait(false);
        }

        return reader;
    }

    private static BatchReader Open(Stream stream, BatchKind kind, BatchReaderOptions? options, BatchResumePoint from, long firstIndex, long skipped)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(kind);
        options ??= new BatchReaderOptions();
        options.Validate();

        // Every member of a multi-member file (Common Crawl writes one member per record) is read, as one stream.
        var start = from.Position - from.Skip;
        var source = kind.Gzip ? new GzipMemberStream(stream, from.StreamOffset, start) : stream;
        var bytes = new BatchByteReader(source, options.MaxRecordBytes, start);
        return kind.Format switch
        {
            BatchFormat.JsonLines => new JsonLinesReader(bytes, firstIndex, skipped),
            BatchFormat.Warc => new WarcReader(bytes, firstIndex, skipped),
            _ => new WholeTextReader(bytes, options.MaxRecordBytes, firstIndex),
        };
    }

    /// <summary>The next record, or null at the end of the batch.</summary>
    public abstract ValueTask<BatchRecord?> ReadAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads past <paramref name="count"/> records without keeping them (resuming a compressed batch).</summary>
    /// <returns>How many were skipped (fewer at the end of the batch).</returns>
    public virtual async ValueTask<long> SkipAsync(long count, CancellationToken cancellationToken = default)
    {
        var done = 0L;
        while (done < count && await ReadAsync(cancellationToken).ConfigureAwait(false) is not null)
        {
            done++;
        }

        return done;
    }

    /// <summary>
    /// The record that ends a batch whose stream broke off (a truncated or corrupt gzip, a WARC block cut short), or null
    /// when it ended cleanly. Called once a reader's stream is exhausted.
    /// </summary>
    private protected BatchRecord? TruncationRecord(string? detail = null)
    {
        var reason = detail ?? Bytes.Fault;
        if (reason is null)
        {
            return null;
        }

        return new BatchRecord
        {
            Index = NextIndex++,
            Rejection = new Rejection(RejectionReasons.Truncated, $"The batch ends in the middle of a record ({reason}); the records before it are kept."),
            Sha256 = Processing.ContentId.Sha256Hex([]),
        };
    }

    private protected static BatchRecord Rejected(long index, long size, string? sha256, string reason, string detail) => new()
    {
        Index = index,
        Size = size,
        Sha256 = sha256,
        Rejection = new Rejection(reason, detail),
    };
}

/// <summary>A gzip input that is no batch format: its decompressed content is one text record.</summary>
internal sealed class WholeTextReader : BatchReader
{
    private readonly int _max;
    private bool _done;

    public WholeTextReader(BatchByteReader bytes, int max, long firstIndex)
        : base(bytes, firstIndex, 0) => _max = max;

    public override async ValueTask<BatchRecord?> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (_done || NextIndex > 0)
        {
            return null;
        }

        _done = true;
        var (content, total) = await Bytes.ReadRestAsync(cancellationToken).ConfigureAwait(false);
        var index = NextIndex++;
        if (total > _max)
        {
            return Rejected(index, total, null, RejectionReasons.TooLarge, $"The decompressed input is {total} bytes; the limit is {_max} bytes.");
        }

        return Bytes.Fault is { } fault
            ? Rejected(index, total, null, RejectionReasons.Truncated, $"The gzip stream is truncated or corrupt ({fault}).")
            : new BatchRecord { Index = index, Payload = content, Size = total };
    }
}
