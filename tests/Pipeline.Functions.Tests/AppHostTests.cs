using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Core.Processing;
using Pipeline.Storage.Intake;
using Pipeline.Storage.Runtime;
using Pipeline.Storage.Steps;
using Pipeline.Storage.Tests.Azurite;

namespace Pipeline.Functions.Tests;

/// <summary>The app's host, built as Program.cs builds it: every function and the runtime services they use resolve.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AppHostTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Host_creates_every_function_class_from_its_services()
    {
        await using var host = await FunctionsHost.CreateAsync(FunctionsHost.Settings(azurite));

        Assert.NotNull(host.Function<BlobIntakeFunction>());
        Assert.NotNull(host.Function<WorkItemFunction>());
        Assert.NotNull(host.Function<IntakeScanFunction>());
    }

    [Theory]
    [InlineData(typeof(WorkItemHandler))]
    [InlineData(typeof(WorkItemEnqueuer))]
    [InlineData(typeof(BlobScanner))]
    [InlineData(typeof(RunExecutor))]
    [InlineData(typeof(DeliveryPolicy))]
    [InlineData(typeof(DocumentProcessor))]
    public async Task Host_resolves_the_runtime_service(Type service)
    {
        await using var host = await FunctionsHost.CreateAsync(FunctionsHost.Settings(azurite));

        Assert.NotNull(host.Services.GetRequiredService(service));
    }

    [Fact]
    public async Task Trigger_settings_are_the_names_the_runtime_uses()
    {
        var settings = FunctionsHost.Settings(azurite);
        await using var host = await FunctionsHost.CreateAsync(settings);

        var options = host.Services.GetRequiredService<IOptions<PipelineStorageOptions>>().Value;

        Assert.Equal(settings[TriggerSettings.RawContainer], options.RawContainer);
        Assert.Equal(settings[TriggerSettings.WorkQueue], options.WorkQueue);
        Assert.Equal(settings[TriggerSettings.WorkQueue], host.Storage.Work.Name);
    }

    [Fact]
    public async Task Missing_trigger_setting_fails_validation()
    {
        var settings = FunctionsHost.Settings(azurite);
        settings.Remove(TriggerSettings.WorkQueue);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => FunctionsHost.CreateAsync(settings));
        Assert.Contains(TriggerSettings.WorkQueue, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sectioned_name_that_disagrees_with_the_trigger_setting_fails_validation()
    {
        var settings = FunctionsHost.Settings(azurite);
        settings["Pipeline:Storage:WorkQueue"] = "another-queue";

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => FunctionsHost.CreateAsync(settings));
        Assert.Contains(TriggerSettings.WorkQueue, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_has_no_fault_injection()
    {
        await using var host = await FunctionsHost.CreateAsync(FunctionsHost.Settings(azurite));

        Assert.Empty(host.Services.GetServices<IStepInterceptor>());
        Assert.DoesNotContain(typeof(FunctionsApp).Assembly.GetReferencedAssemblies(), r => r.Name == "Pipeline.Development");
    }

    [Fact]
    public async Task Storage_is_created_at_start_by_default()
    {
        var settings = FunctionsHost.Settings(azurite);
        await using var host = await FunctionsHost.CreateAsync(settings);

        Assert.True((await host.Storage.Raw.ExistsAsync()).Value);
        Assert.True((await host.Storage.Work.ExistsAsync()).Value);
    }

    [Fact]
    public async Task Storage_is_not_created_at_start_when_the_deployment_made_it()
    {
        var settings = FunctionsHost.Settings(azurite);
        settings["Pipeline:Functions:CreateStorage"] = "false";
        await using var host = await FunctionsHost.CreateAsync(settings);

        Assert.False((await host.Storage.Raw.ExistsAsync()).Value);
        Assert.False((await host.Storage.Work.ExistsAsync()).Value);
    }
}
