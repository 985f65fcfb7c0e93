using System.Buffers.Binary;

namespace Pipeline.Core.Deduplication;

/// <summary>
/// The set of a document's near-duplicate shingles (32-bit hashes), kept so that a candidate is verified by its
/// exact containment or Jaccard similarity rather than by the MinHash estimate. Immutable.
/// </summary>
/// <remarks>
/// Bounded: a document with more distinct shingles than the sketch holds keeps only the hashes below
/// <c>2^(32 - Level)</c>, the smallest level that fits (a hash-value sample, the same for every document, so two
/// sketches compared at the larger of their levels are two samples of the same shingles). Below the bound the sketch
/// is the whole set and the similarity exact.
/// </remarks>
public sealed class ShingleSketch
{
    private readonly uint[] _values;

    private ShingleSketch(uint[] values, int level)
    {
        _values = values;
        Level = level;
    }

    /// <summary>The sampling level: the sketch holds the shingle hashes below <c>2^(32 - Level)</c>; 0 when it holds all.</summary>
    public int Level { get; }

    /// <summary>The hashes held, ascending, distinct.</summary>
    public ReadOnlySpan<uint> Values => _values;

    /// <summary>The number of hashes held.</summary>
    public int Count => _values.Length;

    /// <summary>Makes a sketch of at most <paramref name="maxSize"/> hashes from shingle hashes (in any order, repeats allowed).</summary>
    /// <param name="hashes">The shingle hashes; sorted in place.</param>
    /// <param name="maxSize">The most hashes to keep.</param>
    public static ShingleSketch Create(Span<uint> hashes, int maxSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSize, 1);
        RadixSort.Sort(hashes);
        var distinct = 0;
        for (var i = 0; i < hashes.Length; i++)
        {
            if (i == 0 || hashes[i] != hashes[distinct - 1])
            {
                hashes[distinct++] = hashes[i];
            }
        }

        var kept = hashes[..distinct];
        var level = 0;
        while (kept.Length > maxSize)
        {
            level++;
            kept = kept[..CountBelow(kept, level)];
        }

        return new ShingleSketch(kept.ToArray(), level);
    }

    /// <summary>Shared hashes and the sizes of both sketches, compared at the larger of their levels.</summary>
    /// <param name="a">A sketch.</param>
    /// <param name="b">Another.</param>
    /// <returns>The hashes both hold, and how many each holds, at the common level.</returns>
    public static (int Shared, int Left, int Right) Compare(ShingleSketch a, ShingleSketch b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var level = Math.Max(a.Level, b.Level);
        var x = a.Values[..CountBelow(a.Values, level)];
        var y = b.Values[..CountBelow(b.Values, level)];
        int i = 0, j = 0, shared = 0;
        while (i < x.Length && j < y.Length)
        {
            if (x[i] == y[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (x[i] < y[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (shared, x.Length, y.Length);
    }

    /// <summary>The sketch as bytes: the level, then each hash, little-endian (for storage).</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[1 + (4 * _values.Length)];
        bytes[0] = (byte)Level;
        for (var i = 0; i < _values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(1 + (4 * i)), _values[i]);
        }

        return bytes;
    }

    /// <summary>Reads a sketch written by <see cref="ToBytes"/>.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <exception cref="FormatException">They are not a sketch.</exception>
    public static ShingleSketch FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0 || (bytes.Length - 1) % 4 != 0 || bytes[0] > 32)
        {
            throw new FormatException("Not a shingle sketch.");
        }

        var values = new uint[(bytes.Length - 1) / 4];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(1 + (4 * i))..]);
        }

        return new ShingleSketch(values, bytes[0]);
    }

    // Sorted values below 2^(32 - level) form a prefix.
    private static int CountBelow(ReadOnlySpan<uint> sorted, int level)
    {
        if (level == 0)
        {
            return sorted.Length;
        }

        var index = sorted.BinarySearch((uint)(1UL << (32 - level)));
        return index < 0 ? ~index : index; // when found, the limit itself is not below it
    }
}
