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
        var shingles = words.ShingleCount(shingleSize);
        if (shingles == 0)
        {
            return 0;
        }

        Span<int> votes = stackalloc int[64];
        for (var s = 0; s < shingles; s++)
        {
            var h = words.Shingle(s, shingleSize);
            for (var bit = 0; bit < 64; bit++)
            {
                votes[bit] += (int)((h >> bit) & 1) * 2 - 1;
            }
        }

        var result = 0UL;
        for (var bit = 0; bit < 64; bit++)
        {
            if (votes[bit] > 0)
            {
                result |= 1UL << bit;
            }
        }

        return result;
    }
}
