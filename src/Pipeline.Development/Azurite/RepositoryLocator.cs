namespace Pipeline.Development.Azurite;

/// <summary>Finds the repository root: the nearest folder, upwards, that contains Pipeline.sln.</summary>
public static class RepositoryLocator
{
    /// <summary>The file that marks the repository root.</summary>
    public const string SolutionFileName = "Pipeline.sln";

    /// <summary>The repository root above the program or the current folder, or null outside a checkout.</summary>
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
