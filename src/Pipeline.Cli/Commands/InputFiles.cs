namespace Pipeline.Cli.Commands;

/// <summary>Expands the paths given on the command line into the files to read, in the order given.</summary>
internal static class InputFiles
{
    /// <summary>
    /// Files stay as given; a folder contributes its files recursively in ordinal name order, so a run is
    /// repeatable. Returns the paths that do not exist in <paramref name="missing"/>.
    /// </summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths, out IReadOnlyList<string> missing)
    {
        var files = new List<string>();
        var notFound = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                var inFolder = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).ToList();
                inFolder.Sort(StringComparer.Ordinal);
                files.AddRange(inFolder);
            }
            else
            {
                notFound.Add(path);
            }
        }

        missing = notFound;
        return files;
    }
}
