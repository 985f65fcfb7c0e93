namespace Pipeline.Core.Tests;

/// <summary>
/// Locates <c>../shared/corpus</c> (beside the repository). Tests that need it fail with a plain
/// message when it is missing rather than passing silently.
/// </summary>
internal static class SharedCorpus
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Path(string fileName)
    {
        var path = System.IO.Path.Combine(RepositoryRoot, "..", "shared", "corpus", fileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The shared corpus file '{fileName}' is not present at {System.IO.Path.GetFullPath(path)}. " +
                "These tests read ../shared/corpus beside the repository; check it out there to run them.", path);
        }

        return path;
    }

    public static byte[] ReadBytes(string fileName) => File.ReadAllBytes(Path(fileName));

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Pipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Pipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
