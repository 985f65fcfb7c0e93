namespace Pipeline.Tests.Shared;

/// <summary>Paths inside the repository and beside it (<c>../shared</c>), found from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>
    /// A file of <c>../shared/corpus</c>. Tests that need it fail with a plain message when it is missing,
    /// rather than passing without checking anything.
    /// </summary>
    public static string SharedCorpus(string fileName)
    {
        var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus", fileName));
        if (!System.IO.File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The shared corpus file '{fileName}' is not present at {path}. These tests read ../shared/corpus " +
                "beside the repository; check it out there to run them.", path);
        }

        return path;
    }

    /// <summary>
    /// The folder <c>../shared/realworld</c> (real pages with third-party labels). Tests that need it fail with a plain
    /// message when it is missing, rather than passing without checking anything.
    /// </summary>
    public static string SharedRealWorld()
    {
        var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "realworld"));
        if (!Directory.Exists(Path.Combine(path, "inputs")) || !System.IO.File.Exists(Path.Combine(path, "labels.json")))
        {
            throw new DirectoryNotFoundException(
                $"The real-world set is not present at {path} (inputs/ and labels.json). These tests read ../shared/realworld " +
                "beside the repository; check it out there to run them.");
        }

        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Pipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
