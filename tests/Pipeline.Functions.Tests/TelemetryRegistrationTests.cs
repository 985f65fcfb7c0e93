using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Pipeline.Storage.Tests.Azurite;

namespace Pipeline.Functions.Tests;

/// <summary>The runtime's traces and metrics go to Application Insights through OpenTelemetry only when it is configured.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TelemetryRegistrationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task With_an_Application_Insights_connection_string_the_runtime_telemetry_is_exported()
    {
        // An app setting is an environment variable of the worker process, there before the app is configured.
        Environment.SetEnvironmentVariable("APPLICATIONINSIGHTS_CONNECTION_STRING", "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/");
        try
        {
            await using var host = await FunctionsHost.CreateAsync(FunctionsHost.Settings(azurite));

            Assert.NotNull(host.Services.GetService<TracerProvider>());
        }
        finally
        {
            Environment.SetEnvironmentVariable("APPLICATIONINSIGHTS_CONNECTION_STRING", null);
        }
    }

    [Fact]
    public async Task Without_it_no_OpenTelemetry_provider_is_added()
    {
        await using var host = await FunctionsHost.CreateAsync(FunctionsHost.Settings(azurite));

        Assert.Null(host.Services.GetService<TracerProvider>());
    }
}
