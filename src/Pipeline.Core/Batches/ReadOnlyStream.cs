namespace Pipeline.Core.Batches;

/// <summary>
/// A stream that is only read, front to back: no seeking, no length, no writing. Its readers (a head replayed before
/// the rest of a download, a gzip decoder) say only how to read and where they are.
/// </summary>
public abstract class ReadOnlyStream : Stream
{
    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <summary>How far the stream has been read (it cannot be set).</summary>
    public override long Position
    {
        get => ReadPosition;
        set => throw new NotSupportedException();
    }

    /// <summary>How far the stream has been read.</summary>
    protected abstract long ReadPosition { get; }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
