using System.Globalization;

namespace Pipeline.Core.Deduplication;

/// <summary>Locality-sensitive hashing bands of a MinHash signature.</summary>
public static class LshBands
{
    /// <summary>
    /// One key per band: the band index (two decimal digits), a dash, and 16 hex digits hashing the band's
    /// rows, e.g. <c>03-9f1c2a0b44e1d7c3</c>. Only <c>[0-9a-f-]</c>, so keys are safe as storage keys.
    /// Two documents that share any key are near-duplicate candidates.
    /// </summary>
    /// <param name="minhash">A signature of <see cref="FingerprintOptions.Permutations"/> values.</param>
    /// <param name="options">The options the signature was computed with.</param>
    /// <returns><see cref="FingerprintOptions.Bands"/> keys in band order.</returns>
    /// <exception cref="ArgumentException">The signature's length does not match the options.</exception>
    public static IReadOnlyList<string> Compute(IReadOnlyList<uint> minhash, FingerprintOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Span<ulong> hashes = options.Bands <= 64 ? stackalloc ulong[options.Bands] : new ulong[options.Bands];
        ComputeHashes(minhash, options, hashes);
        var keys = new string[options.Bands];
        for (var band = 0; band < keys.Length; band++)
        {
            keys[band] = string.Create(CultureInfo.InvariantCulture, $"{band:D2}-{hashes[band]:x16}");
        }

        return keys;
    }

    /// <summary>
    /// The 64-bit hash of each band's rows: the key of band <c>i</c> is <c>(i, hashes[i])</c>, the same
    /// identity <see cref="Compute"/> spells as a string, without making one (for in-memory indexes).
    /// </summary>
    /// <param name="minhash">A signature of <see cref="FingerprintOptions.Permutations"/> values.</param>
    /// <param name="options">The options the signature was computed with.</param>
    /// <param name="hashes">Receives <see cref="FingerprintOptions.Bands"/> hashes in band order.</param>
    /// <exception cref="ArgumentException">The signature's length does not match the options, or <paramref name="hashes"/> is too short.</exception>
    public static void ComputeHashes(IReadOnlyList<uint> minhash, FingerprintOptions options, Span<ulong> hashes)
    {
        ArgumentNullException.ThrowIfNull(minhash);
        ArgumentNullException.ThrowIfNull(options);
        if (minhash.Count != options.Permutations)
        {
            throw new ArgumentException(
                $"The signature has {minhash.Count} values; the options expect {options.Permutations}.", nameof(minhash));
        }

        if (hashes.Length < options.Bands)
        {
            throw new ArgumentException($"Room for {options.Bands} band hashes is needed.", nameof(hashes));
        }

        for (var band = 0; band < options.Bands; band++)
        {
            var h = 0x9E3779B97F4A7C15UL ^ (ulong)band;
            for (var row = 0; row < options.RowsPerBand; row++)
            {
                h = StableHash.Mix(h ^ minhash[(band * options.RowsPerBand) + row]);
            }

            hashes[band] = h;
        }
    }
}
