using Pipeline.Tests.Shared;
using Azure.Data.Tables;
using Pipeline.Cli.Tests.EndToEnd;
using Pipeline.Core.Documents;
using Xunit.Abstractions;

namespace Pipeline.Cli.Tests.Reliability;

/// <summary>
/// Three workers on one account, so three intake scanners race for every blob in raw and three queue consumers
/// race for the runs: one receipt per blob version, one result per input, one canonical per group of copies.
/// </summary>
[Collection(CliAzuriteCollection.Name)]
[Trait("Category", "Reliability")]
public sealed class ConcurrencyTests(CliAzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task Three_workers_racing_on_sixty_inputs_give_one_receipt_one_result_and_one_canonical_each()
    {
        var pipeline = new TestPipeline(azurite);
        var inputs = InputSet.Create(seed: 23, unique: 46, exactPairs: 2, nearPairs: 5, bad: 0);
        await pipeline.Storage.EnsureCreatedAsync();
        var names = inputs.Inputs.Select(i => i.Name).ToList();
        var workers = new List<WorkerProcess>();
        try
        {
            // Workers first, so the scanners meet the blobs while they arrive, not after.
            for (var i = 0; i < 3; i++)
            {
                workers.Add(pipeline.StartWorker());
            }

            await Parallel.ForEachAsync(inputs.Inputs, new ParallelOptions { MaxDegreeOfParallelism = 8 },
                async (input, ct) => await pipeline.Storage.Raw.GetBlobClient(input.Name).UploadAsync(BinaryData.FromBytes(input.Content), ct));
            await pipeline.WaitForResultsAsync(names, timeout: TimeSpan.FromSeconds(120), worker: workers[0]);
            Assert.Equal(0, await ReliabilityPipeline.WaitForEmptyQueueAsync(pipeline, pipeline.Storage.Work));

            var first = await ReadResultBlobsAsync(pipeline);
            var results = await ReliabilityPipeline.ReadAllResultsAsync(pipeline);
            Assert.Equal(names.Order(StringComparer.Ordinal), results.Keys.Order(StringComparer.Ordinal));
            inputs.AssertStatuses(results);

            var receipts = await ReliabilityPipeline.CountAsync(pipeline, pipeline.Storage.State, ".json");
            var receiptCount = (await pipeline.ListAsync(pipeline.Storage.State, "receipts/")).Count;
            Assert.Equal(names.Count, receiptCount);

            // Every result agrees with the dedup index: canonical documents are canonical there and exist in
            // processed/; every duplicate points at a processed document.
            var processed = results.Values.Where(r => r.Status == ResultStatus.Processed).ToDictionary(r => r.Id, StringComparer.Ordinal);
            var documents = (await pipeline.ListAsync(pipeline.Storage.Processed)).Select(b => b.Name).Where(n => n.EndsWith(".json", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
            var table = pipeline.Storage.Dedup;
            foreach (var record in processed.Values)
            {
                Assert.Contains(record.Id + ".json", documents);
                var state = await table.GetEntityAsync<TableEntity>("dedup", "d-" + record.Id);
                Assert.Equal("canonical", state.Value.GetString("State"));
            }

            Assert.Equal(processed.Count, documents.Count);
            foreach (var record in results.Values.Where(r => r.Status == ResultStatus.Duplicate))
            {
                Assert.True(processed.ContainsKey(record.DuplicateOf!.Id), $"{record.Source.Name} is a duplicate of {record.DuplicateOf.Id}, which is not processed");
                if (record.DuplicateOf.Kind == DuplicateKind.Near)
                {
                    var state = await table.GetEntityAsync<TableEntity>("dedup", "d-" + record.Id);
                    Assert.Equal("duplicate", state.Value.GetString("State"));
                }
            }

            // No late writer rewrites a result with other content once every run is done.
            await Task.Delay(TimeSpan.FromSeconds(2));
            var second = await ReadResultBlobsAsync(pipeline);
            Assert.Equal(first, second);
            Assert.All(workers, w => Assert.False(w.HasExited, w.Output));
            Assert.Equal(0, await pipeline.QueueDepthAsync(pipeline.Storage.Poison));

            var enqueued = workers.Sum(w => w.Lines.Count(l => l.Contains("[110]", StringComparison.Ordinal)));
            output.WriteLine($"FIGURES concurrency: workers 3, inputs {names.Count}, receipts {receiptCount}, results {results.Count}, processed {processed.Count}, " +
                $"duplicates {results.Values.Count(r => r.Status == ResultStatus.Duplicate)}, state blobs {receipts}, scanner enqueue log lines {enqueued}");
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.DisposeAsync();
            }
        }
    }

    private static async Task<Dictionary<string, string>> ReadResultBlobsAsync(TestPipeline pipeline)
    {
        var contents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var blob in await pipeline.ListAsync(pipeline.Storage.Results))
        {
            contents[blob.Name] = (await pipeline.Storage.Results.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString();
        }

        return contents;
    }
}
