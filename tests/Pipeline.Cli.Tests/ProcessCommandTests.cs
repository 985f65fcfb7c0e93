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
}
