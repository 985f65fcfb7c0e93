using System.CommandLine;
using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Cli.Hosting;
using Pipeline.Core.Documents;
using Pipeline.Storage.Intake;
using Pipeline.Storage.Outputs;
using Pipeline.Storage.Runtime;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline replay [NAME... | --failed | --pending]</c>: enqueues the current version of inputs again.</summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var names = new Argument<string[]>("names") { Description = "Blob names in raw to process again.", Arity = ArgumentArity.ZeroOrMore };
        var failed = new Option<bool>("--failed") { Description = "Replay every input whose result is failed." };
        var pending = new Option<bool>("--pending") { Description = "Enqueue every input in raw whose current version has no result yet." };
        var connection = PipelineHost.ConnectionOption();
        var hostJson = PipelineHost.HostJsonOption();
        var command = new Command("replay", "Enqueue inputs again: named ones, every failed one, or every one without a result.") { names, failed, pending, connection, hostJson };
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

            var storage = host.Services.GetRequiredService<PipelineStorage>();
            var enqueuer = host.Services.GetRequiredService<WorkItemEnqueuer>();
            var targets = new List<string>(parseResult.GetValue(names) ?? []);
            if (parseResult.GetValue(failed))
            {
                await foreach (var blob in storage.Results.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, cancellationToken).ConfigureAwait(false))
                {
                    if (blob.Metadata.TryGetValue(OutputWriter.StatusMetadata, out var status) && status == "failed")
                    {
                        var content = await storage.Results.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
                        targets.Add(PipelineJson.Deserialize(content.Value.Content.ToMemory().Span).Source.Name);
                    }
                }
            }

            var replayed = 0;
            if (parseResult.GetValue(pending))
            {
                // The listing gives each version's ETag: enqueued as listed, with no read per blob.
                await foreach (var input in IntakeBacklog.PendingInputsAsync(storage, cancellationToken).ConfigureAwait(false))
                {
                    await enqueuer.EnqueueAsync(new WorkItem(storage.Raw.Name, input.Name, input.ETag) { Resume = true }, cancellationToken).ConfigureAwait(false);
                    replayed++;
                    AnsiConsole.MarkupLine($"enqueuing [blue]{Markup.Escape(input.Name)}[/] (no result yet)");
                    targets.Remove(input.Name);
                }
            }

            foreach (var name in targets.Distinct(StringComparer.Ordinal))
            {
                try
                {
                    var properties = await storage.Raw.GetBlobClient(name).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                    await enqueuer.EnqueueAsync(new WorkItem(storage.Raw.Name, name, properties.Value.ETag.ToString()) { Resume = true }, cancellationToken).ConfigureAwait(false);
                    replayed++;
                    AnsiConsole.MarkupLine($"replaying [blue]{Markup.Escape(name)}[/]");
                }
                catch (RequestFailedException ex) when (ex.Status == 404)
                {
                    await Console.Error.WriteLineAsync($"pipeline replay: '{name}' is not in the raw container").ConfigureAwait(false);
                }
            }

            AnsiConsole.MarkupLine($"Replayed {replayed} inputs.");
            return 0;
        });
        return command;
    }
}
