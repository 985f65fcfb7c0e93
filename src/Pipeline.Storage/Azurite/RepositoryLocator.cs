namespace Pipeline.Storage.Azurite;

/// <summary>Finds the repository root: the nearest folder, upwards, that contains Pipeline.sln.</summary>
internal static class RepositoryLocator
{
    public const string SolutionFileName = "Pipeline.sln";

    public static string? FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
                    return dir.FullName;
            }
        }
        return null;
    }
}
