using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Cli.Hosting;
using Pipeline.Web;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline web [--port 7080]</c>: the web view of the processed output, until stopped.</summary>
internal static class WebCommand
{
    /// <summary>The options <c>web</c> and <c>up</c> share.</summary>
    internal sealed record WebOptions(Option<int?> Port, Option<string?> Urls, Option<bool> AllowRemote, Option<string?> Token)
    {
        public static WebOptions Create() => new(
            new Option<int?>("--port") { Description = $"Port on 127.0.0.1 (default {WebViewOptions.DefaultPort}); --urls overrides it." },
            new Option<string?>("--urls") { Description = "Addresses to listen on, separated by ';' (default http://127.0.0.1:PORT). Other than loopback needs --allow-remote and a token." },
            new Option<bool>("--allow-remote") { Description = "Allow --urls to name an address other than loopback (needs --token or Pipeline__Web__Token)." },
            new Option<string?>("--token") { Description = "Bearer token every request must carry (default: the Pipeline__Web__Token setting); at least 16 characters." });

        public IEnumerable<Option> All => [Port, Urls, AllowRemote, Token];

        /// <summary>The command line's values as settings, over whatever the environment says.</summary>
        public Dictionary<string, string?> Settings(ParseResult parseResult)
        {
            var settings = new Dictionary<string, string?>();
            if (parseResult.GetValue(Urls) is { Length: > 0 } urls)
            {
                settings["Pipeline:Web:Urls"] = urls;
            }
            else if (parseResult.GetValue(Port) is { } port)
            {
                settings["Pipeline:Web:Urls"] = $"http://127.0.0.1:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            }

            if (parseResult.GetValue(AllowRemote))
            {
                settings["Pipeline:Web:AllowRemote"] = "true";
            }

            if (parseResult.GetValue(Token) is { Length: > 0 } token)
            {
                settings["Pipeline:Web:Token"] = token;
            }

            return settings;
        }
    }

    public static Command Create()
    {
        var web = WebOptions.Create();
        var connection = PipelineHost.ConnectionOption();
        var hostJson = PipelineHost.HostJsonOption();
        var command = new Command("web", "Serve the web view of the processed output (overview, results, documents, failures, upload) and its JSON API.")
        {
            connection, hostJson,
        };
        foreach (var option in web.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var app = BuildApp(parseResult.GetValue(connection), parseResult.GetValue(hostJson), web.Settings(parseResult));
            if (!await StorageCommand.TryPrepareAsync(app.Services, cancellationToken).ConfigureAwait(false))
            {
                return StorageCommand.StorageError;
            }

            if (!await TryStartAsync(app, cancellationToken).ConfigureAwait(false))
            {
                return PipelineCommand.UsageError;
            }

            AnsiConsole.MarkupLine($"Web view on [blue link]{Markup.Escape(string.Join(" ", WebViewApplication.Addresses(app)))}[/]; press Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    /// <summary>The web view's app, configured as the storage commands are, with the command line's web settings on top.</summary>
    public static WebApplication BuildApp(string? connection, string? hostJson, IReadOnlyDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = Directory.GetCurrentDirectory() });
        PipelineHost.Configure(builder, connection, hostJson, LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(settings);
        return WebViewApplication.Build(builder);
    }

    /// <summary>Starts the app; prints why not (an unsafe binding, a bad setting, a port in use) and returns false on failure.</summary>
    public static async Task<bool> TryStartAsync(WebApplication app, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync($"pipeline web: refusing to start: {string.Join(" ", ex.Failures)}").ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            await Console.Error.WriteLineAsync($"pipeline web: cannot listen: {ex.Message}").ConfigureAwait(false);
        }

        return false;
    }
}
