using BenchmarkDotNet.Attributes;
using Pipeline.Core.Deduplication;
using Pipeline.Core.Documents;
using Pipeline.Core.Normalization;
using Pipeline.Core.Processing;
using Pipeline.Core.Structure;

namespace Pipeline.Benchmarks;

/// <summary>
/// The core on the real whole-page dumps of <c>../shared/realworld/inputs</c> (90 pages, seven dumpers): one operation is
/// every page once; throughput = <see cref="TotalBytes"/> / mean. Fails at setup when the set is not beside the repository.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class RealWorldBenchmarks
{
    private readonly DocumentProcessor _processor = new();
    private readonly TextNormalizer _normalizer = new();
    private readonly DocumentStructurer _structurer = new();
    private byte[][] _pages = [];
    private string[] _normalized = [];

    /// <summary>Bytes of every page together.</summary>
    public long TotalBytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var inputs = Path.Combine(FindRoot(), "..", "shared", "realworld", "inputs");
        if (!Directory.Exists(inputs))
        {
            throw new DirectoryNotFoundException($"The real-world set is not at {inputs}.");
        }

        _pages = Directory.GetFiles(inputs).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
        TotalBytes = _pages.Sum(p => (long)p.Length);
        _normalized = _pages.Select(p => _normalizer.Normalize(_processor.Decode(new RawInput("p", p)).Text!).Text).ToArray();
        Console.WriteLine($"// {_pages.Length} pages, {TotalBytes:N0} bytes per operation");
        _ = WholeCore().GetAwaiter().GetResult(); // language models and regexes warmed outside the measurement
    }

    [Benchmark(Description = "real-world dumps: whole core, decode..metadata")]
    public async Task<int> WholeCore()
    {
        var index = new InMemoryDedupIndex();
        var n = 0;
        for (var i = 0; i < _pages.Length; i++)
        {
            var record = await _processor.ProcessAsync(new RawInput("page" + i, _pages[i]), index);
            n += record.Text?.Length ?? 0;
        }

        return n;
    }

    [Benchmark(Description = "real-world dumps: structure (paragraphs, boilerplate, dedup)")]
    public int Structure()
    {
        var n = 0;
        foreach (var text in _normalized)
        {
            n += _structurer.Structure(text).Blocks.Count;
        }

        return n;
    }

    internal static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Pipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
