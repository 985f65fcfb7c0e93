using System.Diagnostics.Tracing;
using System.Text;
using Azure.Core.Diagnostics;
using Microsoft.Extensions.Options;
using Pipeline.Core.Deduplication;
using Pipeline.Core.Documents;
using Pipeline.Core.Processing;
using Pipeline.Storage.Deduplication;
using Pipeline.Storage.Runtime;
using Pipeline.Storage.Tests.Azurite;
using Pipeline.Tests.Shared;

namespace Pipeline.Storage.Tests.Runtime;

/// <summary>The dedup index in Table storage, on a real Azurite, against the in-memory index.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableDedupIndexTests(AzuriteFixture azurite)
{
    private readonly DocumentProcessor _processor = new();

    private Task<TableDedupIndex> NewIndexAsync() => NewIndexAsync("dedup" + Guid.NewGuid().ToString("N")[..12]);

    private async Task<TableDedupIndex> NewIndexAsync(string table)
    {
        var options = new PipelineStorageOptions { DedupTable = table };
        var storage = new PipelineStorage(
            azurite.Factory.CreateBlobServiceClient(), azurite.Factory.CreateQueueServiceClient(), azurite.Factory.CreateTableServiceClient(), Options.Create(options));
        await storage.Dedup.CreateIfNotExistsAsync();
        return new TableDedupIndex(storage, new NearDuplicateMatcher(), Options.Create(new TableDedupIndexOptions { PollInterval = TimeSpan.FromMilliseconds(20) }));
    }

    private List<(string Name, DedupCandidate Candidate)> SampleClaims() =>
        TestTexts.SampleNames()
            .Select(name => (name, _processor.Prepare(new RawInput(name, TestTexts.Sample(name)))))
            .Where(p => !p.Item2.IsRejected)
            .Select(p => (p.name, DocumentProcessor.ClaimOf(p.Item2)))
            .ToList();

    [Fact]
    public async Task Samples_get_the_same_decisions_as_from_the_in_memory_index()
    {
        var table = await NewIndexAsync();
        var memory = new InMemoryDedupIndex();
        var claims = SampleClaims();

        foreach (var (name, candidate) in claims)
        {
            var expected = await memory.ClaimAsync(candidate);
            var actual = await table.ClaimAsync(candidate);
            Assert.True(expected == actual, $"{name}: in-memory {expected}, table {actual}");
        }
    }

    [Fact]
    public async Task Near_duplicate_sample_pair_and_exact_duplicate_sample_are_detected()
    {
        var table = await NewIndexAsync();
        var decisions = new Dictionary<string, DedupDecision>();
        var ids = new Dictionary<string, string>();
        foreach (var (name, candidate) in SampleClaims())
        {
            decisions[name] = await table.ClaimAsync(candidate);
            ids[name] = candidate.DocumentId;
        }

        Assert.Equal(
            new DuplicateReference(ids["10-near-duplicate-a.txt"], DuplicateKind.Near, decisions["11-near-duplicate-b.txt"].DuplicateOf!.Similarity, SimilarityMeasure.Containment),
            decisions["11-near-duplicate-b.txt"].DuplicateOf);
        Assert.Equal(DuplicateKind.Exact, decisions["12-exact-duplicate-whitespace.txt"].DuplicateOf!.Kind);
        Assert.Equal(ids["01-dateline-article.txt"], decisions["12-exact-duplicate-whitespace.txt"].DuplicateOf!.Id);
        Assert.False(decisions["10-near-duplicate-a.txt"].IsDuplicate);
    }

    [Fact]
    public async Task Two_near_duplicates_claimed_concurrently_yield_exactly_one_canonical()
    {
        var a = DocumentProcessor.ClaimOf(_processor.Prepare(new RawInput("a", TestTexts.Sample("10-near-duplicate-a.txt"))));
        var b = DocumentProcessor.ClaimOf(_processor.Prepare(new RawInput("b", TestTexts.Sample("11-near-duplicate-b.txt"))));

        for (var i = 0; i < 15; i++)
        {
            var index = await NewIndexAsync();
            var decisions = await Task.WhenAll(
                Task.Run(async () => await index.ClaimAsync(a)),
                Task.Run(async () => await index.ClaimAsync(b)));

            var canonical = Assert.Single(decisions, d => !d.IsDuplicate);
            var duplicate = Assert.Single(decisions, d => d.IsDuplicate);
            var canonicalId = decisions[0] == canonical ? a.DocumentId : b.DocumentId;
            Assert.Equal(canonicalId, duplicate.DuplicateOf!.Id);
        }
    }

    [Fact]
    public async Task Near_duplicate_set_gets_the_same_decisions_as_from_the_in_memory_index()
    {
        // 50 stories of the labelled set (200 documents: copies, follow-ups, formulaic articles), in the set's order.
        var set = NearDuplicateSet.Generate(stories: 50);
        var table = await NewIndexAsync();
        var memory = new InMemoryDedupIndex();
        var near = 0;
        foreach (var item in set.Documents)
        {
            var candidate = DocumentProcessor.ClaimOf(_processor.Prepare(new RawInput(item.Name, Encoding.UTF8.GetBytes(item.Text))));
            var expected = await memory.ClaimAsync(candidate);
            var actual = await table.ClaimAsync(candidate);
            Assert.True(expected == actual, $"{item.Name} ({item.Kind}): in-memory {expected}, table {actual}");
            near += expected.DuplicateOf?.Kind == DuplicateKind.Near ? 1 : 0;
        }

        Assert.True(near >= 80, $"only {near} near duplicates: the comparison checked too little");
    }

    [Fact]
    public async Task A_claim_without_candidates_is_one_request_and_a_near_duplicate_a_bounded_few()
    {
        var name = "dedup" + Guid.NewGuid().ToString("N")[..12];
        var table = await NewIndexAsync(name);
        var a = DocumentProcessor.ClaimOf(_processor.Prepare(new RawInput("a", TestTexts.Sample("10-near-duplicate-a.txt"))));
        var b = DocumentProcessor.ClaimOf(_processor.Prepare(new RawInput("b", TestTexts.Sample("11-near-duplicate-b.txt"))));

        var fresh = await CountRequestsAsync(name, () => table.ClaimAsync(a).AsTask());
        var duplicate = await CountRequestsAsync(name, () => table.ClaimAsync(b).AsTask());

        Assert.Equal(1, fresh);
        // The failed batch, the exact claim, the state, one read per band key, one per candidate verified, the decision.
        var options = FingerprintOptions.Default;
        Assert.InRange(duplicate, 4, 4 + options.Bands + options.MaxCandidates);
    }

    private static async Task<int> CountRequestsAsync(string table, Func<Task> action)
    {
        var count = 0;
        using (new AzureEventSourceListener(
            (e, _) =>
            {
                // A batch goes to /$batch, every other request names the table. Tests of this collection run one at a time.
                if (e.EventName == "Request" && e.Payload?.Any(p => p?.ToString() is { } s &&
                    (s.Contains(table, StringComparison.OrdinalIgnoreCase) || s.Contains("$batch", StringComparison.Ordinal))) == true)
                {
                    Interlocked.Increment(ref count);
                }
            },
            EventLevel.Informational))
        {
            await action();
        }

        return count;
    }
}
