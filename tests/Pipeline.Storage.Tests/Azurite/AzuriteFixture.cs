using Pipeline.Development.Azurite;
using Pipeline.Storage.Configuration;

namespace Pipeline.Storage.Tests.Azurite;

/// <summary>One real Azurite for the collection, on free ports with its own temporary data folder.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "pipeline-azurite-tests-" + Guid.NewGuid().ToString("N"));

    public AzuriteLauncher Launcher { get; private set; } = null!;

    public StorageClientFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Launcher = new AzuriteLauncher(new AzuriteOptions { DataDirectory = _dataDirectory });
        await Launcher.StartAsync();
        Factory = new StorageClientFactory(StorageConnection.Parse(Launcher.ConnectionString));
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
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
