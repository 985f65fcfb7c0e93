using System.ComponentModel.DataAnnotations;

namespace Pipeline.Development.Azurite;

/// <summary>How <see cref="AzuriteLauncher"/> finds, installs and runs the Azurite storage emulator.</summary>
public sealed class AzuriteOptions
{
    /// <summary>Gets or sets the folder holding Azurite's package.json (normally the repository's tools/azurite).</summary>
    /// <value>Default null: found by walking up from the app's folder, then the current folder, to the one containing Pipeline.sln.</value>
    public string? AzuriteDirectory { get; set; }

    /// <summary>Gets or sets where Azurite keeps its data and its debug log (debug.log).</summary>
    /// <value>Default null: <c>.azurite</c> in the repository root (ignored by git).</value>
    public string? DataDirectory { get; set; }

    /// <summary>Gets or sets the address Azurite listens on.</summary>
    /// <value>Default 127.0.0.1 (loopback only).</value>
    [Required]
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Gets or sets the Blob service port.</summary>
    /// <value>Default 0: a free port is picked. Range 0 to 65535.</value>
    [Range(0, 65535)]
    public int BlobPort { get; set; }

    /// <summary>Gets or sets the Queue service port.</summary>
    /// <value>Default 0: a free port is picked. Range 0 to 65535.</value>
    [Range(0, 65535)]
    public int QueuePort { get; set; }

    /// <summary>Gets or sets the Table service port.</summary>
    /// <value>Default 0: a free port is picked. Range 0 to 65535.</value>
    [Range(0, 65535)]
    public int TablePort { get; set; }

    /// <summary>Gets or sets whether Azurite accepts any API version (<c>--skipApiVersionCheck</c>).</summary>
    /// <value>Default true: Azurite 3.37.0 refuses the version current SDKs send by default.</value>
    public bool SkipApiVersionCheck { get; set; } = true;

    /// <summary>Gets or sets whether Azurite writes its request log to <c>debug.log</c> in the data folder (<c>--debug</c>).</summary>
    /// <value>Default true: the log is what explains a failure; benchmarks turn it off, since it costs a disk write per request.</value>
    public bool DebugLog { get; set; } = true;

    /// <summary>Gets or sets whether Azurite keeps its data in memory only (<c>--inMemoryPersistence</c>): nothing survives a stop.</summary>
    /// <value>Default false. Azurite otherwise saves its whole table database to disk periodically, a cost that grows with the data.</value>
    public bool InMemoryPersistence { get; set; }

    /// <summary>Gets or sets how long to wait for all three services to accept connections.</summary>
    /// <value>Default 60 s; range 1 s to 10 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets how long to wait after SIGTERM before killing Azurite.</summary>
    /// <value>Default 5 s; range 0 to 1 minute.</value>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets how long <c>npm ci</c> may take on first use.</summary>
    /// <value>Default 10 minutes; range 10 s to 1 hour.</value>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan InstallTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Gets or sets the Node.js executable.</summary>
    /// <value>Default <c>node</c>, looked up on PATH.</value>
    [Required]
    public string NodeExecutable { get; set; } = "node";

    /// <summary>Gets or sets the npm executable.</summary>
    /// <value>Default <c>npm</c>, looked up on PATH.</value>
    [Required]
    public string NpmExecutable { get; set; } = "npm";

    /// <summary>Checks every value.</summary>
    /// <exception cref="ValidationException">A value is out of range.</exception>
    public void Validate() => Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
}
