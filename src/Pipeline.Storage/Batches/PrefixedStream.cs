namespace Pipeline.Storage.Batches;

/// <summary>
/// A read-only stream of bytes already read from a stream followed by the rest of it: the head <c>decode</c> sniffed,
/// replayed, so a batch is read in one download from its start.
/// </summary>
internal sealed class PrefixedStream : Stream
{
    private readonly byte[] _head;
    private readonly Stream _rest;
    private int _offset;
    private long _position;

    public PrefixedStream(byte[] head, Stream rest)
    {
        _head = head;
        _rest = rest;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_offset < _head.Length)
        {
            var n = Math.Min(buffer.Length, _head.Length - _offset);
            _head.AsSpan(_offset, n).CopyTo(buffer);
            _offset += n;
            _position += n;
            return n;
        }

        var read = _rest.Read(buffer);
        _position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_offset < _head.Length)
        {
            return Read(buffer.Span);
        }

        var read = await _rest.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        _position += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _rest.Dispose();
        }

        base.Dispose(disposing);
    }
}
