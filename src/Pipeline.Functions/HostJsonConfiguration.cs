using Microsoft.Extensions.Configuration;
using Pipeline.Storage.Hosting;

namespace Pipeline.Functions;

/// <summary>Adds host.json to the worker's configuration the way the <c>pipeline</c> command does.</summary>
internal static class HostJsonConfiguration
{
    /// <summary>
    /// Inserts host.json as the first (lowest-precedence) configuration source, so app settings such as
    /// <c>AzureFunctionsJobHost__extensions__queues__maxDequeueCount</c> override it, as they do in the host.
    /// </summary>
    public static void AddHostJsonBelowAppSettings(this IConfigurationBuilder configuration, string path)
    {
        // HostJson's source type is internal to Pipeline.Storage: build it through the public extension, then move it.
        var source = new ConfigurationBuilder().AddHostJson(path).Sources[0];
        configuration.Sources.Insert(0, source);
    }
}
