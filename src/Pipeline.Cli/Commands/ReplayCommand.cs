using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Cli.Hosting;
using Pipeline.Storage.Intake;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline replay [NAME... | --failed | --pending]</c>: enqueues the current version of inputs again; a batch that
/// was fanned out reruns only its failed records.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var names = new Argument<string[]>("names") { Description = "Blob names in raw to process again.", Arity = ArgumentArity.ZeroOrMore };
        var failed = new Option<bool>("--failed") { Description = "Replay every input whose result is failed." };
        var pending = new Option<bool>("--pending") { Description = "Enqueue every input in raw whose current version has no result yet." };
        var connection = PipelineHost.ConnectionOption();
        var hostJson = PipelineHost.HostJsonOption();
        var command = new Command("replay", "Enqueue inputs again: named ones, every failed one, or every one without a result. A batch reruns its failed records.") { names, failed, pending, connection, hostJson };
        command.Validators.Add(result =>
        {
            var given = result.GetValue(names) ?? [];
            if (given.Length == 0 && !result.GetValue(failed) && !result.GetValue(pending))
            {
                result.AddError("Name the inputs to replay, or pass --failed or --pending.");
            }
        });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = PipelineHost.CreateBuilder(parseResult.GetValue(connection), parseResult.GetValue(hostJson)).Build();
            if (!await StorageCommand.TryPrepareAsync(host.Services, cancellationToken).ConfigureAwait(false))
            {
                return StorageCommand.StorageError;
            }

            var replayer = host.Services.GetRequiredService<InputReplayer>();
            var targets = new List<string>(parseResult.GetValue(names) ?? []);
            if (parseResult.GetValue(failed))
            {
                await foreach (var name in replayer.FailedInputsAsync(cancellationToken).ConfigureAwait(false))
                {
                    targets.Add(name);
                }
            }

            var replayed = 0;
            if (parseResult.GetValue(pending))
            {
                var enqueued = await replayer.ReplayPendingAsync(input => AnsiConsole.MarkupLine($"enqueuing [blue]{Markup.Escape(input.Name)}[/] (no result yet)"), cancellationToken).ConfigureAwait(false);
                replayed += enqueued.Count;
                targets.RemoveAll(enqueued.ToHashSet(StringComparer.Ordinal).Contains);
            }

            foreach (var name in targets.Distinct(StringComparer.Ordinal))
            {
                if (await replayer.ReplayInputAsync(name, cancellationToken).ConfigureAwait(false) is not { } replay)
                {
                    await Console.Error.WriteLineAsync($"pipeline replay: '{name}' is not in the raw container").ConfigureAwait(false);
                    continue;
                }

                replayed++;
                AnsiConsole.MarkupLine(replay.FailedRecords switch
                {
                    null => $"replaying [blue]{Markup.Escape(name)}[/]",
                    [] => $"[blue]{Markup.Escape(name)}[/]: batch has no failed records",
                    var records => $"replaying [blue]{Markup.Escape(name)}[/]: {records.Count} failed records ({string.Join(", ", records.Take(10).Select(r => $"#{r}"))}{(records.Count > 10 ? ", ..." : string.Empty)})",
                });
            }

            AnsiConsole.MarkupLine($"Replayed {replayed} inputs.");
            return 0;
        });
        return command;
    }
}
