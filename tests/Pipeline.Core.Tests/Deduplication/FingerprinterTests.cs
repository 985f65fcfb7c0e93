using Pipeline.Core.Deduplication;

namespace Pipeline.Core.Tests.Deduplication;

public sealed class FingerprinterTests
{
    private static readonly Fingerprinter Fingerprinter = new();

    [Fact]
    public void Same_text_gives_the_same_sha256()
    {
        Assert.Equal(Fingerprinter.Compute(TestArticles.Harbour).Sha256, Fingerprinter.Compute(TestArticles.Harbour).Sha256);
    }

    [Fact]
    public void Sha256_is_lowercase_hex_of_the_canonical_form()
    {
        // SHA-256("hello world"), the canonical form of "Hello,   World!"
        Assert.Equal("b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9", Fingerprinter.Compute("Hello,   World!").Sha256);
    }

    [Fact]
    public void Whitespace_case_and_punctuation_differences_give_the_same_sha256()
    {
        var variant = TestArticles.Harbour.ToUpperInvariant().Replace(". ", ".\n\n", StringComparison.Ordinal).Replace(",", " ,", StringComparison.Ordinal);
        Assert.Equal(Fingerprinter.Compute(TestArticles.Harbour).Sha256, Fingerprinter.Compute(variant).Sha256);
    }

    [Fact]
    public void Different_texts_give_different_sha256()
    {
        Assert.NotEqual(Fingerprinter.Compute(TestArticles.Harbour).Sha256, Fingerprinter.Compute(TestArticles.HarbourEdited).Sha256);
    }

    [Fact]
    public void Simhash_is_sixteen_lowercase_hex_digits()
    {
        Assert.Matches("^[0-9a-f]{16}$", Fingerprinter.Compute(TestArticles.Harbour).Simhash);
    }

    [Fact]
    public void Simhash_of_a_near_duplicate_is_closer_than_that_of_an_unrelated_text()
    {
        var a = Fingerprinter.Compute(TestArticles.Harbour).Simhash;
        var near = SimHash.HammingDistance(a, Fingerprinter.Compute(TestArticles.HarbourEdited).Simhash);
        var far = SimHash.HammingDistance(a, Fingerprinter.Compute(TestArticles.Orchestra).Simhash);
        Assert.True(near <= 10, $"near-duplicate distance {near}");
        Assert.True(far >= 18, $"unrelated distance {far}");
    }

    [Fact]
    public void Minhash_values_do_not_depend_on_the_vectorised_path()
    {
        // 7 permutations run on the scalar path only; 112 run 8 at a time in vectors. Same seed, same first 7.
        var scalar = new Fingerprinter(new FingerprintOptions { Bands = 1, RowsPerBand = 7 }).Compute(TestArticles.Harbour).Minhash;
        var vector = Fingerprinter.Compute(TestArticles.Harbour).Minhash;
        Assert.Equal(scalar, vector.Take(7));
    }

    [Fact]
    public void Minhash_has_one_value_per_permutation()
    {
        Assert.Equal(112, Fingerprinter.Compute(TestArticles.Harbour).Minhash.Count);
    }

    [Fact]
    public void Minhash_of_text_shorter_than_a_shingle_is_defined_and_differs_by_text()
    {
        var a = Fingerprinter.Compute("Two words").Minhash;
        var b = Fingerprinter.Compute("Other words").Minhash;
        Assert.Equal(112, a.Count);
        Assert.True(MinHashSignature.EstimateJaccard(a, b) < 0.1);
    }

    [Theory]
    [InlineData(100, 0.5)]
    [InlineData(100, 0.8)]
    [InlineData(400, 0.3)]
    public void Minhash_estimate_is_close_to_the_true_jaccard_of_constructed_shingle_sets(int size, double target)
    {
        // Texts of unique words so that each shingle is distinct; the two texts share a middle run.
        var shared = (int)Math.Round(size * 2 * target / (1 + target));
        var words = Enumerable.Range(0, (2 * size) - shared + 8).Select(i => $"w{i}x").ToArray();
        var left = string.Join(' ', words.Take(size + 4));
        var right = string.Join(' ', words.Skip(size - shared).Take(size + 4));
        var leftSet = Shingles(left);
        var rightSet = Shingles(right);
        var truth = (double)leftSet.Intersect(rightSet).Count() / leftSet.Union(rightSet).Count();

        var estimate = MinHashSignature.EstimateJaccard(Fingerprinter.Compute(left).Minhash, Fingerprinter.Compute(right).Minhash);

        Assert.InRange(estimate, truth - 0.15, truth + 0.15);
    }

    [Fact]
    public void Minhash_signature_is_stable_across_processes_and_versions()
    {
        // A regression pin: if this changes, every stored signature and band key changes with it.
        var signature = Fingerprinter.Compute(TestArticles.Harbour).Minhash;
        Assert.Equal(new uint[] { 67209849, 3769963, 53732997, 45643249 }, signature.Take(4));
    }

    [Fact]
    public void Simhash_is_stable_for_a_fixed_text()
    {
        var fingerprints = Fingerprinter.Compute(TestArticles.Orchestra);
        Assert.Equal("204c5ab32985a097", fingerprints.Simhash);
    }

    [Fact]
    public void Lsh_threshold_follows_bands_and_rows()
    {
        Assert.Equal(0.4347, FingerprintOptions.Default.LshThreshold, 4);
        Assert.Equal(112, FingerprintOptions.Default.Permutations);
    }

    [Fact]
    public void Sketch_holds_the_distinct_shingles_of_the_long_paragraphs_only()
    {
        // Two paragraphs of 12 words (3 shingles of 10 words each) and a 5-word byline, which is left out.
        var text = "one two three four five six seven eight nine ten eleven twelve\n\nBy Ana Novak, Harbour Gazette\n\n" +
            "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu";
        Fingerprinter.Compute(text, out var sketch);
        Assert.Equal(6, sketch.Count);
        Assert.Equal(0, sketch.Level);
    }

    [Fact]
    public void Moving_a_paragraph_changes_no_shingle()
    {
        var paragraphs = TestArticles.Harbour.Split(". ");
        var text = string.Join(".\n\n", paragraphs);
        var moved = string.Join(".\n\n", paragraphs.Skip(1).Append(paragraphs[0]));
        Fingerprinter.Compute(text, out var original);
        Fingerprinter.Compute(moved, out var reordered);
        Assert.Equal(original.Values.ToArray(), reordered.Values.ToArray());
    }

    [Fact]
    public void Text_with_only_short_paragraphs_still_has_shingles()
    {
        Fingerprinter.Compute("Short line one.\n\nShort line two.", out var sketch);
        Assert.Equal(2, sketch.Count);
    }

    [Fact]
    public void Out_of_range_options_are_rejected()
    {
        Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(() => new Fingerprinter(new FingerprintOptions { Bands = 0 }));
    }

    private static HashSet<string> Shingles(string text)
    {
        var w = text.Split(' ');
        var n = FingerprintOptions.Default.ShingleSize;
        return Enumerable.Range(0, w.Length - n + 1).Select(i => string.Join(' ', w, i, n)).ToHashSet();
    }
}
