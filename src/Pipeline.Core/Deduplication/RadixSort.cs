using System.Buffers;

namespace Pipeline.Core.Deduplication;

/// <summary>
/// Sorts 32-bit values by their digits (least significant first, three passes of 11 bits): a document's shingle
/// hashes are thousands of random values, which a comparison sort orders at several times the cost.
/// </summary>
internal static class RadixSort
{
    /// <summary>Below this many values the introsort of <see cref="MemoryExtensions.Sort{T}(Span{T})"/> is as fast.</summary>
    private const int MinLength = 1536;

    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;
    private const uint DigitMask = Buckets - 1;

    /// <summary>Sorts <paramref name="values"/> ascending, in place.</summary>
    public static void Sort(Span<uint> values)
    {
        if (values.Length < MinLength)
        {
            values.Sort();
            return;
        }

        Span<int> counts = stackalloc int[3 * Buckets];
        counts.Clear();
        var low = counts[..Buckets];
        var middle = counts.Slice(Buckets, Buckets);
        var high = counts[(2 * Buckets)..];
        foreach (var v in values)
        {
            low[(int)(v & DigitMask)]++;
            middle[(int)((v >> DigitBits) & DigitMask)]++;
            high[(int)(v >> (2 * DigitBits))]++;
        }

        ToOffsets(low);
        ToOffsets(middle);
        ToOffsets(high);
        var rented = ArrayPool<uint>.Shared.Rent(values.Length);
        try
        {
            var buffer = rented.AsSpan(0, values.Length);
            foreach (var v in values)
            {
                buffer[low[(int)(v & DigitMask)]++] = v;
            }

            foreach (var v in buffer)
            {
                values[middle[(int)((v >> DigitBits) & DigitMask)]++] = v;
            }

            foreach (var v in values)
            {
                buffer[high[(int)(v >> (2 * DigitBits))]++] = v;
            }

            buffer.CopyTo(values);
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(rented);
        }
    }

    // Counts to the start index of each bucket.
    private static void ToOffsets(Span<int> counts)
    {
        var sum = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            var count = counts[i];
            counts[i] = sum;
            sum += count;
        }
    }
}
