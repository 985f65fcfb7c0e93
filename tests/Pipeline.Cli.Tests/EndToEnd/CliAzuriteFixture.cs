using Pipeline.Development.Azurite;

namespace Pipeline.Cli.Tests.EndToEnd;

/// <summary>One real Azurite (free ports, temporary data) shared by the end-to-end tests; each test uses its own names.</summary>
public sealed class CliAzuriteFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "pipeline-cli-azurite-" + Guid.NewGuid().ToString("N"));

    public AzuriteLauncher Launcher { get; private set; } = null!;

    public string ConnectionString => Launcher.ConnectionString;

    public async Task InitializeAsync()
    {
        Launcher = new AzuriteLauncher(new AzuriteOptions { DataDirectory = _dataDirectory });
        await Launcher.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Launcher.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Leftover temp data is harmless.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class CliAzuriteCollection : ICollectionFixture<CliAzuriteFixture>
{
    public const string Name = "Cli Azurite";
}
