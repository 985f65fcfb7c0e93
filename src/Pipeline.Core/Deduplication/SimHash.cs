using System.Globalization;
using System.Numerics;

namespace Pipeline.Core.Deduplication;

/// <summary>64-bit SimHash (Charikar) over word-shingle features.</summary>
public static class SimHash
{
    /// <summary>Number of differing bits between two SimHashes given as 16 hex digits.</summary>
    /// <param name="a">A SimHash in hex.</param>
    /// <param name="b">A SimHash in hex.</param>
    /// <returns>0 to 64.</returns>
    public static int HammingDistance(string a, string b) =>
        BitOperations.PopCount(
            ulong.Parse(a, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture) ^
            ulong.Parse(b, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));

    /// <summary>SimHash of a canonical form: each shingle votes on each bit by its hash, weight 1.</summary>
    internal static ulong Compute(ReadOnlySpan<char> canonical, int shingleSize)
    {
        using var words = WordHashes.Of(canonical);
        return Compute(words, shingleSize);
    }

    /// <summary>SimHash of already hashed words: each shingle votes on each bit by its hash, weight 1.</summary>
    /// <remarks>
    /// Speed: a bit is set when more than half of the shingles have it (votes of +1/-1 summing above zero), so it is
    /// enough to count ones per bit. The counts are kept bit-sliced, eight byte-wide counters per ulong, so each
    /// shingle costs eight shift-mask-adds instead of 64 branches; bytes are flushed before they can overflow.
    /// </remarks>
    internal static ulong Compute(in WordHashes words, int shingleSize)
    {
        var shingles = words.ShingleCount(shingleSize);
        if (shingles == 0)
        {
            return 0;
        }

        const ulong LowBits = 0x0101010101010101UL;
        Span<int> ones = stackalloc int[64];
        ones.Clear();
        Span<ulong> hashes = stackalloc ulong[255];
        var s = 0;
        while (s < shingles)
        {
            var n = words.Shingles(shingleSize, s, hashes);
            s += n;
            ulong c0 = 0, c1 = 0, c2 = 0, c3 = 0, c4 = 0, c5 = 0, c6 = 0, c7 = 0;
            foreach (var h in hashes[..n])
            {
                c0 += h & LowBits;
                c1 += (h >> 1) & LowBits;
                c2 += (h >> 2) & LowBits;
                c3 += (h >> 3) & LowBits;
                c4 += (h >> 4) & LowBits;
                c5 += (h >> 5) & LowBits;
                c6 += (h >> 6) & LowBits;
                c7 += (h >> 7) & LowBits;
            }

            // Byte k of counter j counts bit 8k + j.
            Flush(ones, c0, 0);
            Flush(ones, c1, 1);
            Flush(ones, c2, 2);
            Flush(ones, c3, 3);
            Flush(ones, c4, 4);
            Flush(ones, c5, 5);
            Flush(ones, c6, 6);
            Flush(ones, c7, 7);
        }

        var result = 0UL;
        for (var bit = 0; bit < 64; bit++)
        {
            // votes = ones - (shingles - ones) > 0
            if ((2 * ones[bit]) - shingles > 0)
            {
                result |= 1UL << bit;
            }
        }

        return result;
    }

    private static void Flush(Span<int> ones, ulong counters, int offset)
    {
        for (var k = 0; k < 8; k++)
        {
            ones[(8 * k) + offset] += (int)((counters >> (8 * k)) & 0xFF);
        }
    }
}
