using System.CommandLine;
using System.Globalization;
using Pipeline.Cli.Rendering;
using Pipeline.Core.Deduplication;
using Pipeline.Core.Documents;
using Pipeline.Core.Processing;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline process FILE... [--json]</c>: runs the core on local files, offline, deduplicating the
/// inputs of one run against each other through the in-memory index (first one wins). A batch file (JSON Lines,
/// WARC/WET, gzip) gives one result per record, streamed as it is read.
/// </summary>
internal static class ProcessCommand
{
    /// <summary>From this many inputs on, the table mode shows a progress bar while it works (on a terminal).</summary>
    private const int ProgressThreshold = 20;

    /// <summary>From this many bytes of input on, too: a few files may be large batches of many records.</summary>
    private const long ProgressBytes = 16 * 1024 * 1024;

    public static Command Create()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Files or folders to process (folders are read recursively, in name order).",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print one JSON result record per input (per record of a batch), one per line, in input order.",
        };
        var command = new Command("process", "Process local files offline and print one result per input (per record of a batch).") { files, json };
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(parseResult.GetRequiredValue(files), parseResult.GetValue(json), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, bool json, CancellationToken cancellationToken)
    {
        var inputs = InputFiles.Expand(paths, out var missing);
        if (missing.Count > 0)
        {
            foreach (var path in missing)
            {
                await Console.Error.WriteLineAsync($"pipeline process: no such file or folder: {path}").ConfigureAwait(false);
            }

            return PipelineCommand.UsageError;
        }

        var processor = new DocumentProcessor();
        var index = new InMemoryDedupIndex();
        if (json)
        {
            var stdout = Console.Out;
            foreach (var input in inputs)
            {
                // Written as each record completes so a consumer can stream a long run.
                await foreach (var record in FileRecords.ProcessAsync(processor, index, input.Path, cancellationToken).ConfigureAwait(false))
                {
                    await stdout.WriteLineAsync(PipelineJson.Serialize(record)).ConfigureAwait(false);
                }
            }

            return 0;
        }

        var rows = new List<ResultRow>(inputs.Count);
        if (!Console.IsOutputRedirected && (inputs.Count >= ProgressThreshold || TotalBytes(inputs) >= ProgressBytes))
        {
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    // The bar counts files; the records of a batch are counted in the description as they come.
                    var task = context.AddTask(Progress(inputs.Count, 0), maxValue: inputs.Count);
                    foreach (var input in inputs)
                    {
                        await foreach (var record in FileRecords.ProcessAsync(processor, index, input.Path, cancellationToken).ConfigureAwait(false))
                        {
                            rows.Add(ResultRow.Of(record));
                            task.Description = Progress(inputs.Count, rows.Count);
                        }

                        task.Increment(1);
                    }
                }).ConfigureAwait(false);
        }
        else
        {
            foreach (var input in inputs)
            {
                await foreach (var record in FileRecords.ProcessAsync(processor, index, input.Path, cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(ResultRow.Of(record));
                }
            }
        }

        AnsiConsole.Write(ResultTable.Create(rows));
        AnsiConsole.MarkupLine(ResultTable.Summary(rows));
        return 0;
    }

    private static string Progress(int files, int records) =>
        string.Create(CultureInfo.InvariantCulture, $"Processing {files} files: {records} records");

    // Only decides whether to show progress: a file that cannot be looked at counts as empty here and fails when read.
    private static long TotalBytes(IEnumerable<InputFile> inputs) => inputs.Sum(i =>
    {
        try
        {
            return new FileInfo(i.Path).Length;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0L;
        }
    });
}
