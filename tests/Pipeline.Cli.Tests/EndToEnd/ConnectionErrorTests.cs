using System.Net;
using System.Net.Sockets;
using Pipeline.Development.Azurite;

namespace Pipeline.Cli.Tests;

/// <summary>A storage account that cannot be used is refused at once with a clear message, never a hang.</summary>
public sealed class ConnectionErrorTests
{
    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Malformed_connection_string_is_refused_with_a_clear_message()
    {
        var result = await CliProcess.RunAsync(["status", "--connection", "this is not a connection string"], timeout: TimeSpan.FromSeconds(30));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("connection string", result.StdErr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Unreachable_account_is_refused_with_a_clear_message_instead_of_hanging()
    {
        var port = UnusedPort();
        var connection = AzuriteLauncher.BuildConnectionString("127.0.0.1", port, port, port);

        // The timeout bounds a hang; it is not a performance assertion.
        var result = await CliProcess.RunAsync(["worker", "--connection", connection], timeout: TimeSpan.FromSeconds(30));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("unreachable", result.StdErr, StringComparison.OrdinalIgnoreCase);
    }
}
