using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Pipeline.Storage.Hosting;

/// <summary>
/// Loads host.json (Azure Functions format, <c>"version": "2.0"</c>) the way Functions does: into configuration
/// under <c>AzureFunctionsJobHost</c>, where app settings can override it; then binds and validates
/// <see cref="HostJsonOptions"/>. TimeSpan values are written <c>hh:mm:ss</c>.
/// </summary>
public static class HostJson
{
    /// <summary>The file name.</summary>
    public const string FileName = "host.json";

    /// <summary>
    /// Adds host.json as the lowest-precedence configuration source, below app settings and environment
    /// variables, so that <c>AzureFunctionsJobHost__extensions__queues__maxDequeueCount</c> and the like
    /// override it, as they do in the Functions host. Both hosts (the <c>pipeline</c> command and the
    /// Functions worker) call this, so the shared runtime sees the same values.
    /// </summary>
    /// <param name="builder">The configuration being built.</param>
    /// <param name="path">The host.json path.</param>
    /// <param name="optional">Whether a missing file is allowed.</param>
    public static IConfigurationBuilder AddHostJsonBelowAppSettings(this IConfigurationBuilder builder, string path, bool optional = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Sources.Insert(0, new HostJsonConfigurationSource(path, optional));
        return builder;
    }

    /// <summary>Adds a host.json file to configuration under the <c>AzureFunctionsJobHost</c> prefix.</summary>
    /// <param name="builder">The configuration builder; sources added later (environment variables) override host.json.</param>
    /// <param name="path">The file.</param>
    /// <param name="optional">When true a missing file adds nothing (all defaults); otherwise it fails on build.</param>
    /// <returns>The same builder.</returns>
    public static IConfigurationBuilder AddHostJson(this IConfigurationBuilder builder, string path, bool optional = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return builder.Add(new HostJsonConfigurationSource(path, optional));
    }

    /// <summary>Reads and validates the host.json settings from configuration (defaults where absent).</summary>
    /// <param name="configuration">Configuration that host.json was added to with <see cref="AddHostJson"/>.</param>
    /// <returns>The validated settings.</returns>
    /// <exception cref="ValidationException">A value cannot be parsed or is out of range; the message names it.</exception>
    public static HostJsonOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new HostJsonOptions();
        try
        {
            configuration.GetSection(HostJsonOptions.SectionName).Bind(options);
        }
        catch (InvalidOperationException e)
        {
            // The binder names the key and the type it could not convert to.
            throw new ValidationException($"host.json: {e.Message}", e);
        }
        options.Validate();
        return options;
    }

    /// <summary>Loads one host.json file and returns its validated settings.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The validated settings.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FormatException">The file is not valid JSON or lacks <c>"version": "2.0"</c>.</exception>
    /// <exception cref="ValidationException">A value cannot be parsed or is out of range.</exception>
    public static HostJsonOptions Load(string path) =>
        Read(new ConfigurationBuilder().AddHostJson(path).Build());

    /// <summary>
    /// Registers <see cref="HostJsonOptions"/> bound from <see cref="HostJsonOptions.SectionName"/> and validated on start
    /// (nested sections included). Add host.json to the host's configuration with <see cref="AddHostJson"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddHostJsonOptions(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<HostJsonOptions>()
            .BindConfiguration(HostJsonOptions.SectionName)
            .Validate(IsValid, "host.json extensions settings are out of range; HostJson.Read names the value.")
            .ValidateOnStart();
        return services;
    }

    private static bool IsValid(HostJsonOptions options)
    {
        try
        {
            options.Validate();
            return true;
        }
        catch (ValidationException)
        {
            return false;
        }
    }
}
