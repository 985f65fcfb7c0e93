using System.CommandLine;
using Azure;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Cli.Hosting;
using Pipeline.Cli.Rendering;
using Pipeline.Core.Documents;
using Pipeline.Storage.Batches;
using Pipeline.Storage.Outputs;
using Pipeline.Storage.Runtime;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline show NAME|ID [--json]</c>: one result: status, metadata and the start of the text; for a batch, its summary
/// and its first failed records (a record itself is <c>NAME/000012</c>).
/// </summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var key = new Argument<string>("name-or-id") { Description = "An input's blob name, or a document id." };
        var json = new Option<bool>("--json") { Description = "Print the record as JSON." };
        var connection = PipelineHost.ConnectionOption();
        var hostJson = PipelineHost.HostJsonOption();
        var command = new Command("show", "Show one result: status, metadata and the start of the text.") { key, json, connection, hostJson };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = PipelineHost.CreateBuilder(parseResult.GetValue(connection), parseResult.GetValue(hostJson)).Build();
            if (!await StorageCommand.TryPrepareAsync(host.Services, cancellationToken).ConfigureAwait(false))
            {
                return StorageCommand.StorageError;
            }

            var storage = host.Services.GetRequiredService<PipelineStorage>();
            var name = parseResult.GetRequiredValue(key);
            var content = await TryDownloadAsync(storage.Results.GetBlobClient(OutputNames.ResultBlob(name)), cancellationToken).ConfigureAwait(false);
            if (content is not null && BatchSummary.TryRead(content.ToMemory().Span) is { } summary)
            {
                return await ShowBatchAsync(storage, summary, parseResult.GetValue(json), cancellationToken).ConfigureAwait(false);
            }

            var record = content is null ? null : PipelineJson.Deserialize(content.ToMemory().Span);
            if (record is null && name.Length == 32 && name.All(char.IsAsciiHexDigitLower))
            {
                record = await TryReadAsync(storage.Processed.GetBlobClient(OutputNames.DocumentBlob(name)), cancellationToken).ConfigureAwait(false);
            }

            if (record is null)
            {
                await Console.Error.WriteLineAsync($"pipeline show: no result for '{name}' (give an input's name in raw, or a document id)").ConfigureAwait(false);
                return 1;
            }

            if (parseResult.GetValue(json))
            {
                Console.WriteLine(PipelineJson.Serialize(record));
                return 0;
            }

            RecordView.Write(record);
            return 0;
        });
        return command;
    }

    /// <summary>A batch: its summary, then its first failed records with their errors (each read from its result).</summary>
    private static async Task<int> ShowBatchAsync(PipelineStorage storage, BatchSummary summary, bool json, CancellationToken cancellationToken)
    {
        if (json)
        {
            Console.WriteLine(summary.ToJson());
            return 0;
        }

        var failures = new List<(BatchFailure, DocumentRecord?)>();
        foreach (var failure in summary.Failures.Take(10))
        {
            failures.Add((failure, await TryReadAsync(storage.Results.GetBlobClient(failure.Result), cancellationToken).ConfigureAwait(false)));
        }

        BatchView.Write(summary, failures);
        return 0;
    }

    private static async Task<DocumentRecord?> TryReadAsync(Azure.Storage.Blobs.BlobClient blob, CancellationToken cancellationToken) =>
        await TryDownloadAsync(blob, cancellationToken).ConfigureAwait(false) is { } content ? PipelineJson.Deserialize(content.ToMemory().Span) : null;

    private static async Task<BinaryData?> TryDownloadAsync(Azure.Storage.Blobs.BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            return (await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
