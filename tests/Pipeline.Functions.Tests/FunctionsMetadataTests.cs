using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipeline.Tests.Shared;

namespace Pipeline.Functions.Tests;

/// <summary>The functions.metadata and extensions.json the SDK generates: what the Functions host indexes at start.</summary>
public sealed partial class FunctionsMetadataTests
{
    [Fact]
    public void App_has_exactly_the_three_functions()
    {
        var names = AppOutput.Json("functions.metadata").AsArray().Select(f => (string?)f!["name"]).Order(StringComparer.Ordinal);

        Assert.Equal(["BlobIntake", "IntakeScan", "RunWorkItem"], names);
    }

    [Fact]
    public void Blob_trigger_is_an_Event_Grid_blob_trigger_on_the_raw_container()
    {
        var trigger = Assert.Single(AppOutput.Bindings(BlobIntakeFunction.Name));

        Assert.Equal("blobTrigger", (string?)trigger!["type"]);
        Assert.Equal("In", (string?)trigger["direction"]);
        Assert.Equal("EventGrid", (string?)trigger["source"]);
        Assert.Equal($"%{TriggerSettings.RawContainer}%/{{name}}", (string?)trigger["path"]);
    }

    [Fact]
    public void Queue_trigger_listens_on_the_work_queue()
    {
        var trigger = Assert.Single(AppOutput.Bindings(WorkItemFunction.Name));

        Assert.Equal("queueTrigger", (string?)trigger!["type"]);
        Assert.Equal($"%{TriggerSettings.WorkQueue}%", (string?)trigger["queueName"]);
    }

    [Fact]
    public void Timer_scans_every_five_minutes()
    {
        var trigger = Assert.Single(AppOutput.Bindings(IntakeScanFunction.Name));

        Assert.Equal("timerTrigger", (string?)trigger!["type"]);
        Assert.Equal("0 */5 * * * *", (string?)trigger["schedule"]);
    }

    [Fact]
    public void Every_storage_binding_names_the_AzureWebJobsStorage_connection()
    {
        var storageBindings = AppOutput.Json("functions.metadata").AsArray()
            .SelectMany(f => f!["bindings"]!.AsArray())
            .Where(b => (string?)b!["type"] is "blobTrigger" or "queueTrigger")
            .ToList();

        Assert.Equal(2, storageBindings.Count);
        Assert.All(storageBindings, b => Assert.Equal("AzureWebJobsStorage", (string?)b!["connection"]));
    }

    [Fact]
    public void Trigger_expressions_name_settings_without_separators_so_the_scale_controller_finds_them()
    {
        var settings = Expressions().ToList();

        Assert.Equal([TriggerSettings.RawContainer, TriggerSettings.WorkQueue], settings.Order(StringComparer.Ordinal));
        Assert.All(settings, s => Assert.Matches("^[A-Za-z0-9]+$", s));
    }

    [Fact]
    public void Local_settings_example_sets_every_trigger_expression()
    {
        var values = JsonNode.Parse(File.ReadAllText(RepositoryPaths.File("src", "Pipeline.Functions", "local.settings.json.example")))!["Values"]!.AsObject();

        Assert.All(Expressions(), s => Assert.False(string.IsNullOrEmpty((string?)values[s]), $"local.settings.json.example does not set {s}"));
    }

    [Fact]
    public void Deployment_sets_every_trigger_expression_as_an_app_setting()
    {
        var bicep = File.ReadAllText(RepositoryPaths.File("infra", "main.bicep"));

        Assert.All(Expressions(), s => Assert.Matches($@"(?m)^\s*{s}\s*:", bicep));
    }

    [Theory]
    [InlineData("AzureStorageBlobs")]
    [InlineData("AzureStorageQueues")]
    public void Extensions_json_loads_the_storage_extension(string extension)
    {
        var extensions = AppOutput.Json("extensions.json")["extensions"]!.AsArray();

        var entry = Assert.Single(extensions, e => (string?)e!["name"] == extension);
        Assert.True(File.Exists(Path.Combine(AppOutput.Directory, (string)entry!["hintPath"]!)), $"{entry["hintPath"]} is not in the app's output");
    }

    [Fact]
    public void Host_json_beside_the_app_is_the_repository_one()
    {
        Assert.Equal(File.ReadAllText(RepositoryPaths.File("host.json")), File.ReadAllText(AppOutput.File("host.json")));
    }

    [Fact]
    public void Development_tooling_does_not_ship_with_the_app()
    {
        Assert.True(File.Exists(AppOutput.File("Pipeline.Storage.dll")));
        Assert.False(File.Exists(AppOutput.File("Pipeline.Development.dll")), "Pipeline.Development (Azurite launcher, fault injection) is in the app's output");
    }

    /// <summary>The app settings named by %...% expressions anywhere in functions.metadata.</summary>
    private static IEnumerable<string> Expressions() =>
        Expression().Matches(File.ReadAllText(AppOutput.File("functions.metadata"))).Select(m => m.Groups[1].Value).Distinct();

    [GeneratedRegex("%([^%\"]+)%", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Expression();
}
