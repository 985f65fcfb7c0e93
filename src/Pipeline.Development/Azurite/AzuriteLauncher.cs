using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Storage.Configuration;


namespace Pipeline.Development.Azurite;

/// <summary>
/// Runs the repository's pinned Azurite (tools/azurite) as a child process: installs it with npm ci on
/// first use, starts it on chosen or free ports with its own data folder, waits until Blob, Queue and
/// Table accept connections, and stops it (SIGTERM, then kill) so that none is left running.
/// <see cref="RestartAsync"/> brings it back on the same ports with the same data, for outage tests.
/// </summary>
public sealed class AzuriteLauncher : IAsyncDisposable
{
    private const int MaxPortAttempts = 3;
    private static readonly TimeSpan s_probeTimeout = TimeSpan.FromSeconds(1);

    private readonly AzuriteOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Process? _process;
    private OutputTail _tail = new();
    private EventHandler? _processExitHandler;
    private bool _disposed;

    /// <summary>Creates a launcher; nothing runs until <see cref="StartAsync"/>.</summary>
    /// <param name="options">Where Azurite is and how to run it; defaults when null.</param>
    /// <param name="logger">Where start, stop and install are logged.</param>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">The options are out of range.</exception>
    /// <exception cref="AzuriteException">No tools/azurite folder was given or found.</exception>
    public AzuriteLauncher(AzuriteOptions? options = null, ILogger<AzuriteLauncher>? logger = null)
    {
        _options = options ?? new AzuriteOptions();
        _options.Validate();
        _logger = (ILogger?)logger ?? NullLogger.Instance;

        var root = RepositoryLocator.FindRoot();
        AzuriteDirectory = Path.GetFullPath(_options.AzuriteDirectory
            ?? (root is null
                ? throw new AzuriteException(
                    $"Could not find tools/azurite: no {RepositoryLocator.SolutionFileName} above {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}. Set AzuriteOptions.AzuriteDirectory.")
                : Path.Combine(root, "tools", "azurite")));
        if (!File.Exists(Path.Combine(AzuriteDirectory, "package.json")))
            throw new AzuriteException($"{AzuriteDirectory} has no package.json; it is not the Azurite tools folder.");

        DataDirectory = Path.GetFullPath(_options.DataDirectory
            ?? Path.Combine(root ?? Directory.GetCurrentDirectory(), ".azurite"));
        BlobPort = _options.BlobPort;
        QueuePort = _options.QueuePort;
        TablePort = _options.TablePort;
    }

    /// <summary>The folder with Azurite's package.json and lock file.</summary>
    public string AzuriteDirectory { get; }

    /// <summary>The folder Azurite keeps its data and debug.log in.</summary>
    public string DataDirectory { get; }

    /// <summary>The Blob port; 0 until the first start when a free one is to be picked, then fixed for restarts.</summary>
    public int BlobPort { get; private set; }

    /// <summary>The Queue port; 0 until the first start when a free one is to be picked, then fixed for restarts.</summary>
    public int QueuePort { get; private set; }

    /// <summary>The Table port; 0 until the first start when a free one is to be picked, then fixed for restarts.</summary>
    public int TablePort { get; private set; }

    /// <summary>The Azurite process id while it runs.</summary>
    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>Whether the Azurite process is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The connection string for this Azurite (well-known emulator account, explicit endpoints).</summary>
    /// <exception cref="InvalidOperationException">The ports are not known yet (never started with port 0).</exception>
    public string ConnectionString => BlobPort == 0
        ? throw new InvalidOperationException("Azurite has not been started yet, so its ports are not known.")
        : BuildConnectionString(_options.Host, BlobPort, QueuePort, TablePort);

