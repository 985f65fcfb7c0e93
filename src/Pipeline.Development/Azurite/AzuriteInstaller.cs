using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;


namespace Pipeline.Development.Azurite;

/// <summary>
/// Installs the pinned Azurite with <c>npm ci</c> when its node_modules are missing. A machine-wide lock
/// file keeps two test runs from installing into the same folder at once.
/// </summary>
internal static class AzuriteInstaller
{
    public static string EntryPoint(string azuriteDirectory) =>
        Path.Combine(azuriteDirectory, "node_modules", "azurite", "dist", "src", "azurite.js");

    public static async Task EnsureInstalledAsync(string azuriteDirectory, AzuriteOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        if (File.Exists(EntryPoint(azuriteDirectory)))
            return;
        if (!File.Exists(Path.Combine(azuriteDirectory, "package-lock.json")))
            throw new AzuriteException($"{azuriteDirectory} has no package-lock.json, so Azurite cannot be installed with npm ci.");

        var npm = ExecutableLocator.Find(options.NpmExecutable)
            ?? throw new AzuriteException(
                $"Azurite is not installed and npm ('{options.NpmExecutable}') was not found on PATH. Install Node.js with npm, " +
                $"or install Azurite yourself: npm ci --prefix {azuriteDirectory}");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.InstallTimeout);
        await using var installLock = await AcquireLockAsync(azuriteDirectory, timeout.Token).ConfigureAwait(false);
        if (File.Exists(EntryPoint(azuriteDirectory)))
            return; // another process installed it while we waited

        Log.AzuriteInstalling(logger, azuriteDirectory);
        var tail = new OutputTail();
        var startInfo = new ProcessStartInfo(npm, ["ci", "--no-audit", "--no-fund"])
        {
            WorkingDirectory = azuriteDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => tail.Add(e.Data);
        process.ErrorDataReceived += (_, e) => tail.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (cancellationToken.IsCancellationRequested)
                throw;
            throw new AzuriteException($"npm ci in {azuriteDirectory} did not finish within {options.InstallTimeout}. {tail.Format()}");
        }

        if (process.ExitCode != 0 || !File.Exists(EntryPoint(azuriteDirectory)))
            throw new AzuriteException($"npm ci in {azuriteDirectory} failed (exit code {process.ExitCode}). {tail.Format()}");
    }

    private static async Task<FileStream> AcquireLockAsync(string azuriteDirectory, CancellationToken cancellationToken)
    {
        // The lock lives in the temp folder because npm ci deletes node_modules, and the tools folder is committed.
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(azuriteDirectory))))[..16];
        var lockPath = Path.Combine(Path.GetTempPath(), $"pipeline-azurite-install-{hash}.lock");
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
