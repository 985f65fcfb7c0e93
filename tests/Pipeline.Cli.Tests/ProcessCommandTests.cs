using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Pipeline.Tests.Shared;

namespace Pipeline.Cli.Tests;

/// <summary><c>pipeline process</c>, run as a real process on files a user would have.</summary>
public sealed class ProcessCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pipeline-process-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string WriteGzip(string name, string text)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return WriteBytes(name, compressed.ToArray());
    }

    private static string JsonLine(string text, string? url = null) =>
        JsonSerializer.Serialize(url is null ? new Dictionary<string, string> { ["text"] = text } : new Dictionary<string, string> { ["url"] = url, ["text"] = text }) + "\n";

    // One WARC/1.0 record as Common Crawl writes them: version line, headers, a blank line, the block, two CRLFs.
    private static string WarcRecord(string type, string? uri, string contentType, string block)
    {
        var target = uri is null ? string.Empty : $"WARC-Target-URI: {uri}\r\n";
        return $"WARC/1.0\r\nWARC-Type: {type}\r\n{target}WARC-Date: 2024-03-05T10:00:00Z\r\n" +
               $"WARC-Record-ID: <urn:uuid:{Guid.NewGuid()}>\r\nContent-Type: {contentType}\r\n" +
               $"Content-Length: {Encoding.UTF8.GetByteCount(block)}\r\n\r\n{block}\r\n\r\n";
    }

    private static List<JsonElement> Records(CliResult result)
    {
        foreach (var line in result.StdOutLines)
        {
            RecordSchema.AssertValid(line);
        }

        return result.StdOutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
    }

    private static string? Status(JsonElement record) => record.GetProperty("status").GetString();

    private static long RecordIndex(JsonElement record) => record.GetProperty("source").GetProperty("record").GetInt64();

    private const string Weather =
        "Dry week ahead for the valley\n" +
        "Forecasters expect the valley to stay dry for the rest of the week, with light winds from the east and cold, clear nights.\n" +
        "Farmers said the dry spell was welcome after a wet autumn that left several fields flooded until late November.\n";

    private const string Ferry =
        "Winter ferry timetable published\n" +
        "The island ferry will run four crossings a day from next month, down from six, as the operator switches to its winter timetable.\n" +
        "The first boat leaves the mainland at seven and the last returns from the island shortly after six in the evening.\n";

    private const string Article =
        "Harbour works begin in Port Selby\n" +
        "The council of Port Selby voted on Tuesday to rebuild the old north quay, ending a decade of debate about the crumbling stone wall.\n" +
        "Work will start in the spring and is expected to take two years, the harbour master, Ellen Morrow, told reporters after the vote.\n" +
        "Fishermen who moor along the quay will be moved to temporary pontoons while the wall is rebuilt.\n";

    [Fact]
    public async Task Json_mode_prints_one_valid_record_per_input_in_input_order()
    {
        var a = Write("a.txt", Article);
        var empty = WriteBytes("b.txt", []);
        var c = Write("c.txt", "A second, unrelated note about the weather in the valley, which stayed dry all week long.\n");

        var result = await CliProcess.RunAsync("process", "--json", a, empty, c);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(3, result.StdOutLines.Count);
        var names = result.StdOutLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("source").GetProperty("name").GetString());
        Assert.Equal([a, empty, c], names);
        foreach (var line in result.StdOutLines)
        {
            RecordSchema.AssertValid(line);
        }
    }

    [Fact]
    public async Task Rejected_input_is_a_result_and_the_exit_code_stays_zero()
    {
        var empty = WriteBytes("empty.txt", []);

        var result = await CliProcess.RunAsync("process", "--json", empty);

        Assert.Equal(0, result.ExitCode);
        var record = JsonDocument.Parse(result.StdOutLines.Single()).RootElement;
        Assert.Equal("rejected", record.GetProperty("status").GetString());
        Assert.Equal("empty", record.GetProperty("rejection").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Second_copy_of_an_input_in_one_run_is_an_exact_duplicate_of_the_first()
    {
        var first = Write("first.txt", Article);
        var second = Write("second.txt", Article.Replace("\n", "\r\n").Replace(" the ", "  the  "));

        var result = await CliProcess.RunAsync("process", "--json", first, second);

        var records = result.StdOutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal("processed", records[0].GetProperty("status").GetString());
        Assert.Equal("duplicate", records[1].GetProperty("status").GetString());
        var of = records[1].GetProperty("duplicateOf");
        Assert.Equal(records[0].GetProperty("id").GetString(), of.GetProperty("id").GetString());
        Assert.Equal("exact", of.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_folder_argument_processes_its_files_in_name_order()
    {
        Write("b.txt", Article);
        Write("a.txt", "Another short piece about the ferry timetable that changes next month for the winter season.\n");

        var result = await CliProcess.RunAsync("process", "--json", _folder);

        var names = result.StdOutLines.Select(l => Path.GetFileName(JsonDocument.Parse(l).RootElement.GetProperty("source").GetProperty("name").GetString()));
        Assert.Equal(["a.txt", "b.txt"], names);
    }

    [Fact]
    public async Task A_folder_argument_leaves_out_hidden_files()
    {
        Write("article.txt", Article);
        Write(".gitattributes", "* -text\n");

        var result = await CliProcess.RunAsync("process", "--json", _folder);

        var names = result.StdOutLines.Select(l => Path.GetFileName(JsonDocument.Parse(l).RootElement.GetProperty("source").GetProperty("name").GetString()));
        Assert.Equal(["article.txt"], names);
    }

    [Fact]
    public async Task Missing_path_gives_a_clear_message_and_a_non_zero_exit()
    {
        var missing = Path.Combine(_folder, "does-not-exist.txt");

        var result = await CliProcess.RunAsync("process", missing);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("no such file or folder", result.StdErr);
        Assert.Contains("does-not-exist.txt", result.StdErr);
        Assert.Empty(result.StdOut.Trim());
    }

    [Fact]
    public async Task No_arguments_is_a_usage_error()
    {
        var result = await CliProcess.RunAsync("process");

        Assert.NotEqual(0, result.ExitCode);
        Assert.False(string.IsNullOrWhiteSpace(result.StdErr));
    }

    [Fact]
    public async Task Unknown_option_is_a_usage_error()
    {
        var result = await CliProcess.RunAsync("process", "--jsn", Write("a.txt", Article));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--jsn", result.StdErr);
    }

    [Fact]
    public async Task Table_mode_shows_each_input_with_its_status_and_a_summary()
    {
        var a = Write("article.txt", Article);
        var empty = WriteBytes("empty.txt", []);

        var result = await CliProcess.RunAsync(["process", Path.GetFileName(a), Path.GetFileName(empty)], workingDirectory: _folder);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("article.txt", result.StdOut);
        Assert.Contains("processed", result.StdOut);
        Assert.Contains("rejected", result.StdOut);
        Assert.Contains("2 inputs: 1 processed, 0 duplicate, 1 rejected, 0 failed", result.StdOut);
    }

    [Fact]
    public async Task Gzipped_json_lines_batch_prints_one_valid_record_per_line_with_duplicates_and_rejections()
    {
        var batch = WriteGzip("crawl.jsonl.gz", JsonLine(Article) + JsonLine(Weather) + JsonLine(Article) + JsonLine(string.Empty) + JsonLine(Ferry));

        var result = await CliProcess.RunAsync("process", "--json", batch);

        Assert.Equal(0, result.ExitCode);
        var records = Records(result);
        Assert.Equal([0L, 1, 2, 3, 4], records.Select(RecordIndex));
        Assert.All(records, r => Assert.Equal(batch, r.GetProperty("source").GetProperty("name").GetString()));
        Assert.Equal(["processed", "processed", "duplicate", "rejected", "processed"], records.Select(Status));
        var of = records[2].GetProperty("duplicateOf");
        Assert.Equal(records[0].GetProperty("id").GetString(), of.GetProperty("id").GetString());
        Assert.Equal("exact", of.GetProperty("kind").GetString());
        Assert.Equal("empty", records[3].GetProperty("rejection").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Wet_file_prints_one_record_per_conversion_record_with_its_url()
    {
        var wet = Write("CC-MAIN-1.warc.wet",
            WarcRecord("warcinfo", null, "application/warc-fields", "software: tests\r\nformat: WARC File Format 1.0\r\n") +
            WarcRecord("conversion", "https://news.example/2024/03/05/harbour", "text/plain", Article) +
            WarcRecord("conversion", "https://weather.example/valley", "text/plain", Weather));

        var result = await CliProcess.RunAsync("process", "--json", wet);

        Assert.Equal(0, result.ExitCode);
        var records = Records(result);
        Assert.Equal([0L, 1], records.Select(RecordIndex));
        Assert.Equal(["processed", "processed"], records.Select(Status));
        Assert.Equal(["https://news.example/2024/03/05/harbour", "https://weather.example/valley"], records.Select(r => r.GetProperty("source").GetProperty("url").GetString()));
        Assert.StartsWith("Harbour works begin", records[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Invalid_json_line_is_a_rejected_invalid_record_and_the_batch_goes_on()
    {
        var batch = Write("scrape.jsonl", JsonLine(Article) + "{\"text\": \"cut off\n" + JsonLine(Weather));

        var result = await CliProcess.RunAsync("process", "--json", batch);

        Assert.Equal(0, result.ExitCode);
        var records = Records(result);
        Assert.Equal([0L, 1, 2], records.Select(RecordIndex));
        Assert.Equal(["processed", "rejected", "processed"], records.Select(Status));
        Assert.Equal("invalid-record", records[1].GetProperty("rejection").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_batch_record_repeating_a_single_file_of_the_same_run_is_its_duplicate()
    {
        var single = Write("article.txt", Article);
        var batch = Write("crawl.jsonl", JsonLine(Weather) + JsonLine(Article));

        var result = await CliProcess.RunAsync("process", "--json", single, batch);

        var records = Records(result);
        Assert.Equal(3, records.Count);
        Assert.False(records[0].GetProperty("source").TryGetProperty("record", out _));
        Assert.Equal(["processed", "processed", "duplicate"], records.Select(Status));
        Assert.Equal(records[0].GetProperty("id").GetString(), records[2].GetProperty("duplicateOf").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Table_mode_shows_one_row_per_batch_record_named_with_its_index()
    {
        Write("crawl.jsonl", JsonLine(Article) + JsonLine(Article) + JsonLine(string.Empty));

        var result = await CliProcess.RunAsync(["process", "crawl.jsonl"], workingDirectory: _folder);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("crawl.jsonl #0", result.StdOut);
        Assert.Contains("crawl.jsonl #1", result.StdOut);
        Assert.Contains("crawl.jsonl #2", result.StdOut);
        Assert.Contains("3 inputs: 1 processed, 1 duplicate, 1 rejected, 0 failed", result.StdOut);
    }

    [Fact]
    public async Task A_json_lines_file_of_a_hundred_thousand_empty_objects_gives_a_rejection_per_record()
    {
        var batch = WriteBytes("empty.jsonl", System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{}\n", 100_000))));

        var result = await CliProcess.RunAsync("process", "--json", batch);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(100_000, result.StdOutLines.Count);
        var last = JsonDocument.Parse(result.StdOutLines[^1]).RootElement;
        Assert.Equal(99_999, last.GetProperty("source").GetProperty("record").GetInt64());
        Assert.Equal("empty", last.GetProperty("rejection").GetProperty("reason").GetString());
    }
}
