namespace Pipeline.Cli.Commands;

/// <summary>One input file and the name it goes by (its blob name, when dropped).</summary>
/// <param name="Path">The file's path.</param>
/// <param name="Name">A file's own name; for a folder's files, their path below the folder, "/" separated.</param>
internal sealed record InputFile(string Path, string Name);

/// <summary>Expands the paths given on the command line into the files to read, in the order given.</summary>
internal static class InputFiles
{
    /// <summary>
    /// Files stay as given; a folder contributes its files recursively in ordinal order of their names
    /// below it (so a run is repeatable), leaving out hidden files and folders (names starting with a dot,
    /// such as .gitattributes). Paths that do not exist are returned in <paramref name="missing"/>.
    /// </summary>
    public static IReadOnlyList<InputFile> Expand(IEnumerable<string> paths, out IReadOnlyList<string> missing)
    {
        var files = new List<InputFile>();
        var notFound = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(new InputFile(path, Path.GetFileName(path)));
            }
            else if (Directory.Exists(path))
            {
                var inFolder = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Select(f => new InputFile(f, Path.GetRelativePath(path, f).Replace(Path.DirectorySeparatorChar, '/')))
                    .Where(f => !f.Name.Split('/').Any(part => part.StartsWith('.')))
                    .ToList();
                inFolder.Sort((a, b) => StringComparer.Ordinal.Compare(a.Name, b.Name));
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
