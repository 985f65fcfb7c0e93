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
        var h = 0x9E3779B97F4A7C15UL;
        foreach (var x in hashes)
        {
            h = Mix(h ^ x);
        }

        return h;
    }

    /// <summary>The splitmix64 finaliser: a bijective 64-bit mixer.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The splitmix64 generator step: advances <paramref name="state"/> and returns the next value.</summary>
    public static ulong Next(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }
}
