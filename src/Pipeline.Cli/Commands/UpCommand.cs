using System.Collections.Concurrent;
using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Cli.Hosting;
using Pipeline.Cli.Rendering;
using Pipeline.Core.Documents;
using Pipeline.Development.Azurite;
using Pipeline.Storage.Hosting;
using Pipeline.Storage.Intake;
using Pipeline.Storage.Runtime;
using Pipeline.Storage.Telemetry;
using Pipeline.Web;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline up</c>: the local equivalent of <c>func start</c>. Uses the configured account, else an
/// Azurite already listening on the default ports, else starts one (installing it if needed) with its data
/// in <c>.azurite/</c>; runs a worker; drops <c>samples/inputs</c>; shows results as they complete.
/// </summary>
internal static class UpCommand
{
    public static Command Create()
    {
        var noSamples = new Option<bool>("--no-samples") { Description = "Do not drop the sample inputs." };
        var once = new Option<bool>("--once") { Description = "Exit when every dropped input has its result." };
        var samples = new Option<string?>("--samples") { Description = "Folder of inputs to drop (default: the repository's samples/inputs)." };
        var noWeb = new Option<bool>("--no-web") { Description = "Do not serve the web view." };
        var telemetry = PipelineHost.TelemetryOption();
        var web = WebCommand.WebOptions.Create();
        var connection = PipelineHost.ConnectionOption();
        var hostJson = PipelineHost.HostJsonOption();
        var command = new Command("up", "Run the whole pipeline locally on Azurite with the samples, show the results, and serve the web view.")
        {
            noSamples, once, samples, noWeb, telemetry, connection, hostJson,
        };
        foreach (var option in web.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var explicitConnection = parseResult.GetValue(connection) ?? Environment.GetEnvironmentVariable("AzureWebJobsStorage");
            AzuriteLauncher? azurite = null;
            WebApplication? webApp = null;
            try
            {
                if (string.IsNullOrWhiteSpace(explicitConnection) && !await AzuriteLauncher.IsReachableAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    var root = RepositoryLocator.FindRoot() ?? Directory.GetCurrentDirectory();
                    azurite = new AzuriteLauncher(new AzuriteOptions
                    {
                        DataDirectory = Path.Combine(root, ".azurite"),
                        BlobPort = 10000,
                        QueuePort = 10001,
                        TablePort = 10002,
                    });
                    AnsiConsole.MarkupLine("Starting Azurite (data in [blue].azurite/[/]) ...");
                    await azurite.StartAsync(cancellationToken).ConfigureAwait(false);
                }

                var observer = new LiveResults();
                var builder = PipelineHost.CreateBuilder(explicitConnection, parseResult.GetValue(hostJson), LogLevel.Warning);

                // One run at a time, so that copies among the files are decided in the order they were dropped,
                // as `pipeline process` decides them; `pipeline worker` runs host.json's batches in parallel.
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["AzureFunctionsJobHost:extensions:queues:batchSize"] = "1",
                    ["AzureFunctionsJobHost:extensions:queues:newBatchThreshold"] = "0",
                });
                builder.Services.AddSingleton<IRunObserver>(observer);
                builder.Services.AddPipelineWorker();
                if (builder.Services.AddPipelineTelemetry(builder.Configuration, "pipeline-up", parseResult.GetValue(telemetry)) is var exporter and not TelemetryExporter.None)
                {
                    AnsiConsole.MarkupLine($"Telemetry: traces and metrics go to [blue]{exporter.ToString().ToLowerInvariant()}[/].");
                }

                using var host = builder.Build();
                if (!await StorageCommand.TryPrepareAsync(host.Services, cancellationToken).ConfigureAwait(false))
                {
                    return StorageCommand.StorageError;
                }

                await host.StartAsync(cancellationToken).ConfigureAwait(false);
                if (!parseResult.GetValue(noWeb))
                {
                    webApp = WebCommand.BuildApp(explicitConnection, parseResult.GetValue(hostJson), web.Settings(parseResult));
                    if (await WebCommand.TryStartAsync(webApp, cancellationToken).ConfigureAwait(false))
                    {
                        AnsiConsole.MarkupLine($"Web view on [blue link]{Markup.Escape(string.Join(" ", WebViewApplication.Addresses(webApp)))}[/]");
                    }
                    else
                    {
                        await webApp.DisposeAsync().ConfigureAwait(false);
                        webApp = null;
                    }
                }

                var dropped = new List<WorkItem>();
                if (!parseResult.GetValue(noSamples))
                {
                    var folder = parseResult.GetValue(samples) ?? Path.Combine(RepositoryLocator.FindRoot() ?? ".", "samples", "inputs");
                    var dropper = host.Services.GetRequiredService<BlobDropper>();
                    dropped.AddRange(await dropper.DropAllAsync(InputFiles.Expand([folder], out _).Select(f => (f.Path, f.Name)).ToList(), 8, null, cancellationToken).ConfigureAwait(false));

                    AnsiConsole.MarkupLine($"Dropped [green]{dropped.Count}[/] sample files into [blue]raw[/]; results follow as they complete.");
                }

                AnsiConsole.MarkupLine(parseResult.GetValue(once) ? "Waiting for every result ..." : "Watching; drop files into [blue]raw[/] (pipeline drop PATH) and press Ctrl+C to stop.");
                try
                {
                    if (parseResult.GetValue(once))
                    {
                        await observer.WaitForAsync(dropped.Select(d => d.RunId), cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException)
                {
                }

                if (webApp is not null)
                {
                    await webApp.StopAsync(CancellationToken.None).ConfigureAwait(false);
                }

                await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
                var records = observer.Records;
                if (records.Count > 0)
                {
                    AnsiConsole.Write(ResultTable.Create(records));
                    AnsiConsole.MarkupLine(ResultTable.Summary(records));
                }

                AnsiConsole.MarkupLine("Outputs: [blue]results/{name}.json[/] per input, [blue]processed/{id}.json[/] and [blue].txt[/] per canonical document, events on [blue]pipeline-events[/].");
                return 0;
            }
            catch (AzuriteException ex)
            {
                await Console.Error.WriteLineAsync($"pipeline up: {ex.Message}").ConfigureAwait(false);
                return StorageCommand.StorageError;
            }
            finally
            {
                if (webApp is not null)
                {
                    await webApp.DisposeAsync().ConfigureAwait(false);
                }

                if (azurite is not null)
                {
                    await azurite.DisposeAsync().ConfigureAwait(false);
                }
            }
        });
        return command;
    }

    /// <summary>Prints each result as it completes and lets <c>--once</c> wait for a set of runs.</summary>
    private sealed class LiveResults : IRunObserver
    {
        private readonly ConcurrentDictionary<string, DocumentRecord> _byRun = new(StringComparer.Ordinal);
        private readonly ConcurrentQueue<DocumentRecord> _order = new();
        private readonly SemaphoreSlim _signal = new(0);

        public IReadOnlyCollection<DocumentRecord> Records => _order.ToArray();

        public void OnResult(WorkItem item, DocumentRecord record)
        {
            _byRun[item.RunId] = record;
            _order.Enqueue(record);
            AnsiConsole.MarkupLine($"{ResultTable.StatusMarkup(record.Status),-22} {Markup.Escape(record.Source.Name)}  [grey]{record.Id[..12]}[/]  {Markup.Escape(ResultTable.Detail(record))}");
            _signal.Release();
        }

        public async Task WaitForAsync(IEnumerable<string> runIds, CancellationToken cancellationToken)
        {
            var wanted = runIds.ToHashSet(StringComparer.Ordinal);
            while (!wanted.All(_byRun.ContainsKey))
            {
                await _signal.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
