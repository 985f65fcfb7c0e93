using System.Security.Cryptography;

namespace Pipeline.Core.Batches;

/// <summary>
/// Lines and blocks from a stream through one fixed buffer plus a record buffer bounded by the record limit. Tracks how
/// many bytes it has consumed, so a reader can report record boundaries as stream offsets.
/// </summary>
internal sealed class BatchByteReader
{
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly int _maxRecord;
    private byte[] _record = new byte[4096];
    private int _start;
    private int _end;
    private bool _eof;

    public BatchByteReader(Stream stream, int maxRecordBytes, long position)
    {
        _stream = stream;
        _maxRecord = maxRecordBytes;
        Position = position;
    }

    /// <summary>The stream read.</summary>
    public Stream Source => _stream;

    /// <summary>The record limit.</summary>
    public int MaxRecordBytes => _maxRecord;

    /// <summary>Bytes consumed so far (plus the position the reader started at).</summary>
    public long Position { get; private set; }

    /// <summary>Set when the stream ended in a fault (a truncated or corrupt gzip) rather than cleanly.</summary>
    public string? Fault { get; private set; }

    /// <summary>Whether the stream is exhausted.</summary>
    public async ValueTask<bool> AtEndAsync(CancellationToken cancellationToken) => !await FillAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The next line without its line ending, or null at the end. A line longer than the limit comes back as
    /// <c>TooLong</c> with its length and hash and no content: it was skipped.
    /// </summary>
    public async ValueTask<Line?> ReadLineAsync(bool keep, CancellationToken cancellationToken)
    {
        var length = 0L;
        var tooLong = false;
        var blank = true;
        IncrementalHash? hash = null;
        while (true)
        {
            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                if (length == 0 && !tooLong)
                {
                    hash?.Dispose();
                    return null;
                }

                return Finish(length, tooLong, blank, ref hash, ended: false);
            }

            var span = _buffer.AsSpan(_start, _end - _start);
            var newline = span.IndexOf((byte)'\n');
            var take = newline >= 0 ? newline : span.Length;
            blank = blank && span[..take].IndexOfAnyExcept(" \t\r"u8) < 0;
            if (keep || tooLong)
            {
                if (!tooLong && length + take > _maxRecord)
                {
                    tooLong = true;
                    hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                    hash.AppendData(_record, 0, (int)length);
                }

                if (tooLong)
                {
                    hash!.AppendData(span[..take]);
                }
                else
                {
                    Append((int)length, span[..take]);
                }
            }

            length += take;
            Consume(newline >= 0 ? take + 1 : take);
            if (newline >= 0)
            {
                return Finish(length, tooLong, blank, ref hash, ended: true);
            }
        }
    }

    private Line Finish(long length, bool tooLong, bool blank, ref IncrementalHash? hash, bool ended)
    {
        if (tooLong)
        {
            var sha = Convert.ToHexStringLower(hash!.GetHashAndReset());
            hash.Dispose();
            hash = null;
            return new Line(ReadOnlyMemory<byte>.Empty, length, true, sha, ended, blank);
        }

        var content = _record.AsMemory(0, (int)Math.Min(length, _record.Length));
        if (content.Length > 0 && content.Span[^1] == (byte)'\r')
        {
            content = content[..^1];
        }

        return new Line(content, length, false, null, ended, blank);
    }

    /// <summary>
    /// The next <paramref name="count"/> bytes: kept (a copy) when within the limit and <paramref name="keep"/>, else skipped.
    /// <c>Complete</c> is false when the stream ended first.
    /// </summary>
    public async ValueTask<(byte[]? Bytes, bool Complete)> ReadBlockAsync(long count, bool keep, CancellationToken cancellationToken)
    {
        var copy = keep && count <= _maxRecord ? new byte[count] : null;
        var done = 0L;
        while (done < count)
        {
            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return (null, false);
            }

            var take = (int)Math.Min(count - done, _end - _start);
            if (copy is not null)
            {
                _buffer.AsSpan(_start, take).CopyTo(copy.AsSpan((int)done));
            }

            done += take;
            Consume(take);
        }

        return (copy, true);
    }

    /// <summary>The rest of the stream: its first bytes up to the limit, and its whole length.</summary>
    public async ValueTask<(byte[] Bytes, long Length)> ReadRestAsync(CancellationToken cancellationToken)
    {
        using var kept = new MemoryStream();
        var total = 0L;
        while (await FillAsync(cancellationToken).ConfigureAwait(false))
        {
            var take = _end - _start;
            var room = (int)Math.Max(0, Math.Min(take, _maxRecord - kept.Length));
            kept.Write(_buffer, _start, room);
            total += take;
            Consume(take);
        }

        return (kept.ToArray(), total);
    }

    private void Append(int at, ReadOnlySpan<byte> bytes)
    {
        if (at + bytes.Length > _record.Length)
        {
            Array.Resize(ref _record, Math.Min(_maxRecord, Math.Max(_record.Length * 2, at + bytes.Length)));
        }

        bytes.CopyTo(_record.AsSpan(at));
    }

    private void Consume(int count)
    {
        _start += count;
        Position += count;
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_start < _end)
        {
            return true;
        }

        if (_eof)
        {
            return false;
        }

        _start = 0;
        try
        {
            _end = await _stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
        {
            Fault = ex.Message;
            _end = 0;
        }

        _eof = _end == 0;
        return !_eof;
    }

    /// <summary>A line: its content (empty when too long), its length in bytes, and whether a newline ended it.</summary>
    public readonly record struct Line(ReadOnlyMemory<byte> Content, long Length, bool TooLong, string? Sha256, bool Ended, bool Blank);
}
