using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Pipeline.Development.Azurite;
using Pipeline.Storage.Configuration;

namespace Pipeline.Storage.Tests.Azurite;

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteLauncherTests(AzuriteFixture azurite)
{
    private static AzuriteLauncher NewLauncher(out string dataDirectory, bool skipApiVersionCheck = true)
    {
        dataDirectory = Path.Combine(Path.GetTempPath(), "pipeline-azurite-tests-" + Guid.NewGuid().ToString("N"));
        return new AzuriteLauncher(new AzuriteOptions { DataDirectory = dataDirectory, SkipApiVersionCheck = skipApiVersionCheck });
    }

    private static bool CanBind(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static bool ProcessIsAlive(int id)
    {
        try
        {
            using var process = Process.GetProcessById(id);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [Fact]
    public async Task Stopped_launcher_leaves_no_process_and_frees_its_ports()
    {
        await using var launcher = NewLauncher(out _);
        await launcher.StartAsync();
        var processId = launcher.ProcessId!.Value;

        await launcher.StopAsync();

        Assert.False(ProcessIsAlive(processId));
        Assert.False(launcher.IsRunning);
        Assert.True(CanBind(launcher.BlobPort) && CanBind(launcher.QueuePort) && CanBind(launcher.TablePort));
    }

    [Fact]
    public async Task Restart_comes_back_on_the_same_ports_with_the_data()
    {
        await using var launcher = NewLauncher(out _);
        await launcher.StartAsync();
        var ports = (launcher.BlobPort, launcher.QueuePort, launcher.TablePort);
        var blobs = new StorageClientFactory(StorageConnection.Parse(launcher.ConnectionString)).CreateBlobServiceClient();
        var container = blobs.GetBlobContainerClient("kept");
        await container.CreateAsync();
        await container.GetBlobClient("a.txt").UploadAsync(BinaryData.FromString("still here"));

        await launcher.RestartAsync();

        Assert.Equal(ports, (launcher.BlobPort, launcher.QueuePort, launcher.TablePort));
        var content = await container.GetBlobClient("a.txt").DownloadContentAsync();
        Assert.Equal("still here", content.Value.Content.ToString());
    }

    [Fact]
    public async Task Pinned_service_versions_work_against_an_Azurite_that_checks_api_versions()
    {
        await using var launcher = NewLauncher(out _, skipApiVersionCheck: false);
        await launcher.StartAsync();
        var factory = new StorageClientFactory(StorageConnection.Parse(launcher.ConnectionString));

        await factory.CreateBlobServiceClient().GetBlobContainerClient("strict").CreateAsync();
        await factory.CreateQueueServiceClient().GetQueueClient("strict").CreateAsync();
        await factory.CreateTableServiceClient().GetTableClient("strict").CreateAsync();

        Assert.True(await factory.CreateBlobServiceClient().GetBlobContainerClient("strict").ExistsAsync());
    }

    [Fact]
    public async Task IsReachable_is_true_for_a_running_Azurite()
    {
        Assert.True(await AzuriteLauncher.IsReachableAsync(azurite.Launcher.ConnectionString));
    }

    [Fact]
    public async Task IsReachable_is_false_where_nothing_listens()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        Assert.False(await AzuriteLauncher.IsReachableAsync(AzuriteLauncher.BuildConnectionString("127.0.0.1", port, port, port)));
    }

    [Fact]
    public void Connection_string_is_unknown_before_the_first_start()
    {
        var launcher = NewLauncher(out _);

        Assert.Throws<InvalidOperationException>(() => launcher.ConnectionString);
    }
}