    /// <summary>The connection string of the emulator account on the given ports.</summary>
    /// <param name="host">The host Azurite listens on.</param>
    /// <param name="blobPort">Blob port.</param>
    /// <param name="queuePort">Queue port.</param>
    /// <param name="tablePort">Table port.</param>
    /// <returns>A shared-key connection string with explicit endpoints.</returns>
    public static string BuildConnectionString(string host, int blobPort, int queuePort, int tablePort)
    {
        string Endpoint(int port) => string.Create(CultureInfo.InvariantCulture, $"http://{host}:{port}/{StorageConnection.EmulatorAccountName}");
        return $"DefaultEndpointsProtocol=http;AccountName={StorageConnection.EmulatorAccountName};AccountKey={StorageConnection.EmulatorAccountKey};" +
            $"BlobEndpoint={Endpoint(blobPort)};QueueEndpoint={Endpoint(queuePort)};TableEndpoint={Endpoint(tablePort)};";
    }

    /// <summary>
    /// Whether something accepts connections on all three endpoints of a storage account, e.g. a user's own
    /// Azurite on 10000-10002 that <c>pipeline up</c> can reuse instead of starting one.
    /// </summary>
    /// <param name="connectionString">The account; <c>UseDevelopmentStorage=true</c> when null.</param>
    /// <param name="timeout">How long each connection attempt may take; 1 s when null.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>True when Blob, Queue and Table endpoints all accept TCP connections.</returns>
    /// <exception cref="StorageConfigurationException">The connection string is malformed.</exception>
    public static async Task<bool> IsReachableAsync(string? connectionString = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var connection = StorageConnection.Parse(connectionString ?? StorageConnection.DevelopmentStorageConnectionString);
        var probes = new[] { connection.BlobServiceUri, connection.QueueServiceUri, connection.TableServiceUri }
            .Select(uri => TcpProbe.AcceptsConnectionsAsync(uri.Host, uri.Port, timeout ?? s_probeTimeout, cancellationToken));
        var results = await Task.WhenAll(probes).ConfigureAwait(false);
        return results.All(r => r);
    }

    /// <summary>
    /// Installs Azurite if needed, starts it and waits until all three services accept connections.
    /// Does nothing when it is already running. After the first start the ports stay fixed.
    /// </summary>
    /// <param name="cancellationToken">Cancels the start (the process is then stopped).</param>
    /// <returns>A task that completes when Azurite is ready.</returns>
    /// <exception cref="AzuriteException">npm or node is missing, the install failed, or Azurite did not come up in time (the message ends with its output).</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (IsRunning)
                return;
            await AzuriteInstaller.EnsureInstalledAsync(AzuriteDirectory, _options, _logger, cancellationToken).ConfigureAwait(false);
            var node = ExecutableLocator.Find(_options.NodeExecutable)
                ?? throw new AzuriteException($"Node.js ('{_options.NodeExecutable}') was not found on PATH; Azurite needs it.");
            Directory.CreateDirectory(DataDirectory);

