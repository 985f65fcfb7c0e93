namespace Pipeline.Core.Deduplication;

/// <summary>MinHash signatures: computing them and comparing them.</summary>
public static class MinHashSignature
{
    /// <summary>
    /// Estimated Jaccard similarity: the share of positions where the two signatures agree.
    /// </summary>
    /// <param name="a">A signature.</param>
    /// <param name="b">A signature of the same length.</param>
    /// <returns>A value in [0, 1]; 0 when either is empty.</returns>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static double EstimateJaccard(IReadOnlyList<uint> a, IReadOnlyList<uint> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count)
        {
            throw new ArgumentException($"Signatures differ in length ({a.Count} and {b.Count}).", nameof(b));
        }

        if (a.Count == 0)
        {
            return 0;
        }

        var equal = 0;
        for (var i = 0; i < a.Count; i++)
        {
            if (a[i] == b[i])
            {
                equal++;
            }
        }

        return (double)equal / a.Count;
    }

    /// <summary>
    /// Computes the signature of a canonical form. Each shingle is hashed once to 64 bits and folded to
    /// 32; permutation <c>i</c> is then the strongly universal multiply-add-shift hash
    /// <c>(a_i * x + b_i) &gt;&gt; 32</c> with 64-bit <c>a_i</c> (odd), <c>b_i</c> drawn from splitmix64(seed).
    /// </summary>
    internal static uint[] Compute(ReadOnlySpan<char> canonical, FingerprintOptions options)
    {
        var permutations = options.Permutations;
        Span<ulong> a = permutations <= 256 ? stackalloc ulong[permutations] : new ulong[permutations];
        Span<ulong> b = permutations <= 256 ? stackalloc ulong[permutations] : new ulong[permutations];
        var state = options.Seed;
        for (var i = 0; i < permutations; i++)
        {
            a[i] = StableHash.Next(ref state) | 1UL;
            b[i] = StableHash.Next(ref state);
        }

        var signature = new uint[permutations];
        signature.AsSpan().Fill(uint.MaxValue);
        using var words = WordHashes.Of(canonical);
        var shingles = words.ShingleCount(options.ShingleSize);
        if (shingles == 0)
        {
            // An empty text is one empty shingle, so that all empty texts agree.
            Permute(StableHash.Hash(default), a, b, signature);
        }

        for (var s = 0; s < shingles; s++)
        {
            Permute(words.Shingle(s, options.ShingleSize), a, b, signature);
        }

        return signature;
    }

    private static void Permute(ulong shingle, ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<uint> signature)
    {
        var x = shingle >> 32;
        for (var i = 0; i < signature.Length; i++)
        {
            var h = (uint)(((a[i] * x) + b[i]) >> 32);
            if (h < signature[i])
            {
                signature[i] = h;
            }
        }
    }
}
