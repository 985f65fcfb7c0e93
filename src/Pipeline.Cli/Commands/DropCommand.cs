using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Cli.Hosting;
using Pipeline.Storage.Intake;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline drop PATH...</c>: uploads files and folders into the raw container and enqueues them.</summary>
internal static class DropCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders to upload.", Arity = ArgumentArity.OneOrMore };
        var connection = PipelineHost.ConnectionOption();
        var hostJson = PipelineHost.HostJsonOption();
        var command = new Command("drop", "Upload files and folders into the raw container; each is enqueued at once.") { paths, connection, hostJson };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var files = InputFiles.Expand(parseResult.GetRequiredValue(paths), out var missing);
            if (missing.Count > 0)
            {
                foreach (var path in missing)
                {
                    await Console.Error.WriteLineAsync($"pipeline drop: no such file or folder: {path}").ConfigureAwait(false);
                }

                return PipelineCommand.UsageError;
            }

            var plan = files.Select(f => (f.Path, f.Name)).ToList();

            using var host = PipelineHost.CreateBuilder(parseResult.GetValue(connection), parseResult.GetValue(hostJson)).Build();
            if (!await StorageCommand.TryPrepareAsync(host.Services, cancellationToken).ConfigureAwait(false))
            {
                return StorageCommand.StorageError;
            }

            var dropper = host.Services.GetRequiredService<BlobDropper>();
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask($"Dropping {plan.Count} files", maxValue: plan.Count);
                    // Uploads in parallel, enqueues in the order given (see BlobDropper.DropAllAsync).
                    await dropper.DropAllAsync(plan, 8, () => task.Increment(1), cancellationToken).ConfigureAwait(false);
                }).ConfigureAwait(false);
            AnsiConsole.MarkupLine($"Dropped [green]{plan.Count}[/] files into [blue]raw[/].");
            return 0;
        });
        return command;
    }
}
