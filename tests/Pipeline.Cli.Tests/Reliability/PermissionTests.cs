using Azure.Storage;
using Azure.Storage.Sas;
using Pipeline.Cli.Tests.EndToEnd;
using Pipeline.Storage.Configuration;
using Xunit.Abstractions;

namespace Pipeline.Cli.Tests.Reliability;

/// <summary>Credentials that cannot do what the pipeline needs are refused at start with a clear message, not a hang.</summary>
[Collection(CliAzuriteCollection.Name)]
[Trait("Category", "Reliability")]
public sealed class PermissionTests(CliAzuriteFixture azurite, ITestOutputHelper output)
{
    [Theory]
    [InlineData("status")]
    [InlineData("drop")]
    [InlineData("worker")]
    public async Task Read_only_account_sas_is_refused_as_access_denied_without_printing_the_signature(string command)
    {
        var pipeline = new TestPipeline(azurite);
        var sas = new AccountSasBuilder(
            AccountSasPermissions.Read | AccountSasPermissions.List,
            DateTimeOffset.UtcNow.AddHours(1),
            AccountSasServices.Blobs | AccountSasServices.Queues | AccountSasServices.Tables,
            AccountSasResourceTypes.Service | AccountSasResourceTypes.Container | AccountSasResourceTypes.Object)
            .ToSasQueryParameters(new StorageSharedKeyCredential(StorageConnection.EmulatorAccountName, StorageConnection.EmulatorAccountKey))
            .ToString();
        var launcher = azurite.Launcher;
        string Endpoint(int port) => $"http://127.0.0.1:{port}/{StorageConnection.EmulatorAccountName}";
        var connection = $"BlobEndpoint={Endpoint(launcher.BlobPort)};QueueEndpoint={Endpoint(launcher.QueuePort)};TableEndpoint={Endpoint(launcher.TablePort)};SharedAccessSignature={sas}";
        var signature = System.Web.HttpUtility.ParseQueryString(sas)["sig"]!;
        var file = Path.Combine(Path.GetTempPath(), $"pipeline-sas-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "A short note about the harbour council.\n");
        try
        {
            string[] args = command == "drop" ? ["drop", file] : [command];

            // The timeout bounds a hang; it is not a performance assertion.
            var result = await CliProcess.RunAsync([.. args, "--connection", connection], pipeline.Environment, TimeSpan.FromSeconds(20));

            output.WriteLine($"exit {result.ExitCode}: {result.StdErr}");
            Assert.NotEqual(0, result.ExitCode);
            Assert.Matches("(?i)403|access denied|permission", result.StdErr);
            Assert.DoesNotContain(signature, result.StdOut + result.StdErr, StringComparison.Ordinal);
            Assert.DoesNotContain(Uri.EscapeDataString(signature), result.StdOut + result.StdErr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
