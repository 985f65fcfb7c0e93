using System.Text;
using BenchmarkDotNet.Attributes;
using Pipeline.Core.Deduplication;
using Pipeline.Core.Documents;
using Pipeline.Core.Processing;

namespace Pipeline.Benchmarks;

/// <summary>
/// The whole core (<see cref="DocumentProcessor.ProcessAsync"/>) on inputs built to make regexes backtrack, quadratic
/// scans repeat, or per-item costs pile up, at three sizes. Time (and allocation) should grow about 4x per 4x of size.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class AdversarialBenchmarks
{
    private readonly DocumentProcessor _processor = new();
    private byte[] _input = [];

    /// <summary>Input size in bytes (UTF-8).</summary>
    [Params(64 * 1024, 256 * 1024, 1024 * 1024)]
    public int Size { get; set; }

    /// <summary>The adversarial pattern.</summary>
    [Params("a-no-spaces", "U.S.", "&amp;", "alternating-quotes", "Mr. A. B.", "nested-brackets-quotes", "short-lines", "glued-x.Y", "long-url", "e-mails")]
    public string Pattern { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var unit = Pattern switch
        {
            "a-no-spaces" => "a",
            "U.S." => "U.S. ",
            "&amp;" => "&amp;",
            "alternating-quotes" => "\"'“‘”’«» ",
            "Mr. A. B." => "Mr. A. B. ",
            "nested-brackets-quotes" => null,
            "short-lines" => null,
            "glued-x.Y" => "x.Y",
            "long-url" => null,
            "e-mails" => null,
            _ => throw new InvalidOperationException(Pattern),
        };
        var text = unit is not null ? Fill(i => unit, Size) : Pattern switch
        {
            // Opening brackets and quotes for half the input, then the closers: maximal nesting depth.
            "nested-brackets-quotes" => Fill(i => "([{“‘«\"", Size / 2) + Fill(i => "\"»’”}])", Size / 2),
            "short-lines" => Fill(i => (i % 4) switch { 0 => "ok\n", 1 => $"line {i}\n", 2 => "\n", _ => "Yes.\n" }, Size),
            "long-url" => "See https://example.com/" + Fill(i => "seg/", Size - 40) + " now.",
            _ => Fill(i => $"user{i}@mail{i % 97}.example.org, ", Size),
        };
        _input = Encoding.UTF8.GetBytes(text);
        _ = _processor.ProcessAsync(new RawInput("warm-up", _input), new InMemoryDedupIndex()).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>One document through the whole core.</summary>
    [Benchmark]
    public async Task<ResultStatus> WholeCore() =>
        (await _processor.ProcessAsync(new RawInput("adversarial", _input), new InMemoryDedupIndex())).Status;

    private static string Fill(Func<int, string> unit, int size)
    {
        var builder = new StringBuilder(size + 64);
        var bytes = 0;
        for (var i = 0; bytes < size; i++)
        {
            var piece = unit(i);
            builder.Append(piece);
            bytes += Encoding.UTF8.GetByteCount(piece);
        }

        return builder.ToString();
    }
}
