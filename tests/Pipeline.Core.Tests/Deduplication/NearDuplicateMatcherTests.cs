using Pipeline.Core.Deduplication;
using Pipeline.Core.Documents;

namespace Pipeline.Core.Tests.Deduplication;

public sealed class NearDuplicateMatcherTests
{
    private static readonly FingerprintOptions Options = new() { SimilarityThreshold = 0.5, MaxContainmentRatio = 2, MaxCandidates = 2 };

    // A document whose shingle hashes are the given numbers.
    private static DedupCandidate Doc(string id, params uint[] shingles) =>
        new(id, new Fingerprints("sha-" + id, "0000000000000000", new uint[FingerprintOptions.Default.Permutations]), ShingleSketch.Create(shingles, 2048));

    private static uint[] Range(uint from, uint count) => Enumerable.Range((int)from, (int)count).Select(i => (uint)i).ToArray();

    [Fact]
    public void Best_similarity_wins()
    {
        var best = new NearDuplicateMatcher(Options).FindBest(Doc("x", 1, 2, 3, 4), [Doc("a", 1, 2, 5, 6), Doc("b", 1, 2, 3, 7)]);
        Assert.Equal(new DuplicateReference("b", DuplicateKind.Near, 0.75, SimilarityMeasure.Containment), best);
    }

    [Fact]
    public void Ties_go_to_the_smallest_id()
    {
        var best = new NearDuplicateMatcher(Options).FindBest(Doc("x", 1, 2, 3, 4), [Doc("c", 1, 2, 3, 9), Doc("b", 1, 2, 4, 8)]);
        Assert.Equal("b", best?.Id);
    }

    [Fact]
    public void Candidates_below_the_threshold_and_the_document_itself_are_ignored()
    {
        var matcher = new NearDuplicateMatcher(Options);
        Assert.Null(matcher.FindBest(Doc("x", 1, 2, 3, 4), [Doc("a", 1, 5, 6, 7), Doc("x", 1, 2, 3, 4)]));
    }

    [Fact]
    public void A_short_copy_inside_a_longer_document_is_measured_by_containment()
    {
        var (value, measure) = new NearDuplicateMatcher(Options).Similarity(ShingleSketch.Create(Range(0, 50), 2048), ShingleSketch.Create(Range(0, 100), 2048));
        Assert.Equal((1.0, SimilarityMeasure.Containment), (value, measure));
    }

    [Fact]
    public void Beyond_the_size_ratio_the_measure_is_jaccard()
    {
        var (value, measure) = new NearDuplicateMatcher(Options).Similarity(ShingleSketch.Create(Range(0, 40), 2048), ShingleSketch.Create(Range(0, 100), 2048));
        Assert.Equal((0.4, SimilarityMeasure.Jaccard), (value, measure));
    }

    [Fact]
    public void Candidates_sharing_the_most_bands_are_verified_first_up_to_the_bound()
    {
        var chosen = new NearDuplicateMatcher(Options).SelectCandidates(
            [KeyValuePair.Create("c", 3), KeyValuePair.Create("a", 1), KeyValuePair.Create("b", 3), KeyValuePair.Create("d", 2)]);
        Assert.Equal(["b", "c"], chosen);
    }
}
