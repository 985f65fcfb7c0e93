using Pipeline.Core.Decoding;
using Pipeline.Core.Deduplication;
using Pipeline.Core.Documents;
using Pipeline.Core.Processing;
using Pipeline.Tests.Shared;
using Xunit.Abstractions;
using static Pipeline.Core.Tests.BadInput.BadInputs;

namespace Pipeline.Core.Tests.BadInput;

/// <summary>
/// Every bad input ends as a processed document or a rejection with a documented reason and a human detail; none
/// throws, and none makes the core allocate more than a fixed multiple of its size. The allocation bound is measured
/// with <see cref="GC.GetAllocatedBytesForCurrentThread"/> (the core runs synchronously on the calling thread with an
/// <see cref="InMemoryDedupIndex"/>), so it counts every byte the core allocated, not the peak heap.
/// </summary>
public sealed class BadInputTests(ITestOutputHelper output)
{
    /// <summary>
    /// Allocation bound for the theory's cases: 100 bytes per input byte plus 8 MB of fixed costs. Measured worst
    /// cases (docs/reliability.md): glued one-letter sentences ~74x and "U.S." floods ~42x, mostly entity candidates
    /// in the metadata stage; ordinary prose stays under 10x.
    /// </summary>
    private const long BytesPerInputByte = 100;

    /// <summary>
    /// The bound for web pages: the parsed tree costs about 500 bytes per element, so markup that is all short elements
    /// ("&lt;tr&gt;&lt;td&gt;cell ", 13 bytes for two) costs more per byte than text. Measured worst case: nested tables ~109x.
    /// </summary>
    private const long HtmlBytesPerInputByte = 150;

    private const long FixedAllowance = 8 << 20;

    private static readonly string[] ReasonCodes =
    [
        RejectionReasons.Empty, RejectionReasons.WhitespaceOnly, RejectionReasons.TooLarge,
        RejectionReasons.Binary, RejectionReasons.Undecodable, RejectionReasons.NoContent,
    ];

    private static readonly DocumentProcessor Processor = Warmed(new DocumentProcessor());

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Bad_input_ends_as_a_processed_document_or_a_clear_rejection(string caseName)
    {
        var badCase = BadInputCases.Named(caseName);
        var bytes = badCase.Make();
        var name = badCase.InputName ?? $"bad-input/{caseName}.txt";

        var (record, firstAllocated) = Run(Processor, new RawInput(name, bytes));

        AssertWellFormed(record, name);
        Assert.Equal(badCase.Status, record.Status);
        if (badCase.Reason is { } reason)
        {
            Assert.Equal(reason, record.Rejection!.Reason);
        }

        badCase.Check?.Invoke(record);

        // Measured on a second run: the first may include one-off costs of the process (a language model or regex
        // automaton built on first use), which are bounded by the code, not by the input.
        var (again, allocated) = Run(Processor, new RawInput(name, bytes));
        Assert.Equal(PipelineJson.Serialize(record), PipelineJson.Serialize(again));
        output.WriteLine($"{caseName}: {bytes.Length:N0} bytes -> {Outcome(record)}, allocated {allocated:N0} bytes ({Ratio(allocated, bytes.Length)}; first run {firstAllocated:N0})");
        var perByte = record.Source.Format == InputFormats.Html ? HtmlBytesPerInputByte : BytesPerInputByte;
        Assert.True(
            allocated < perByte * bytes.Length + FixedAllowance,
            $"{caseName} allocated {allocated:N0} bytes for {bytes.Length:N0} input bytes.");
    }

    public static TheoryData<string> CaseNames => BadInputCases.Names;

