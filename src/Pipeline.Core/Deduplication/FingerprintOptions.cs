using System.ComponentModel.DataAnnotations;

namespace Pipeline.Core.Deduplication;

/// <summary>
/// Options of document fingerprinting and near-duplicate detection (MinHash + LSH).
/// </summary>
/// <remarks>
/// The defaults follow datatrove's MinHash deduplication: 5-word shingles, 14 bands of 8 rows
/// (112 permutations). A pair with Jaccard similarity <c>s</c> becomes a candidate with probability
/// <c>1 - (1 - s^r)^b</c>, an S-curve centred near <see cref="LshThreshold"/> (about 0.72).
/// Changing <see cref="ShingleSize"/>, <see cref="Bands"/>, <see cref="RowsPerBand"/> or <see cref="Seed"/>
/// changes every signature: indexes built with other values must be rebuilt.
/// </remarks>
public sealed record FingerprintOptions
{
    /// <summary>Words per MinHash shingle.</summary>
    /// <value>Defaults to 5 (as datatrove). Range 1 to 16.</value>
    [Range(1, 16)]
    public int ShingleSize { get; init; } = 5;

    /// <summary>Words per SimHash feature shingle.</summary>
    /// <value>Defaults to 3. Range 1 to 16.</value>
    [Range(1, 16)]
    public int SimHashShingleSize { get; init; } = 3;

    /// <summary>Number of LSH bands.</summary>
    /// <value>Defaults to 14 (as datatrove). Range 1 to 64.</value>
    [Range(1, 64)]
    public int Bands { get; init; } = 14;

    /// <summary>MinHash rows (permutations) per LSH band.</summary>
    /// <value>Defaults to 8 (as datatrove). Range 1 to 32.</value>
    [Range(1, 32)]
    public int RowsPerBand { get; init; } = 8;

    /// <summary>
    /// Estimated Jaccard similarity at or above which an LSH candidate is confirmed as a near duplicate.
    /// </summary>
    /// <value>
    /// Defaults to 0.8. Range 0.5 to 1. Chosen above the LSH threshold (about 0.72) so that pairs the
    /// bands find by chance are confirmed only when clearly similar; at 0.8 the bands still surface a pair
    /// with probability about 0.92, at 0.85 about 0.99. The estimate's standard error with 112
    /// permutations is about 0.04 at s = 0.8.
    /// </value>
    [Range(0.5, 1.0)]
    public double JaccardThreshold { get; init; } = 0.8;

    /// <summary>Seed of the MinHash permutations. Fixed so signatures are stable across processes and versions.</summary>
    /// <value>Defaults to 0x5EED_D0C5_2015_0001. Any value.</value>
    public ulong Seed { get; init; } = 0x5EED_D0C5_2015_0001UL;

    /// <summary>Number of MinHash permutations: <see cref="Bands"/> × <see cref="RowsPerBand"/>.</summary>
    public int Permutations => Bands * RowsPerBand;

    /// <summary>The similarity at the LSH S-curve's steepest point, (1/b)^(1/r).</summary>
    public double LshThreshold => Math.Pow(1.0 / Bands, 1.0 / RowsPerBand);

    /// <summary>The defaults.</summary>
    public static FingerprintOptions Default { get; } = new();

    /// <summary>Throws <see cref="ValidationException"/> when a value is out of range.</summary>
    public void Validate() => Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
}
