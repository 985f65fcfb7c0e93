using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Pipeline.Development.Azurite;

/// <summary>
/// Sends SIGTERM, which .NET cannot: <see cref="Process.Kill()"/> sends SIGKILL on Unix, which gives
/// Azurite no chance to flush its metadata files.
/// </summary>
internal static class ProcessSignals
{
    private const int SigTerm = 15;

    /// <summary>Asks the process to terminate. Returns false where there is no SIGTERM (Windows).</summary>
    public static bool TrySendTerminate(Process process)
    {
        if (OperatingSystem.IsWindows())
            return false;
        try
        {
            return kill(process.Id, SigTerm) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // No libc under that name (unusual platforms): fall back to the kill command.
            using var killCommand = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            {
                UseShellExecute = false,
                RedirectStandardError = true,
            });
            killCommand?.WaitForExit(5000);
            return killCommand is { HasExited: true, ExitCode: 0 };
        }
    }

    [DllImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054 // LibraryImport would need AllowUnsafeBlocks for the whole project
    private static extern int kill(int pid, int sig);
#pragma warning restore SYSLIB1054
}
