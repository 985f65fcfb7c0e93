using System.Text.Json.Nodes;
using Pipeline.Tests.Shared;

namespace Pipeline.Functions.Tests;

/// <summary>
/// The Functions app's own build output (src/Pipeline.Functions/bin/{configuration}/{framework}), the folder the host
/// runs and `func azure functionapp publish` / `azd deploy` package: what the host reads, not a copy.
/// </summary>
internal static class AppOutput
{
    public static string Directory { get; } = Find();

    public static string File(string name) => Path.Combine(Directory, name);

    public static JsonNode Json(string name) => JsonNode.Parse(System.IO.File.ReadAllText(File(name)))!;

    /// <summary>The bindings of one function in functions.metadata.</summary>
    public static JsonArray Bindings(string function) =>
        Json("functions.metadata").AsArray().Single(f => (string?)f!["name"] == function)!["bindings"]!.AsArray();

    private static string Find()
    {
        // The tests' output is tests/Pipeline.Functions.Tests/bin/{configuration}/{framework}: the app's is the same below its project.
        var testProject = Path.Combine(RepositoryPaths.Root, "tests", "Pipeline.Functions.Tests");
        var relative = Path.GetRelativePath(testProject, AppContext.BaseDirectory);
        var directory = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "src", "Pipeline.Functions", relative));
        if (!System.IO.File.Exists(Path.Combine(directory, "functions.metadata")))
        {
            throw new FileNotFoundException($"The Functions app's build output has no functions.metadata at {directory}; build src/Pipeline.Functions first.");
        }

        return directory;
    }
}
