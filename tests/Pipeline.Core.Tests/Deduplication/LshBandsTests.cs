using Pipeline.Core.Deduplication;

namespace Pipeline.Core.Tests.Deduplication;

public sealed class LshBandsTests
{
    private static readonly Fingerprinter Fingerprinter = new();

    [Fact]
    public void One_storage_safe_key_per_band()
    {
        var keys = LshBands.Compute(Fingerprinter.Compute(TestArticles.Harbour).Minhash, FingerprintOptions.Default);
        Assert.Equal(28, keys.Count);
        Assert.All(keys, k => Assert.Matches("^[0-9]{2}-[0-9a-f]{16}$", k));
        Assert.Equal("00-", keys[0][..3]);
        Assert.Equal("27-", keys[27][..3]);
    }

    [Fact]
    public void Near_duplicates_share_a_band_and_unrelated_texts_do_not()
    {
        var baseKeys = LshBands.Compute(Fingerprinter.Compute(TestArticles.Harbour).Minhash, FingerprintOptions.Default);
        var nearKeys = LshBands.Compute(Fingerprinter.Compute(TestArticles.HarbourEdited).Minhash, FingerprintOptions.Default);
        var otherKeys = LshBands.Compute(Fingerprinter.Compute(TestArticles.Orchestra).Minhash, FingerprintOptions.Default);
        Assert.NotEmpty(baseKeys.Intersect(nearKeys));
        Assert.Empty(baseKeys.Intersect(otherKeys));
    }

    [Fact]
    public void Signature_of_the_wrong_length_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => LshBands.Compute(new uint[10], FingerprintOptions.Default));
    }

    [Fact]
    public void Estimated_jaccard_is_the_share_of_equal_positions()
    {
        Assert.Equal(0.5, MinHashSignature.EstimateJaccard([1u, 2u, 3u, 4u], [1u, 2u, 9u, 9u]));
    }
}
