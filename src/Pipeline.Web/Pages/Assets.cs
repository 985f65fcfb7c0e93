using Microsoft.AspNetCore.Http;

namespace Pipeline.Web.Pages;

/// <summary>The stylesheet and script, embedded in the assembly (no npm build, no files to deploy beside it).</summary>
internal static class Assets
{
    private static readonly Dictionary<string, (byte[] Content, string Type)> Files = Load();

    public static IResult Serve(string file) =>
        Files.TryGetValue(file, out var asset) ? Results.Bytes(asset.Content, asset.Type) : Results.NotFound();

    private static Dictionary<string, (byte[], string)> Load()
    {
        var assembly = typeof(Assets).Assembly;
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var name in new[] { "app.css", "app.js" })
        {
            using var stream = assembly.GetManifestResourceStream("assets/" + name) ?? throw new InvalidOperationException($"The asset {name} is not embedded.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[name] = (copy.ToArray(), name.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8");
        }

        return files;
    }
}
