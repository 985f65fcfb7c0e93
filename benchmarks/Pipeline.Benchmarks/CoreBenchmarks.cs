using BenchmarkDotNet.Attributes;
using Pipeline.Core.Decoding;
using Pipeline.Core.Deduplication;
using Pipeline.Core.Documents;
using Pipeline.Core.Metadata;
using Pipeline.Core.Normalization;
using Pipeline.Core.Processing;
using Pipeline.Core.Structure;

namespace Pipeline.Benchmarks;

/// <summary>
/// Per-stage and whole-core cost over the same news-like documents (one operation = every document once;
/// throughput = <see cref="NewsText.TotalBytes"/> / mean). Allocations per operation come from the memory diagnoser.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 15, iterationCount: 15)]
public class CoreBenchmarks
{
    private readonly TextDecoder _decoder = new();
    private readonly TextNormalizer _normalizer = new();
    private readonly DocumentStructurer _structurer = new();
    private readonly Fingerprinter _fingerprinter = new();
    private readonly MetadataExtractor _extractor = new();
    private readonly DocumentProcessor _processor = new();
    private string[] _decoded = [];
    private string[] _normalized = [];
    private StructuredText[] _structured = [];
    private string[] _clean = [];

    [GlobalSetup]
    public void Setup()
    {
        _decoded = NewsText.Documents.Select(d => _decoder.Decode(d).Text!).ToArray();
        _normalized = _decoded.Select(t => _normalizer.Normalize(t).Text).ToArray();
        _structured = _normalized.Select(_structurer.Structure).ToArray();
        _clean = _structured.Select(s => s.ToCleanText()).ToArray();
        Console.WriteLine($"// {NewsText.Documents.Count} documents, {NewsText.TotalBytes:N0} bytes per operation");
        _ = _extractor.Extract(_structured[0]); // loads the language models outside the measurement
    }

    [Benchmark(Description = "whole core: decode..metadata, language included")]
    public async Task<int> WholeCore()
    {
        var index = new InMemoryDedupIndex();
        var n = 0;
        for (var i = 0; i < NewsText.Documents.Count; i++)
        {
            var record = await _processor.ProcessAsync(new RawInput("doc" + i, NewsText.Documents[i]), index);
            n += record.Text?.Length ?? 0;
        }

        return n;
    }

    [Benchmark(Description = "decode")]
    public int Decode()
    {
        var n = 0;
        foreach (var d in NewsText.Documents)
        {
            n += _decoder.Decode(d).Text!.Length;
        }

        return n;
    }

    [Benchmark(Description = "normalise")]
    public int Normalize()
    {
        var n = 0;
        foreach (var t in _decoded)
        {
            n += _normalizer.Normalize(t).Text.Length;
        }

        return n;
    }

    [Benchmark(Description = "structure + paragraph dedup")]
    public int Structure()
    {
        var n = 0;
        foreach (var t in _normalized)
        {
            n += _structurer.Structure(t).Blocks.Count;
        }

        return n;
    }

    [Benchmark(Description = "fingerprints: sha256, simhash, minhash")]
    public int Fingerprint()
    {
        var n = 0;
        foreach (var t in _clean)
        {
            n += _fingerprinter.Compute(t).Minhash.Count;
        }

        return n;
    }

    [Benchmark(Description = "metadata, language included")]
    public int Extract()
    {
        var n = 0;
        foreach (var s in _structured)
        {
            n += _extractor.Extract(s).WordCount;
        }

        return n;
    }
}
