using System.Buffers;

namespace Pipeline.Core.Deduplication;

/// <summary>
/// Word and shingle hashes of a canonical form, computed without allocating a string per word.
/// Dispose to return the pooled buffer.
/// </summary>
internal ref struct WordHashes
{
    private ulong[]? _rented;

    private WordHashes(ulong[]? rented, int count)
    {
        _rented = rented;
        Count = count;
    }

    /// <summary>Number of words.</summary>
    public int Count { get; }

    /// <summary>The hash of each word, in order.</summary>
    public readonly ReadOnlySpan<ulong> Words => _rented is null ? default : _rented.AsSpan(0, Count);

    /// <summary>Hashes each space-separated word of <paramref name="canonical"/>.</summary>
    public static WordHashes Of(ReadOnlySpan<char> canonical)
    {
        if (canonical.Length == 0)
        {
            return new WordHashes(null, 0);
        }

        var rented = ArrayPool<ulong>.Shared.Rent((canonical.Length / 2) + 1);
        return new WordHashes(rented, StableHash.HashWords(canonical, rented));
    }

    /// <summary>Takes over <paramref name="rented"/> (from <see cref="ArrayPool{T}.Shared"/>) holding <paramref name="count"/> word hashes.</summary>
    public static WordHashes Over(ulong[] rented, int count) => new(rented, count);

    /// <summary>
    /// Number of shingles of <paramref name="size"/> words: one when the text is shorter than a shingle
    /// (the whole text is the shingle), none for an empty text.
    /// </summary>
    public readonly int ShingleCount(int size) => Count == 0 ? 0 : Math.Max(1, Count - size + 1);

    /// <summary>The hash of the shingle starting at word <paramref name="index"/>.</summary>
    public readonly ulong Shingle(int index, int size)
    {
        var words = Words;
        var length = Math.Min(size, words.Length - index);
        return StableHash.Combine(words.Slice(index, length));
    }

    /// <summary>Returns the pooled buffer.</summary>
    /// <summary>
    /// Writes the hashes of shingles <paramref name="first"/> onwards (<see cref="Shingle"/> of each) into
    /// <paramref name="output"/>, as many as fit; returns how many were written.
    /// </summary>
    public readonly int Shingles(int size, int first, Span<ulong> output) => StableHash.Shingles(Words, size, first, output);

    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<ulong>.Shared.Return(_rented);
            _rented = null;
        }
    }
}