    [Fact]
    public void A_20_MB_single_line_over_the_default_limit_is_rejected_as_too_large_without_decoding()
    {
        var bytes = Bytes(Repeat("word", 20 * 1024 * 1024));

        var (record, allocated) = Run(Processor, new RawInput("one-line-20mb.txt", bytes));

        AssertWellFormed(record, "one-line-20mb.txt");
        Assert.Equal(RejectionReasons.TooLarge, record.Rejection!.Reason);
        Assert.Contains("16,777,216", record.Rejection.Detail, StringComparison.Ordinal);

        // Rejected before decoding: only the SHA-256 and the record are allocated, never a copy of the input.
        Assert.True(allocated < 1 << 20, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void A_20_MB_single_line_under_a_raised_limit_is_processed_allocating_under_40x_its_size()
    {
        var processor = Warmed(new DocumentProcessor(new DocumentProcessorOptions { Decoding = new DecodingOptions { MaxInputBytes = 32 << 20 } }));
        var text = Repeat("lorem ipsum dolor sit amet, consectetur adipiscing elit ", 20 * 1024 * 1024);
        var bytes = Bytes(text);

        var (record, allocated) = Run(processor, new RawInput("one-line-20mb.txt", bytes));

        AssertWellFormed(record, "one-line-20mb.txt");
        Assert.Equal(ResultStatus.Processed, record.Status);
        output.WriteLine($"20 MB line: allocated {allocated:N0} bytes ({Ratio(allocated, bytes.Length)})");
        Assert.True(allocated < 40L * bytes.Length, $"allocated {allocated:N0} bytes for {bytes.Length:N0}");
    }

    [Fact]
    public void A_file_one_byte_over_the_size_limit_is_rejected_as_too_large()
    {
        var bytes = Bytes(Repeat(Prose + "\n", (16 * 1024 * 1024) + 1))[..((16 * 1024 * 1024) + 1)];

        var (record, _) = Run(Processor, new RawInput("over-limit.txt", bytes));

        AssertWellFormed(record, "over-limit.txt");
        Assert.Equal(RejectionReasons.TooLarge, record.Rejection!.Reason);
        Assert.Equal(bytes.Length, record.Source.Size);
    }

    [Fact]
    public void A_file_exactly_at_the_size_limit_is_processed()
    {
        var processor = new DocumentProcessor(new DocumentProcessorOptions { Decoding = new DecodingOptions { MaxInputBytes = 4096 } });
        var bytes = Bytes(Repeat(Prose + "\n", 4096))[..4096];

        var (record, _) = Run(processor, new RawInput("at-limit.txt", bytes));

        AssertWellFormed(record, "at-limit.txt");
        Assert.Equal(ResultStatus.Processed, record.Status);
    }

    [Fact]
    public void A_million_short_lines_are_processed_allocating_under_100x_their_size()
    {
        var text = string.Join('\n', Enumerable.Range(0, 1_000_000).Select(i => (i % 7) switch
        {
            0 => "",
            1 => "ok",
            2 => "a b",
            3 => $"line {i}",
            4 => "-",
            5 => "Yes.",
            _ => "x",
        }));
        var bytes = Bytes(text);

        var (record, allocated) = Run(Processor, new RawInput("million-lines.txt", bytes));

        AssertWellFormed(record, "million-lines.txt");
        Assert.Equal(ResultStatus.Processed, record.Status);
        output.WriteLine($"million lines: {bytes.Length:N0} bytes, allocated {allocated:N0} bytes ({Ratio(allocated, bytes.Length)})");
        Assert.True(allocated < 100L * bytes.Length, $"allocated {allocated:N0} bytes for {bytes.Length:N0}");
    }

    [Fact]
    public void A_million_distinct_prose_lines_are_processed_allocating_under_100x_their_size()
    {
        var text = string.Join('\n', Enumerable.Range(0, 1_000_000).Select(i => $"Row {i}."));
        var bytes = Bytes(text);

        var (record, allocated) = Run(Processor, new RawInput("million-prose-lines.txt", bytes));

        AssertWellFormed(record, "million-prose-lines.txt");
        Assert.Equal(ResultStatus.Processed, record.Status);
        output.WriteLine($"million prose lines: {bytes.Length:N0} bytes, allocated {allocated:N0} bytes ({Ratio(allocated, bytes.Length)})");
        Assert.True(allocated < 100L * bytes.Length, $"allocated {allocated:N0} bytes for {bytes.Length:N0}");
    }

    [Fact]
    public void There_are_at_least_40_distinct_cases() =>
        Assert.True(BadInputCases.All.Select(c => c.Name).Distinct().Count() >= 40);

    /// <summary>Runs the core once, synchronously on this thread, and counts what it allocated.</summary>
    private static (DocumentRecord Record, long Allocated) Run(DocumentProcessor processor, RawInput input)
    {
        var index = new InMemoryDedupIndex();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var pending = processor.ProcessAsync(input, index);
        Assert.True(pending.IsCompleted, "With an in-memory index the core completes synchronously.");
        var record = pending.Result;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        return (record, allocated);
    }

    private static void AssertWellFormed(DocumentRecord record, string name)
    {
        Assert.True(
            record.Status is ResultStatus.Processed or ResultStatus.Rejected,
            $"Status is {record.Status}; a single input against an empty index is processed or rejected.");
        Assert.Equal(name, record.Source.Name);
        if (record.Status == ResultStatus.Rejected)
        {
            Assert.NotNull(record.Rejection);
            Assert.Contains(record.Rejection.Reason, ReasonCodes);
            Assert.False(string.IsNullOrWhiteSpace(record.Rejection.Detail));
            Assert.Null(record.Text);
        }
        else
        {
            Assert.Null(record.Rejection);
            Assert.False(string.IsNullOrWhiteSpace(record.Text));
            Assert.NotNull(record.Metadata);
        }

        var json = PipelineJson.Serialize(record);
        RecordSchema.AssertValid(json);
        Assert.Equal(record.Status, PipelineJson.Deserialize(json).Status);
    }

    // Loads the language models once so the cases measure per-document allocations, not the one-off model load.
    private static DocumentProcessor Warmed(DocumentProcessor processor)
    {
        _ = processor.ProcessAsync(new RawInput("warm-up.txt", Bytes(Prose)), new InMemoryDedupIndex()).AsTask().GetAwaiter().GetResult();
        return processor;
    }

    private static string Outcome(DocumentRecord record) =>
        record.Rejection is { } r ? $"rejected {r.Reason} ({r.Detail})" : $"{record.Status} ({record.Text!.Length:N0} chars, {record.Metadata!.ParagraphCount} paragraphs)";

    private static string Ratio(long allocated, int inputBytes) => inputBytes == 0 ? "n/a" : $"{(double)allocated / inputBytes:0.0}x";
}
