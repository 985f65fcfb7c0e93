using System.Buffers.Binary;
using ICSharpCode.SharpZipLib;
using ICSharpCode.SharpZipLib.Checksum;
using ICSharpCode.SharpZipLib.Zip.Compression;

namespace Pipeline.Core.Batches;

/// <summary>
/// Decompresses a gzip stream of one or more members (RFC 1952; Common Crawl writes one member per record) and knows,
/// for every member, where it starts in the compressed stream and in the decompressed one, so that a reader can be
/// reopened at the member holding a given decompressed offset instead of decompressing from the start
/// (<see cref="Locate"/>). <see cref="System.IO.Compression.GZipStream"/> reads multi-member gzip too but exposes no
/// member offsets. Each member's header is parsed here, its deflate data inflated by SharpZipLib's
/// <see cref="Inflater"/> (which tells how much input it left unread), and its trailer checked (CRC-32 and ISIZE); a
/// truncated member, a bad checksum or bytes after a member that are not another member end the stream with an
/// <see cref="InvalidDataException"/>, after the bytes decompressed before the fault.
/// </summary>
/// <remarks>
/// A single-member gzip (<c>gzip crawl.jsonl</c>) has one member start, at 0: it can only be reopened from its start.
/// <see cref="Locate"/> answers for offsets at or after the decompressed position where the latest read began (a
/// reader asks for offsets it has not consumed yet, and reads again only once it has consumed everything), so the
/// stream keeps only the member starts that such an offset can fall in.
/// </remarks>
internal sealed class GzipMemberStream : ReadOnlyStream
{
    private const int FlagHeaderCrc = 0x02;
    private const int FlagExtra = 0x04;
    private const int FlagName = 0x08;
    private const int FlagComment = 0x10;
    private const int KeptBehind = 8;

    private readonly Stream _inner;
    private readonly byte[] _in = new byte[64 * 1024];
    private readonly Inflater _inflater = new(noHeader: true);
    private readonly Crc32 _crc = new();
    private readonly List<GzipMember> _members = [];
    private long _inBase;
    private int _inStart;
    private int _inEnd;
    private int _givenEnd;
    private bool _innerEnded;
    private State _state = State.Header;
    private long _produced;
    private long _memberProduced;
    private Exception? _fault;

