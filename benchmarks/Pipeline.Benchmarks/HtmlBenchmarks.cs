using System.Text;
using BenchmarkDotNet.Attributes;
using Pipeline.Core.Deduplication;
using Pipeline.Core.Documents;
using Pipeline.Core.Processing;

namespace Pipeline.Benchmarks;

/// <summary>
/// The whole core on HTML: the 90 real pages of <c>../shared/realworld/html</c> (one operation is every page once), and
/// adversarial pages at two sizes (unclosed tags, deeply nested tables, an entity flood, a script-only page, a page of
/// nothing but links). Throughput = bytes / mean; time should grow about linearly with size.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class HtmlBenchmarks
{
    private readonly DocumentProcessor _processor = new();
    private byte[][] _real = [];
    private byte[] _adversarial = [];

    /// <summary>Which input: <c>real-world</c> or an adversarial pattern.</summary>
    [Params("real-world", "unclosed-p", "nested-tables", "entity-flood", "script-only", "link-farm")]
    public string Input { get; set; } = "";

    /// <summary>Size of an adversarial page in bytes (ignored for the real pages).</summary>
    [Params(1024 * 1024, 4 * 1024 * 1024)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        if (Input == "real-world")
        {
            var html = Path.Combine(RealWorldBenchmarks.FindRoot(), "..", "shared", "realworld", "html");
            _real = Directory.GetFiles(html).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
            Console.WriteLine($"// {_real.Length} pages, {_real.Sum(p => (long)p.Length):N0} bytes per operation");
        }
        else
        {
            _adversarial = Encoding.UTF8.GetBytes(Page(Input, Size));
        }

        _ = Run().GetAwaiter().GetResult(); // the parser, language models and regexes warmed outside the measurement
    }

    /// <summary>The input(s) through the whole core.</summary>
    [Benchmark]
    public async Task<int> Run()
    {
        if (Input != "real-world")
        {
            return (int)(await _processor.ProcessAsync(new RawInput("adversarial.html", _adversarial), new InMemoryDedupIndex())).Status;
        }

        var index = new InMemoryDedupIndex();
        var processed = 0;
        foreach (var page in _real)
        {
            processed += (await _processor.ProcessAsync(new RawInput("page.html", page), index)).Status == ResultStatus.Processed ? 1 : 0;
        }

        return processed;
    }

    private static string Page(string pattern, int size)
    {
        var body = new StringBuilder("<!DOCTYPE html><html><head><title>Adversarial</title></head><body>");
        var unit = pattern switch
        {
            "unclosed-p" => "<p>The ferry carried its first travellers of the season on Monday, three weeks late.<div><span>",
            "nested-tables" => "<table><tr><td>cell ",
            "entity-flood" => "&amp;&lt;&#8217;&eacute;&nbsp;&#x2014;",
            "script-only" => "<script>var state = {\"items\": [1, 2, 3], \"user\": null};</script>",
            "link-farm" => "<li><a href=\"/tag/x\">Tag</a></li>",
            _ => throw new InvalidOperationException(pattern),
        };
        while (body.Length < size)
        {
            body.Append(unit);
        }

        return body.Append("</body></html>").ToString();
    }
}
