using Pipeline.Cli.Tests.EndToEnd;
using Pipeline.Storage.Configuration;
using Xunit.Abstractions;

namespace Pipeline.Cli.Tests.Reliability;

/// <summary>
/// An identity-based connection (service URIs, no key) where no identity is available: the command fails
/// with a message about credentials instead of hanging while DefaultAzureCredential tries its sources.
/// </summary>
[Collection(CliAzuriteCollection.Name)]
[Trait("Category", "Reliability")]
public sealed class IdentityConnectionTests(CliAzuriteFixture azurite, ITestOutputHelper output)
{
    [Theory]
    [InlineData("http", "tokens only over https")]
    [InlineData("https", "no Microsoft Entra credential is available")]
    public async Task Identity_based_connection_without_an_identity_fails_clearly_instead_of_hanging(string scheme, string message)
    {
        var pipeline = new TestPipeline(azurite);
        var launcher = azurite.Launcher;
        string Endpoint(int port) => $"{scheme}://127.0.0.1:{port}/{StorageConnection.EmulatorAccountName}";
        var environment = pipeline.With(
            ("AzureWebJobsStorage__blobServiceUri", Endpoint(launcher.BlobPort)),
            ("AzureWebJobsStorage__queueServiceUri", Endpoint(launcher.QueuePort)),
            ("AzureWebJobsStorage__tableServiceUri", Endpoint(launcher.TablePort)),
            // Nothing for DefaultAzureCredential to find: no CLI login, no managed identity endpoint, no env credentials.
            ("AZURE_CLIENT_ID", string.Empty),
            ("AZURE_TENANT_ID", string.Empty),
            ("AZURE_CLIENT_SECRET", string.Empty),
            ("HOME", Path.Combine(Path.GetTempPath(), "pipeline-no-identity-home")));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // The timeout bounds a hang; it is not a performance assertion.
        var result = await CliProcess.RunAsync(["status"], environment, TimeSpan.FromSeconds(60));

        output.WriteLine($"FIGURES identity ({scheme}): exit {result.ExitCode} after {clock.Elapsed.TotalSeconds:F1} s: {result.StdErr}");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains(message, result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.StdErr, StringComparison.Ordinal);
    }
}