    /// <summary>Creates the stream.</summary>
    /// <param name="inner">The compressed bytes, from the start of a member.</param>
    /// <param name="compressedOffset">Where <paramref name="inner"/> starts in the whole gzip (0 unless reopened at a member).</param>
    /// <param name="decompressedOffset">The decompressed offset that member starts at (0 unless reopened at a member).</param>
    public GzipMemberStream(Stream inner, long compressedOffset = 0, long decompressedOffset = 0)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _inBase = compressedOffset;
        _produced = decompressedOffset;
        _members.Add(new GzipMember(compressedOffset, decompressedOffset));
    }

    private enum State
    {
        Header,
        Body,
        Trailer,
        Ended,
    }

    /// <summary>The decompressed offset of the next byte read.</summary>
    protected override long ReadPosition => _produced;

    /// <summary>
    /// Where to reopen the gzip to read on from a decompressed offset: the compressed start of the member that holds it,
    /// and how many decompressed bytes of that member come before it.
    /// </summary>
    /// <param name="decompressedOffset">An offset at or after where the latest read began.</param>
    public (long MemberOffset, long Skip) Locate(long decompressedOffset)
    {
        var member = _members[0];
        foreach (var candidate in _members)
        {
            if (candidate.DecompressedStart > decompressedOffset)
            {
                break;
            }

            member = candidate;
        }

        return (member.CompressedStart, decompressedOffset - member.DecompressedStart);
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) =>
        ReadCoreAsync(buffer.AsMemory(offset, count), sync: true, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadCoreAsync(buffer.AsMemory(offset, count), sync: false, cancellationToken).AsTask();

    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ReadCoreAsync(buffer, sync: false, cancellationToken);

    private async ValueTask<int> ReadCoreAsync(Memory<byte> buffer, bool sync, CancellationToken cancellationToken)
    {
        if (_fault is { } fault)
        {
            _fault = null;
            _state = State.Ended;
            throw fault;
        }

        Forget();
        var (array, start) = System.Runtime.InteropServices.MemoryMarshal.TryGetArray<byte>(buffer, out var segment)
            ? (segment.Array!, segment.Offset)
            : (new byte[buffer.Length], 0);
        var written = 0;
        try
        {
            // A member's trailer and the next member's header are read as soon as its data ends, so that the next
            // member's start is known before any offset inside it can be asked for.
            while (_state != State.Ended && (written < buffer.Length || _state != State.Body))
            {
                written += _state switch
                {
                    State.Header => await BeginMemberAsync(sync, cancellationToken).ConfigureAwait(false),
                    State.Body => await InflateAsync(array, start + written, buffer.Length - written, sync, cancellationToken).ConfigureAwait(false),
                    _ => await EndMemberAsync(sync, cancellationToken).ConfigureAwait(false),
                };
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or SharpZipBaseException)
        {
            var error = ex as InvalidDataException ?? new InvalidDataException($"The gzip member at byte {CurrentMember.CompressedStart} is corrupt ({ex.Message}).", ex);
            if (written == 0)
            {
                _state = State.Ended;
                throw error;
            }

            _fault = error; // the bytes before the fault first
        }

        if (array != segment.Array)
        {
            array.AsSpan(0, written).CopyTo(buffer.Span);
        }

        return written;
    }

    private GzipMember CurrentMember => _members[^1];

    // Keeps the member that holds the current position and the ones after it (see the remarks).
    private void Forget()
    {
        var keep = _members.FindLastIndex(m => m.DecompressedStart <= _produced);
        if (keep > 0)
        {
            _members.RemoveRange(0, keep);
        }
    }

    private async ValueTask<int> BeginMemberAsync(bool sync, CancellationToken cancellationToken)
    {
        var memberStart = _inBase + _inStart;
        if (!await EnsureAsync(1, sync, cancellationToken).ConfigureAwait(false))
        {
            _state = State.Ended; // a clean end between members
            return 0;
        }

        if (!await EnsureAsync(10, sync, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidDataException($"The gzip stream ends inside the header of the member at byte {memberStart}.");
        }

        var header = _in.AsSpan(_inStart, 10);
        if (header[0] != 0x1f || header[1] != 0x8b || header[2] != 8)
        {
            throw new InvalidDataException($"The bytes at {memberStart} are not a gzip member (deflate) header.");
        }

        var flags = header[3];
        _inStart += 10;
        if ((flags & FlagExtra) != 0)
        {
            if (!await EnsureAsync(2, sync, cancellationToken).ConfigureAwait(false))
            {
                throw Truncated(memberStart);
            }

            var length = BinaryPrimitives.ReadUInt16LittleEndian(_in.AsSpan(_inStart, 2));
            _inStart += 2;
            await SkipAsync(length, memberStart, sync, cancellationToken).ConfigureAwait(false);
        }

        if ((flags & FlagName) != 0)
        {
            await SkipZeroTerminatedAsync(memberStart, sync, cancellationToken).ConfigureAwait(false);
        }

        if ((flags & FlagComment) != 0)
        {
            await SkipZeroTerminatedAsync(memberStart, sync, cancellationToken).ConfigureAwait(false);
        }

        if ((flags & FlagHeaderCrc) != 0)
        {
            await SkipAsync(2, memberStart, sync, cancellationToken).ConfigureAwait(false);
        }

        if (memberStart != CurrentMember.CompressedStart)
        {
            _members.Add(new GzipMember(memberStart, _produced));
        }

        _inflater.Reset();
        _crc.Reset();
        _memberProduced = 0;
        _givenEnd = _inStart;
        _state = State.Body;
        return 0;
    }

    private async ValueTask<int> InflateAsync(byte[] buffer, int offset, int count, bool sync, CancellationToken cancellationToken)
    {
        if (_inflater.IsNeedingInput)
        {
            if (!await EnsureAsync(1, sync, cancellationToken).ConfigureAwait(false))
            {
                throw Truncated(CurrentMember.CompressedStart);
            }

            // The inflater reads the buffer in place: it is refilled only once the inflater has taken all of it.
            _inflater.SetInput(_in, _inStart, _inEnd - _inStart);
            _givenEnd = _inEnd;
            _inStart = _inEnd;
        }

        var n = _inflater.Inflate(buffer, offset, count);
        _crc.Update(new ArraySegment<byte>(buffer, offset, n));
        _produced += n;
        _memberProduced += n;
        if (_inflater.IsFinished)
        {
            _inStart = _givenEnd - _inflater.RemainingInput;
            _state = State.Trailer;
        }
        else if (n == 0 && _inflater.IsNeedingDictionary)
        {
            throw new InvalidDataException($"The gzip member at byte {CurrentMember.CompressedStart} asks for a preset dictionary.");
        }

        return n;
    }

    private async ValueTask<int> EndMemberAsync(bool sync, CancellationToken cancellationToken)
    {
        if (!await EnsureAsync(8, sync, cancellationToken).ConfigureAwait(false))
        {
            throw Truncated(CurrentMember.CompressedStart);
        }

        var crc = BinaryPrimitives.ReadUInt32LittleEndian(_in.AsSpan(_inStart, 4));
        var size = BinaryPrimitives.ReadUInt32LittleEndian(_in.AsSpan(_inStart + 4, 4));
        _inStart += 8;
        if (crc != (uint)_crc.Value || size != (uint)_memberProduced)
        {
            throw new InvalidDataException($"The gzip member at byte {CurrentMember.CompressedStart} fails its check (CRC-32 or length).");
        }

        _state = State.Header;
        return 0;
    }

    private static InvalidDataException Truncated(long memberStart) =>
        new($"The gzip stream ends inside the member at byte {memberStart}: it is truncated.");

    private async ValueTask SkipAsync(long count, long memberStart, bool sync, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            if (!await EnsureAsync(1, sync, cancellationToken).ConfigureAwait(false))
            {
                throw Truncated(memberStart);
            }

            var take = (int)Math.Min(count, _inEnd - _inStart);
            _inStart += take;
            count -= take;
        }
    }

    private async ValueTask SkipZeroTerminatedAsync(long memberStart, bool sync, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (!await EnsureAsync(1, sync, cancellationToken).ConfigureAwait(false))
            {
                throw Truncated(memberStart);
            }

            var zero = _in.AsSpan(_inStart, _inEnd - _inStart).IndexOf((byte)0);
            if (zero >= 0)
            {
                _inStart += zero + 1;
                return;
            }

            _inStart = _inEnd;
        }
    }

    // At least `count` unread bytes in the buffer (false when the stream ends first), the unread ones moved to its start.
    private async ValueTask<bool> EnsureAsync(int count, bool sync, CancellationToken cancellationToken)
    {
        while (_inEnd - _inStart < count)
        {
            if (_innerEnded)
            {
                return false;
            }

            // The inflater may hold up to 4 bytes it has taken but not used (RemainingInput counts them): the last few
            // bytes before the unread ones stay in the buffer, so a member's end can be found in it.
            var keep = Math.Max(0, _inStart - KeptBehind);
            if (keep > 0)
            {
                _in.AsSpan(keep, _inEnd - keep).CopyTo(_in);
                _inBase += keep;
                _inEnd -= keep;
                _inStart -= keep;
                _givenEnd -= keep;
            }

            var read = sync
                ? _inner.Read(_in, _inEnd, _in.Length - _inEnd)
                : await _inner.ReadAsync(_in.AsMemory(_inEnd), cancellationToken).ConfigureAwait(false);
            _innerEnded = read == 0;
            _inEnd += read;
        }

        return true;
    }

    /// <summary>Where a member starts: in the compressed stream, and in the decompressed one.</summary>
    private readonly record struct GzipMember(long CompressedStart, long DecompressedStart);
}
