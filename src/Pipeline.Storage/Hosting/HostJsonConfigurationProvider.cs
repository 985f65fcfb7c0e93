using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Pipeline.Storage.Hosting;

/// <summary>
/// Reads host.json into configuration under the prefix Azure Functions uses (<c>AzureFunctionsJobHost</c>), so
/// <c>extensions.queues.batchSize</c> becomes <c>AzureFunctionsJobHost:extensions:queues:batchSize</c> and app settings
/// (environment variables) added after it override it as they do in Functions.
/// </summary>
internal sealed class HostJsonConfigurationProvider(HostJsonConfigurationSource source) : ConfigurationProvider
{
    public const string Prefix = "AzureFunctionsJobHost";

    public override void Load()
    {
        if (!File.Exists(source.Path))
        {
            if (source.Optional)
                return;
            throw new FileNotFoundException($"host.json was not found at {source.Path}.", source.Path);
        }

        using var stream = File.OpenRead(source.Path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source.Path} is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new FormatException($"{source.Path} must contain a JSON object.");
            if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != "2.0")
                throw new FormatException($"{source.Path} must declare \"version\": \"2.0\" (the Azure Functions 2.x+ format).");

            var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            Flatten(root, Prefix, data);
            Data = data;
        }
    }

    private static void Flatten(JsonElement element, string path, Dictionary<string, string?> data)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    Flatten(property.Value, path + ConfigurationPath.KeyDelimiter + property.Name, data);
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                    Flatten(item, path + ConfigurationPath.KeyDelimiter + index++.ToString(CultureInfo.InvariantCulture), data);
                break;
            case JsonValueKind.String:
                data[path] = element.GetString();
                break;
            case JsonValueKind.Null:
                data[path] = null;
                break;
            default: // numbers and booleans keep their JSON text, which the binder parses invariantly
                data[path] = element.GetRawText();
                break;
        }
    }
}

/// <summary>The configuration source for one host.json file.</summary>
internal sealed class HostJsonConfigurationSource(string path, bool optional) : IConfigurationSource
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public bool Optional { get; } = optional;

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new HostJsonConfigurationProvider(this);
}
