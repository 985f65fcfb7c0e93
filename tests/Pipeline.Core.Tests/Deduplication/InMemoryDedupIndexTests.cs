using Pipeline.Core.Deduplication;
using Pipeline.Core.Documents;

namespace Pipeline.Core.Tests.Deduplication;

public sealed class InMemoryDedupIndexTests
{
    private static readonly Fingerprinter Fingerprinter = new();

    private static DedupCandidate Doc(string id, string text) => new(id, Fingerprinter.Compute(text, out var sketch), sketch);

    [Fact]
    public async Task First_document_is_canonical()
    {
        var index = new InMemoryDedupIndex();
        Assert.False((await index.ClaimAsync(Doc("a", TestArticles.Harbour))).IsDuplicate);
    }

    [Fact]
    public async Task Same_canonical_text_under_another_id_is_an_exact_duplicate()
    {
        var index = new InMemoryDedupIndex();
        await index.ClaimAsync(Doc("a", TestArticles.Harbour));
        var decision = await index.ClaimAsync(Doc("b", TestArticles.Harbour.ToUpperInvariant()));
        Assert.Equal(new DuplicateReference("a", DuplicateKind.Exact, 1.0, SimilarityMeasure.Sha256), decision.DuplicateOf);
    }

    [Fact]
    public async Task Lightly_edited_article_is_a_near_duplicate_with_its_similarity()
    {
        var index = new InMemoryDedupIndex();
        await index.ClaimAsync(Doc("a", TestArticles.Harbour));
        var decision = await index.ClaimAsync(Doc("b", TestArticles.HarbourEdited));
        Assert.Equal("a", decision.DuplicateOf?.Id);
        Assert.Equal(DuplicateKind.Near, decision.DuplicateOf?.Kind);
        Assert.InRange(decision.DuplicateOf!.Similarity, FingerprintOptions.Default.SimilarityThreshold, 1.0);
        Assert.Equal(SimilarityMeasure.Containment, decision.DuplicateOf.Measure);
        Assert.Equal(Math.Round(decision.DuplicateOf.Similarity, 4), decision.DuplicateOf.Similarity);
    }

    [Fact]
    public async Task Unrelated_article_is_canonical()
    {
        var index = new InMemoryDedupIndex();
        await index.ClaimAsync(Doc("a", TestArticles.Harbour));
        Assert.Equal(DedupDecision.Canonical, await index.ClaimAsync(Doc("b", TestArticles.Orchestra)));
        Assert.Equal(2, index.CanonicalCount);
    }

    [Fact]
    public async Task Retried_claim_of_the_owner_is_canonical_again()
    {
        var index = new InMemoryDedupIndex();
        var doc = Doc("a", TestArticles.Harbour);
        await index.ClaimAsync(doc);
        Assert.False((await index.ClaimAsync(doc)).IsDuplicate);
        Assert.Equal(1, index.CanonicalCount);
    }

    [Fact]
    public async Task Retried_claim_of_a_near_duplicate_gets_the_same_decision()
    {
        var index = new InMemoryDedupIndex();
        await index.ClaimAsync(Doc("a", TestArticles.Harbour));
        var first = await index.ClaimAsync(Doc("b", TestArticles.HarbourEdited));
        Assert.Equal(first, await index.ClaimAsync(Doc("b", TestArticles.HarbourEdited)));
    }

    [Fact]
    public async Task Duplicate_does_not_register_its_bands()
    {
        var index = new InMemoryDedupIndex();
        await index.ClaimAsync(Doc("a", TestArticles.Harbour));
        await index.ClaimAsync(Doc("b", TestArticles.HarbourEdited));
        Assert.Equal(1, index.CanonicalCount);
    }

    [Fact]
    public async Task First_claim_wins_when_many_race()
    {
        var index = new InMemoryDedupIndex();
        var docs = Enumerable.Range(0, 16).Select(i => Doc($"d{i:D2}", TestArticles.Harbour)).ToArray();
        var decisions = await Task.WhenAll(docs.Select(d => Task.Run(async () => await index.ClaimAsync(d))));
        var canonical = Assert.Single(decisions, d => !d.IsDuplicate);
        var winner = docs[Array.IndexOf(decisions, canonical)].DocumentId;
        Assert.All(decisions.Where(d => d.IsDuplicate), d => Assert.Equal(winner, d.DuplicateOf!.Id));
    }
}
