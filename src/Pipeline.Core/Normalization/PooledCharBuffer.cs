using System.Buffers;

namespace Pipeline.Core.Normalization;

/// <summary>
/// An append-only character buffer rented from <see cref="ArrayPool{T}"/>, so that a fix that rewrites a text allocates
/// only the resulting string (a StringBuilder would allocate its chunks as well). Not thread-safe; one per call.
/// </summary>
internal sealed class PooledCharBuffer
{
    private char[] _chars;
    private int _length;

    public PooledCharBuffer(int capacity) => _chars = ArrayPool<char>.Shared.Rent(Math.Max(16, capacity));

    /// <summary>The characters written so far.</summary>
    public ReadOnlySpan<char> WrittenSpan => _chars.AsSpan(0, _length);

    /// <summary>The characters written so far, as memory (valid until the buffer grows or is released).</summary>
    public ReadOnlyMemory<char> WrittenMemory => _chars.AsMemory(0, _length);

    /// <summary>Forgets what was written, keeping the rented array.</summary>
    public void Clear() => _length = 0;

    /// <summary>Room for at least <paramref name="sizeHint"/> more characters; commit them with <see cref="Advance"/>.</summary>
    public Span<char> GetSpan(int sizeHint)
    {
        EnsureRoom(sizeHint);
        return _chars.AsSpan(_length);
    }

    /// <summary>Commits <paramref name="count"/> characters written into the span from <see cref="GetSpan"/>.</summary>
    public void Advance(int count) => _length += count;

    /// <summary>Returns the array to the pool; the instance must not be used afterwards.</summary>
    public void Release()
    {
        if (_chars.Length > 0)
        {
            ArrayPool<char>.Shared.Return(_chars);
        }

        _chars = [];
        _length = 0;
    }

    public PooledCharBuffer Append(char c)
    {
        EnsureRoom(1);
        _chars[_length++] = c;
        return this;
    }

    public PooledCharBuffer Append(string? s) => Append(s.AsSpan());

    public PooledCharBuffer Append(string s, int start, int count) => Append(s.AsSpan(start, count));

    public PooledCharBuffer Append(ReadOnlySpan<char> s)
    {
        EnsureRoom(s.Length);
        s.CopyTo(_chars.AsSpan(_length));
        _length += s.Length;
        return this;
    }

    /// <summary>Creates the string and returns the buffer to the pool; the instance must not be used afterwards.</summary>
    public string ToStringAndRelease()
    {
        var result = new string(_chars, 0, _length);
        Release();
        return result;
    }

    private void EnsureRoom(int extra)
    {
        if (_length + extra <= _chars.Length)
        {
            return;
        }

        var bigger = ArrayPool<char>.Shared.Rent(Math.Max(_chars.Length * 2, _length + extra));
        _chars.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<char>.Shared.Return(_chars);
        _chars = bigger;
    }
}
