using Pipeline.Core.Deduplication;
using Pipeline.Core.Documents;

namespace Pipeline.Core.Tests.Deduplication;

public sealed class NearDuplicateMatcherTests
{
    private static DedupCandidate Doc(string id, params uint[] minhash) => new(id, new Fingerprints("sha-" + id, "0000000000000000", minhash));

    private static readonly FingerprintOptions Small = new() { Bands = 2, RowsPerBand = 2, JaccardThreshold = 0.5 };

    [Fact]
    public void Best_similarity_wins()
    {
        var best = new NearDuplicateMatcher(Small).FindBest(Doc("x", 1, 2, 3, 4), [Doc("a", 1, 2, 0, 0), Doc("b", 1, 2, 3, 0)]);
        Assert.Equal(new DuplicateReference("b", DuplicateKind.Near, 0.75), best);
    }

    [Fact]
    public void Ties_go_to_the_smallest_id()
    {
        var best = new NearDuplicateMatcher(Small).FindBest(Doc("x", 1, 2, 3, 4), [Doc("c", 1, 2, 3, 0), Doc("b", 1, 2, 0, 4)]);
        Assert.Equal("b", best?.Id);
    }

    [Fact]
    public void Candidates_below_the_threshold_and_the_document_itself_are_ignored()
    {
        var matcher = new NearDuplicateMatcher(Small);
        Assert.Null(matcher.FindBest(Doc("x", 1, 2, 3, 4), [Doc("a", 1, 0, 0, 0), Doc("x", 1, 2, 3, 4)]));
    }
}
