using System.Diagnostics;
using System.Text;
using Pipeline.Core.Documents;
using Pipeline.Tests.Shared;

namespace Pipeline.Cli.Tests.EndToEnd;

/// <summary>A client that is not ours (the Azure JS SDK, tests/js-client) drops a file; a worker process handles it.</summary>
[Collection(CliAzuriteCollection.Name)]
public sealed class JsClientTests(CliAzuriteFixture azurite) : IDisposable
{
    private static readonly string ClientFolder = RepositoryPaths.File("tests", "js-client");
    private readonly string _folder = Directory.CreateTempSubdirectory("pipeline-js-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(string fileName, IEnumerable<string> args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, StandardOutputEncoding = Encoding.UTF8 };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish in time.\n{await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Installs the client's pinned packages on first use, as the Azurite launcher does for Azurite.</summary>
    private static async Task EnsureInstalledAsync()
    {
        if (Directory.Exists(Path.Combine(ClientFolder, "node_modules", "@azure", "storage-blob")))
        {
            return;
        }

        var install = await RunAsync("npm", ["ci", "--prefix", ClientFolder, "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5));
        Assert.True(install.ExitCode == 0, "npm ci for tests/js-client failed:\n" + install.StdErr);
    }

    /// <summary>Writes <paramref name="content"/> to a file, has the JS client upload it as <paramref name="blobName"/> with a worker running, and returns the result it waited for.</summary>
    private async Task<DocumentRecord> UploadAndWaitAsync(string blobName, string content)
    {
        await EnsureInstalledAsync();
        var pipeline = new TestPipeline(azurite);
        var file = Path.Combine(_folder, Path.GetFileName(blobName));
        File.WriteAllText(file, content);
        await using var worker = pipeline.StartWorker();

        var client = await RunAsync("node",
            [Path.Combine(ClientFolder, "upload-and-wait.js"), pipeline.ConnectionString, pipeline.Options.RawContainer, pipeline.Options.ResultsContainer, blobName, file, "60"],
            TimeSpan.FromSeconds(90));

        Assert.True(client.ExitCode == 0, client.StdErr + "\nworker output:\n" + worker.Output);
        RecordSchema.AssertValid(client.StdOut.Trim());
        return PipelineJson.Deserialize(Encoding.UTF8.GetBytes(client.StdOut.Trim()));
    }

    [Fact]
    public async Task File_uploaded_with_the_azure_js_sdk_gets_its_result()
    {
        var record = await UploadAndWaitAsync("js/from-js.txt",
            "Volunteers restore the canal towpath\n\n" +
            "A group of forty volunteers spent the weekend clearing brambles and repairing the towpath along the old canal, the trust that manages it said.\n\n" +
            "The trust hopes the path will reopen to walkers and cyclists before the summer holidays begin.\n");

        Assert.Equal(ResultStatus.Processed, record.Status);
        Assert.Equal("js/from-js.txt", record.Source.Name);
    }

    [Fact]
    public async Task Web_page_uploaded_with_the_azure_js_sdk_is_read_as_html()
    {
        var record = await UploadAndWaitAsync("js/towpath.html",
            "<!DOCTYPE html><html lang=\"en\"><head><title>Volunteers restore the canal towpath | Canal News</title></head><body>" +
            "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li></ul></nav><article><h1>Volunteers restore the canal towpath</h1>" +
            "<p>A group of forty volunteers spent the weekend clearing brambles and repairing the towpath along the old canal, the trust that manages it said.</p>" +
            "<p>The trust hopes the path will reopen to walkers and cyclists before the summer holidays begin.</p></article></body></html>");

        Assert.Equal(ResultStatus.Processed, record.Status);
        Assert.Equal(InputFormats.Html, record.Source.Format);
        Assert.Equal("Volunteers restore the canal towpath", record.Metadata?.Title);
        Assert.DoesNotContain("Home", record.Text, StringComparison.Ordinal);
    }
}
