using System.CommandLine;

namespace Pipeline.Cli.Commands;

/// <summary>The root <c>pipeline</c> command and its subcommands.</summary>
internal static class PipelineCommand
{
    /// <summary>Exit code for bad arguments or inputs that cannot be read.</summary>
    public const int UsageError = 2;

    public static RootCommand Create() => new("Ingestion pipeline for raw scraped text: decode, normalise, deduplicate and extract metadata.")
    {
        ProcessCommand.Create(),
        UpCommand.Create(),
        WorkerCommand.Create(),
        DropCommand.Create(),
        StatusCommand.Create(),
        ShowCommand.Create(),
        ReplayCommand.Create(),
        WebCommand.Create(),
    };
}
