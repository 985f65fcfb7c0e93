using System.CommandLine;
using Pipeline.Cli.Rendering;
using Pipeline.Core.Deduplication;
using Pipeline.Core.Documents;
using Pipeline.Core.Processing;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline process FILE... [--json]</c>: runs the core on local files, offline, deduplicating the
/// inputs of one run against each other through the in-memory index (first one wins).
/// </summary>
internal static class ProcessCommand
{
    /// <summary>From this many inputs on, the table mode shows a progress bar while it works (on a terminal).</summary>
    private const int ProgressThreshold = 20;

    public static Command Create()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Files or folders to process (folders are read recursively, in name order).",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print one JSON result record per input, one per line, in input order.",
        };
        var command = new Command("process", "Process local files offline and print one result per input.") { files, json };
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
                // Written as each input completes so a consumer can stream a long run.
                var record = await ProcessOneAsync(processor, index, input.Path, cancellationToken).ConfigureAwait(false);
                await stdout.WriteLineAsync(PipelineJson.Serialize(record)).ConfigureAwait(false);
            }

            return 0;
        }

        var records = new List<DocumentRecord>(inputs.Count);
        if (inputs.Count >= ProgressThreshold && !Console.IsOutputRedirected)
        {
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask($"Processing {inputs.Count} files", maxValue: inputs.Count);
                    foreach (var input in inputs)
                    {
                        records.Add(await ProcessOneAsync(processor, index, input.Path, cancellationToken).ConfigureAwait(false));
                        task.Increment(1);
                    }
                }).ConfigureAwait(false);
        }
        else
        {
            foreach (var input in inputs)
            {
                records.Add(await ProcessOneAsync(processor, index, input.Path, cancellationToken).ConfigureAwait(false));
            }
        }

        AnsiConsole.Write(ResultTable.Create(records));
        AnsiConsole.MarkupLine(ResultTable.Summary(records));
        return 0;
    }

    private static async Task<DocumentRecord> ProcessOneAsync(DocumentProcessor processor, IDedupIndex index, string path, CancellationToken cancellationToken)
    {
        byte[]? bytes = null;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            return await processor.ProcessAsync(new RawInput(path, bytes), index, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One bad input must not end the run: it gets a `failed` record with its error.
            return FailedRecord.Create(path, bytes ?? [], ex, attempts: 1);
        }
    }
}
