using System.ComponentModel.DataAnnotations;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Pipeline.Storage.Hosting;

namespace Pipeline.Storage.Tests.Hosting;

public sealed class HostJsonTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pipeline-hostjson-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string RepositoryHostJson()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
                return Path.Combine(dir.FullName, "host.json");
        }
        throw new InvalidOperationException("Pipeline.sln not found above the test folder.");
    }

    private string Write(string json)
    {
        var path = Path.Combine(_folder, "host.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Repository_host_json_sets_the_documented_queue_and_blob_values()
    {
        var options = HostJson.Load(RepositoryHostJson());

        Assert.Equal(16, options.Queues.BatchSize);
        Assert.Equal(8, options.Queues.NewBatchThreshold);
        Assert.Equal(5, options.Queues.MaxDequeueCount);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Queues.VisibilityTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), options.Queues.MaxPollingInterval);
        Assert.Equal(QueueMessageEncoding.Base64, options.Queues.MessageEncoding);
        Assert.Equal(8, options.Blobs.MaxDegreeOfParallelism);
    }

    [Fact]
    public void Absent_sections_take_the_Functions_defaults()
    {
        var options = HostJson.Load(Write("""{ "version": "2.0" }"""));

        Assert.Equal(16, options.Queues.BatchSize);
        Assert.Equal(5, options.Queues.MaxDequeueCount);
        Assert.Equal(TimeSpan.Zero, options.Queues.VisibilityTimeout);
        Assert.Equal(TimeSpan.FromMinutes(1), options.Queues.MaxPollingInterval);
        Assert.Equal(8 * 4, options.Queues.GetNewBatchThreshold(processorCount: 4));
        Assert.Equal(8 * 4, options.Blobs.GetMaxDegreeOfParallelism(processorCount: 4));
    }

    [Fact]
    public void Missing_optional_file_gives_defaults()
    {
        var configuration = new ConfigurationBuilder().AddHostJson(Path.Combine(_folder, "absent.json"), optional: true).Build();

        Assert.Equal(16, HostJson.Read(configuration).Queues.BatchSize);
    }

    [Fact]
    public void App_setting_overrides_host_json_as_in_Functions()
    {
        var configuration = new ConfigurationBuilder()
            .AddHostJson(Write("""{ "version": "2.0", "extensions": { "queues": { "batchSize": 16 } } }"""))
            .AddInMemoryCollection([new("AzureFunctionsJobHost:extensions:queues:batchSize", "4")])
            .Build();

        Assert.Equal(4, HostJson.Read(configuration).Queues.BatchSize);
    }

    [Theory]
    [InlineData("""{ "version": "2.0", "extensions": { "queues": { "batchSize": 33 } } }""")]
    [InlineData("""{ "version": "2.0", "extensions": { "queues": { "maxDequeueCount": 0 } } }""")]
    [InlineData("""{ "version": "2.0", "extensions": { "queues": { "visibilityTimeout": "8.00:00:00" } } }""")]
    [InlineData("""{ "version": "2.0", "extensions": { "queues": { "maxPollingInterval": "soon" } } }""")]
    [InlineData("""{ "version": "2.0", "extensions": { "blobs": { "maxDegreeOfParallelism": 0 } } }""")]
    public void Invalid_values_are_rejected(string json)
    {
        Assert.Throws<ValidationException>(() => HostJson.Load(Write(json)));
    }

    [Fact]
    public void A_file_without_version_2_is_rejected()
    {
        Assert.Throws<FormatException>(() => HostJson.Load(Write("""{ "extensions": {} }""")));
    }
}
