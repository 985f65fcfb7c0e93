using System.Text;
using BenchmarkDotNet.Attributes;
using Pipeline.Core.Deduplication;
using Pipeline.Core.Documents;
using Pipeline.Core.Processing;
using Pipeline.Tests.Shared;

namespace Pipeline.Benchmarks;

/// <summary>
/// Near-duplicate cost per document on the labelled set (800 news articles, half of them copies or related
/// articles): fingerprinting a clean text, and the in-memory index's decision for a fingerprinted document
/// (a fresh index per operation, so the figure includes the index's growth to 800 documents).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 5, iterationCount: 10)]
public class DedupBenchmarks
{
    private const int Documents = 800;
    private readonly Fingerprinter _fingerprinter = new();
    private string[] _clean = [];
    private DedupCandidate[] _candidates = [];

    [GlobalSetup]
    public void Setup()
    {
        var processor = new DocumentProcessor();
        var set = NearDuplicateSet.Generate();
        _clean = set.Documents.Select(d => processor.Prepare(new RawInput(d.Name, Encoding.UTF8.GetBytes(d.Text))).CleanText!).ToArray();
        _candidates = _clean.Select(text => new DedupCandidate(ContentId.ForText(text), _fingerprinter.Compute(text, out var sketch), sketch)).ToArray();
        Console.WriteLine($"// {_clean.Length} documents, {_clean.Sum(t => t.Length) / _clean.Length:N0} characters each on average");
    }

    [Benchmark(Description = "fingerprints per document (sha256, simhash, minhash, sketch)", OperationsPerInvoke = Documents)]
    public int Fingerprints()
    {
        var n = 0;
        foreach (var text in _clean)
        {
            n += _fingerprinter.Compute(text, out _).Minhash.Count;
        }

        return n;
    }

    [Benchmark(Description = "dedup decision per document (in-memory index)", OperationsPerInvoke = Documents)]
    public int Decision()
    {
        var index = new InMemoryDedupIndex();
        var duplicates = 0;
        foreach (var candidate in _candidates)
        {
            duplicates += index.ClaimAsync(candidate).Result.IsDuplicate ? 1 : 0;
        }

        return duplicates;
    }
}
