using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Storage.Hosting;
using Pipeline.Storage.Intake;

namespace Pipeline.Storage.Tests.Intake;

/// <summary>Validation of <see cref="IntakeOptions"/> as the host binds it.</summary>
public sealed class IntakeOptionsTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        var options = new IntakeOptions();

        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
    }

    [Fact]
    public void Dropped_blob_grace_not_shorter_than_the_clock_skew_margin_is_refused_at_start()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Pipeline:Intake:DroppedBlobGrace"] = "00:05:00",
            ["Pipeline:Intake:ClockSkewMargin"] = "00:05:00",
        }).Build());
        services.AddPipelineRuntime();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<IntakeOptions>>().Value);

        Assert.Contains(nameof(IntakeOptions.DroppedBlobGrace), error.Message, StringComparison.Ordinal);
    }
}
