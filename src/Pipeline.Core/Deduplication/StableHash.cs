using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Pipeline.Core.Deduplication;

/// <summary>
/// Stable 64-bit hashing (never <see cref="string.GetHashCode()"/>, which is randomised per process):
/// FNV-1a over UTF-16 code units, finished with the splitmix64 mixer so that all bits avalanche.
/// Changing anything here changes every stored fingerprint.
/// </summary>
internal static class StableHash
{
    private const ulong FnvOffset = 0xcbf29ce484222325UL;
    private const ulong FnvPrime = 0x100000001b3UL;
    private const ulong CombineSeed = 0x9E3779B97F4A7C15UL;
    private const ulong MixMultiplier1 = 0xBF58476D1CE4E5B9UL;
    private const ulong MixMultiplier2 = 0x94D049BB133111EBUL;

    /// <summary>Hash of a run of characters (a word).</summary>
    public static ulong Hash(ReadOnlySpan<char> text)
    {
        var h = FnvOffset;
        foreach (var c in text)
        {
            h = (h ^ c) * FnvPrime;
        }

        return Mix(h);
    }

    /// <summary>
    /// <see cref="Hash"/> of each space-separated word of <paramref name="text"/> (a trailing space ends no word), in one
    /// pass: a search for the next space per word cost more than the hashing on short words.
    /// </summary>
    /// <returns>The number of hashes written.</returns>
    public static int HashWords(ReadOnlySpan<char> text, Span<ulong> hashes) => HashWords(text, hashes, out _);

    /// <summary>
    /// <see cref="HashWords(ReadOnlySpan{char}, Span{ulong})"/>, and <see cref="Hash"/> of the whole text from the same pass
    /// (the two multiply chains are independent, so the second costs little).
    /// </summary>
    /// <returns>The number of hashes written.</returns>
    public static int HashWords(ReadOnlySpan<char> text, Span<ulong> hashes, out ulong whole)
    {
        var all = FnvOffset;
        var count = 0;
        var h = FnvOffset;
        foreach (var c in text)
        {
            all = (all ^ c) * FnvPrime;
            if (c == ' ')
            {
                hashes[count++] = Mix(h);
                h = FnvOffset;
            }
            else
            {
                h = (h ^ c) * FnvPrime;
            }
        }

        if (text.Length > 0 && text[^1] != ' ')
        {
            hashes[count++] = Mix(h);
        }

        whole = Mix(all);
        return count;
    }

    /// <summary>Order-sensitive combination of a hash sequence (a shingle of word hashes).</summary>
    public static ulong Combine(ReadOnlySpan<ulong> hashes)
    {
        var h = CombineSeed;
        foreach (var x in hashes)
        {
            h = Mix(h ^ x);
        }

        return h;
    }

    /// <summary>
    /// The hashes of the word shingles of <paramref name="words"/> from shingle <paramref name="first"/> on, as many as fit in
    /// <paramref name="output"/>: <see cref="Combine"/> of each run of <paramref name="size"/> words, or of all of them
    /// when there are fewer (a short text is one shingle). Returns how many were written.
    /// </summary>
    public static int Shingles(ReadOnlySpan<ulong> words, int size, int first, Span<ulong> output)
    {
        var shingles = words.Length == 0 ? 0 : Math.Max(1, words.Length - size + 1);
        var n = Math.Min(output.Length, shingles - first);
        if (n <= 0)
        {
            return 0;
        }

        if (words.Length < size)
        {
            output[0] = Combine(words);
            return 1;
        }

        CombineWindows(words.Slice(first, n + size - 1), size, output[..n]);
        return n;
    }

    /// <summary>
    /// <see cref="Combine"/> of every window of <paramref name="size"/> hashes: <c>output[s] = Combine(hashes.Slice(s, size))</c>
    /// for each <c>s</c> below <paramref name="output"/>'s length. Windows side by side in vector lanes: each window is a
    /// chain of dependent multiplies, and a document has thousands of them.
    /// </summary>
    /// <param name="hashes">At least <c>output.Length + size - 1</c> hashes.</param>
    /// <param name="size">The window size, at least 1.</param>
    /// <param name="output">Receives one combined hash per window.</param>
    public static void CombineWindows(ReadOnlySpan<ulong> hashes, int size, Span<ulong> output)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hashes.Length, output.Length + size - 1, nameof(hashes));
        ref var source = ref MemoryMarshal.GetReference(hashes);
        ref var target = ref MemoryMarshal.GetReference(output);
        var s = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; s + Vector512<ulong>.Count <= output.Length; s += Vector512<ulong>.Count)
            {
                var h = Vector512.Create(CombineSeed);
                for (var k = 0; k < size; k++)
                {
                    h = Mix(h ^ Vector512.LoadUnsafe(ref source, (nuint)(s + k)));
                }

                h.StoreUnsafe(ref target, (nuint)s);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; s + Vector256<ulong>.Count <= output.Length; s += Vector256<ulong>.Count)
            {
                var h = Vector256.Create(CombineSeed);
                for (var k = 0; k < size; k++)
                {
                    h = Mix(h ^ Vector256.LoadUnsafe(ref source, (nuint)(s + k)));
                }

                h.StoreUnsafe(ref target, (nuint)s);
            }
        }

        for (; s < output.Length; s++)
        {
            output[s] = Combine(hashes.Slice(s, size));
        }
    }

    private static Vector512<ulong> Mix(Vector512<ulong> z)
    {
        z = (z ^ (z >>> 30)) * Vector512.Create(MixMultiplier1);
        z = (z ^ (z >>> 27)) * Vector512.Create(MixMultiplier2);
        return z ^ (z >>> 31);
    }

    private static Vector256<ulong> Mix(Vector256<ulong> z)
    {
        z = (z ^ (z >>> 30)) * Vector256.Create(MixMultiplier1);
        z = (z ^ (z >>> 27)) * Vector256.Create(MixMultiplier2);
        return z ^ (z >>> 31);
    }

    /// <summary>The splitmix64 finaliser: a bijective 64-bit mixer.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * MixMultiplier1;
        z = (z ^ (z >> 27)) * MixMultiplier2;
        return z ^ (z >> 31);
    }

    /// <summary>The splitmix64 generator step: advances <paramref name="state"/> and returns the next value.</summary>
    public static ulong Next(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }
}
