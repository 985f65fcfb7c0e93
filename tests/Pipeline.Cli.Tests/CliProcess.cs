using System.Diagnostics;
using System.Text;

namespace Pipeline.Cli.Tests;

/// <summary>The outcome of one run of the real <c>pipeline</c> executable.</summary>
internal sealed record CliResult(int ExitCode, string StdOut, string StdErr)
{
    public IReadOnlyList<string> StdOutLines =>
        StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
}

/// <summary>Runs the built <c>pipeline</c> command as a separate process, as a user would.</summary>
internal static class CliProcess
{
    /// <summary>The CLI's entry assembly, copied beside the tests by the project reference.</summary>
    public static string EntryAssembly { get; } = Path.Combine(AppContext.BaseDirectory, "pipeline.dll");

    public static async Task<CliResult> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(EntryAssembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Plain output: no ANSI colours or terminal-width wrapping in what the tests read.
        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "240";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the pipeline CLI.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"pipeline {string.Join(' ', args)} did not finish in time.\n{await stderr}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync((IEnumerable<string>)args);
}
