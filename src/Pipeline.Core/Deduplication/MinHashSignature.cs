using System.Buffers;
using System.Runtime.Intrinsics;

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
    /// <remarks>
    /// Speed: the shingle values are gathered first, then each block of 8 permutations runs over all of them with
    /// its coefficients and minima held in vector registers (wrapping 64-bit lane multiplies, the same arithmetic as
    /// the scalar form, so signatures do not depend on the hardware).
    /// </remarks>
    internal static uint[] Compute(ReadOnlySpan<char> canonical, FingerprintOptions options)
    {
        using var words = WordHashes.Of(canonical);
        return Compute(words, options);
    }

    /// <summary>The same as <see cref="Compute(ReadOnlySpan{char}, FingerprintOptions)"/> on already hashed words.</summary>
    internal static uint[] Compute(in WordHashes words, FingerprintOptions options)
    {
        var shingles = words.ShingleCount(options.ShingleSize);
        var rented = ArrayPool<uint>.Shared.Rent(Math.Max(shingles, 1));
        try
        {
            for (var s = 0; s < shingles; s++)
            {
                rented[s] = (uint)(words.Shingle(s, options.ShingleSize) >> 32);
            }

            return Compute(rented.AsSpan(0, shingles), options);
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(rented);
        }
    }

    /// <summary>The signature of a set of 32-bit shingle hashes (repeats allowed; none is the empty text).</summary>
    internal static uint[] Compute(ReadOnlySpan<uint> shingles, FingerprintOptions options)
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

        // An empty text is one empty shingle, so that all empty texts agree.
        var count = Math.Max(shingles.Length, 1);
        var rented = ArrayPool<ulong>.Shared.Rent(count);
        try
        {
            var x = rented.AsSpan(0, count);
            if (shingles.Length == 0)
            {
                x[0] = StableHash.Hash(default) >> 32;
            }

            for (var s = 0; s < shingles.Length; s++)
            {
                x[s] = shingles[s];
            }

            Permute(x, a, b, signature);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(rented);
        }

        return signature;
    }

    private static void Permute(ReadOnlySpan<ulong> xs, ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<uint> signature)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + 8 <= signature.Length; i += 8)
            {
                var a0 = Vector256.Create(a.Slice(i, 4));
                var a1 = Vector256.Create(a.Slice(i + 4, 4));
                var b0 = Vector256.Create(b.Slice(i, 4));
                var b1 = Vector256.Create(b.Slice(i + 4, 4));
                var min = Vector256.Create<uint>(signature.Slice(i, 8));
                foreach (var x in xs)
                {
                    var xv = Vector256.Create(x);
                    var h = Vector256.Narrow(((a0 * xv) + b0) >>> 32, ((a1 * xv) + b1) >>> 32);
                    min = Vector256.Min(min, h);
                }

                min.CopyTo(signature.Slice(i, 8));
            }
        }

        for (; i < signature.Length; i++)
        {
            var min = signature[i];
            foreach (var x in xs)
            {
                var h = (uint)(((a[i] * x) + b[i]) >> 32);
                if (h < min)
                {
                    min = h;
                }
            }

            signature[i] = min;
        }
    }
}
