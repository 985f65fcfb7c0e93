namespace Pipeline.Core.Batches;

/// <summary>
/// A read-only stream of the bytes already read from a stream (its head, read to sniff it with
/// <see cref="BatchSniffer"/>) followed by the rest of that stream: a download or a pipe read once, from its start,
/// as if it had been seeked back. Disposing it disposes the rest.
/// </summary>
public sealed class HeadReplayStream : ReadOnlyStream
{
    private readonly ReadOnlyMemory<byte> _head;
    private readonly Stream _rest;
    private int _offset;
    private long _position;

    /// <summary>Creates the stream.</summary>
    /// <param name="head">The bytes already read.</param>
    /// <param name="rest">The stream they were read from, positioned after them.</param>
    public HeadReplayStream(ReadOnlyMemory<byte> head, Stream rest)
    {
        _head = head;
        _rest = rest ?? throw new ArgumentNullException(nameof(rest));
    }

    /// <inheritdoc />
    protected override long ReadPosition => _position;

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        if (_offset < _head.Length)
        {
            var n = Math.Min(buffer.Length, _head.Length - _offset);
            _head.Span.Slice(_offset, n).CopyTo(buffer);
            _offset += n;
            _position += n;
            return n;
        }

        var read = _rest.Read(buffer);
        _position += read;
        return read;
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
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

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _rest.Dispose();
        }

        base.Dispose(disposing);
    }
}
