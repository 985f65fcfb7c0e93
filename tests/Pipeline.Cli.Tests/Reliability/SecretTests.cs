using Azure.Storage.Queues.Models;
using Pipeline.Cli.Tests.EndToEnd;
using Pipeline.Storage.Configuration;
using Xunit.Abstractions;

namespace Pipeline.Cli.Tests.Reliability;

/// <summary>The account key given with <c>--connection</c> never reaches a log line, an output blob or an event.</summary>
[Collection(CliAzuriteCollection.Name)]
[Trait("Category", "Reliability")]
public sealed class SecretTests(CliAzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly string Key = StorageConnection.EmulatorAccountKey;

    [Fact]
    public async Task Account_key_never_appears_in_worker_drop_status_show_output_or_in_any_stored_blob_or_event()
    {
        var pipeline = new TestPipeline(azurite);
        var inputs = InputSet.Create(seed: 7, unique: 3, exactPairs: 1, nearPairs: 0, bad: 1);
        var folder = Directory.CreateTempSubdirectory("pipeline-secrets-");
        try
        {
            foreach (var input in inputs.Inputs)
            {
                await File.WriteAllBytesAsync(Path.Combine(folder.FullName, input.Name), input.Content);
            }

            var transcript = new List<string>();
            await using (var worker = pipeline.StartWorker(pipeline.With(("Logging__LogLevel__Default", "Debug"))))
            {
                var drop = await pipeline.RunAsync("drop", folder.FullName);
                Assert.True(drop.ExitCode == 0, drop.StdErr);
                transcript.AddRange([drop.StdOut, drop.StdErr]);
                await pipeline.WaitForResultsAsync(inputs.Inputs.Select(i => i.Name), worker: worker);

                foreach (var args in new[] { new[] { "status" }, ["show", inputs.Inputs[0].Name], ["show", inputs.Inputs[0].Name, "--json"] })
                {
                    var result = await pipeline.RunAsync(args);
                    Assert.True(result.ExitCode == 0, result.StdErr);
                    transcript.AddRange([result.StdOut, result.StdErr]);
                }

                await worker.KillAsync();
                transcript.AddRange(worker.Lines);
            }

            var stored = new List<string>();
            foreach (var container in new[] { pipeline.Storage.Results, pipeline.Storage.Processed, pipeline.Storage.State })
            {
                foreach (var blob in await pipeline.ListAsync(container))
                {
                    stored.Add($"{container.Name}/{blob.Name}: " + (await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content);
                    stored.AddRange(blob.Metadata.Select(m => $"{container.Name}/{blob.Name} metadata {m.Key}={m.Value}"));
                }
            }

            QueueMessage[] messages;
            while ((messages = (await pipeline.Storage.Events.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value).Length > 0)
            {
                stored.AddRange(messages.Select(m => "event: " + m.Body));
            }

            output.WriteLine($"FIGURES secrets: {transcript.Sum(t => t.Split('\n').Length)} output lines, {stored.Count} stored blobs, metadata and events checked");
            Assert.True(stored.Count(s => s.StartsWith("event: ", StringComparison.Ordinal)) >= 4, "expected the run events to be read");
            Assert.DoesNotContain(transcript, line => line.Contains(Key, StringComparison.Ordinal));
            Assert.DoesNotContain(stored, text => text.Contains(Key, StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("AccountName=devstoreaccount1;AccountKey={0};BlobEndpoint=not a uri;QueueEndpoint=http://127.0.0.1:1/a;TableEndpoint=http://127.0.0.1:1/a")]
    [InlineData("AccountName=devstoreaccount1;AccountKey={0};Colour=blue")]
    [InlineData("AccountName=devstoreaccount1;AccountKey={0};SharedAccessSignature=sv=2020&sig=abc")]
    [InlineData("AccountName=devstoreaccount1;AccountKey={0}!!not-base64")]
    [InlineData("AccountName=devstoreaccount1;AccountKey={0} BlobEndpoint=http://127.0.0.1:1/a")]
    [InlineData("AccountName=devstoreaccount1;AccountKey={0};;;=;")]
    [InlineData("AccountName=devstoreaccount1;AccountKey={0};DefaultEndpointsProtocol=ftp")]
    [InlineData("AccountKey={0}")]
    public async Task Malformed_connection_string_with_an_account_key_is_refused_without_echoing_the_key(string template)
    {
        var connection = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Key);

        var result = await CliProcess.RunAsync(["status", "--connection", connection], timeout: TimeSpan.FromSeconds(30));

        output.WriteLine(result.StdErr);
        Assert.NotEqual(0, result.ExitCode);
        Assert.False(string.IsNullOrWhiteSpace(result.StdErr));
        // Nor any long piece of it (a message that quotes a setting's value would show its start).
        Assert.DoesNotContain(Key[..12], result.StdOut + result.StdErr, StringComparison.Ordinal);
    }
}