            var pickPorts = BlobPort == 0 || QueuePort == 0 || TablePort == 0;
            for (var attempt = 1; ; attempt++)
            {
                if (pickPorts)
                    PickPorts();
                try
                {
                    await StartProcessAsync(node, cancellationToken).ConfigureAwait(false);
                    return;
                }
                catch (AzuriteException) when (pickPorts && attempt < MaxPortAttempts && _tail.Contains("EADDRINUSE"))
                {
                    // Another process took a picked port between our check and Azurite's bind.
                    Log.AzuritePortTaken(_logger, attempt);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Stops Azurite: SIGTERM, a wait of up to <see cref="AzuriteOptions.ShutdownTimeout"/>, then a kill of the whole
    /// process tree. Returns when the process has exited (its ports are then free). Does nothing when not running.
    /// </summary>
    /// <param name="cancellationToken">Cancels the graceful wait; the process is still killed.</param>
    /// <returns>A task that completes when the process is gone.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            await StopProcessAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops Azurite and starts it again on the same ports with the same data folder.</summary>
    /// <param name="cancellationToken">Cancels the restart.</param>
    /// <returns>A task that completes when Azurite is ready again.</returns>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync(cancellationToken).ConfigureAwait(false);
        await StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops Azurite (see <see cref="StopAsync"/>).</summary>
    /// <returns>A task that completes when the process is gone.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        await StopAsync().ConfigureAwait(false);
        _disposed = true;
        _gate.Dispose();
    }

    private void PickPorts()
    {
        var ports = TcpProbe.PickFreePorts(IPAddress.Parse(_options.Host is "localhost" ? "127.0.0.1" : _options.Host), 3);
        (BlobPort, QueuePort, TablePort) = (ports[0], ports[1], ports[2]);
    }

    private async Task StartProcessAsync(string node, CancellationToken cancellationToken)
    {
        string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
        var arguments = new List<string>
        {
            AzuriteInstaller.EntryPoint(AzuriteDirectory),
            "--blobHost", _options.Host, "--blobPort", Port(BlobPort),
            "--queueHost", _options.Host, "--queuePort", Port(QueuePort),
            "--tableHost", _options.Host, "--tablePort", Port(TablePort),
            "--loose",
            "--disableTelemetry",
        };
        if (_options.SkipApiVersionCheck)
            arguments.Add("--skipApiVersionCheck");
        if (_options.DebugLog)
            arguments.AddRange(["--debug", Path.Combine(DataDirectory, "debug.log")]);
        // Azurite refuses --location together with --inMemoryPersistence.
        arguments.AddRange(_options.InMemoryPersistence ? ["--inMemoryPersistence"] : ["--location", DataDirectory]);

        Log.AzuriteStarting(_logger, BlobPort, QueuePort, TablePort, DataDirectory);
        _tail = new OutputTail();
        var tail = _tail;
        var process = new Process
        {
            StartInfo = new ProcessStartInfo(node, arguments)
            {
                WorkingDirectory = DataDirectory,
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true, // so Azurite never reads the test runner's console
            },
        };
        process.OutputDataReceived += (_, e) => tail.Add(e.Data);
        process.ErrorDataReceived += (_, e) => tail.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        // If the host process ends without stopping us, do not leave Azurite behind.
        _processExitHandler = (_, _) => KillQuietly(process);
        AppDomain.CurrentDomain.ProcessExit += _processExitHandler;

        try
        {
            await WaitUntilReadyAsync(process, tail, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await StopProcessAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        Log.AzuriteStarted(_logger, process.Id);
    }

    private async Task WaitUntilReadyAsync(Process process, OutputTail tail, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
                throw new AzuriteException($"Azurite exited with code {process.ExitCode} while starting. {tail.Format()}");

            var ready = true;
            foreach (var port in new[] { BlobPort, QueuePort, TablePort })
            {
                if (!await TcpProbe.AcceptsConnectionsAsync(_options.Host, port, s_probeTimeout, cancellationToken).ConfigureAwait(false))
                {
                    ready = false;
                    break;
                }
            }
            // Re-check the process: the ports might belong to someone else if Azurite failed to bind them.
            if (ready && !process.HasExited)
                return;

            if (stopwatch.Elapsed > _options.StartupTimeout)
                throw new AzuriteException(
                    $"Azurite did not accept connections on ports {BlobPort}, {QueuePort}, {TablePort} within {_options.StartupTimeout}. {tail.Format()}");
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task StopProcessAsync(CancellationToken cancellationToken)
    {
        var process = _process;
        if (process is null)
            return;
        try
        {
            if (!process.HasExited)
            {
                Log.AzuriteStopping(_logger, process.Id);
                var exited = false;
                if (ProcessSignals.TrySendTerminate(process))
                {
                    using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    wait.CancelAfter(_options.ShutdownTimeout);
                    try
                    {
                        await process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
                        exited = true;
                    }
                    catch (OperationCanceledException)
                    {
                        // Azurite sometimes ignores the first SIGTERM or takes long: kill it below.
                    }
                }

                if (!exited)
                {
                    process.Kill(entireProcessTree: true);
                    Log.AzuriteKilled(_logger, process.Id, _options.ShutdownTimeout);
                }
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            if (_processExitHandler is not null)
                AppDomain.CurrentDomain.ProcessExit -= _processExitHandler;
            _processExitHandler = null;
            process.Dispose();
            _process = null;
        }
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }
}
