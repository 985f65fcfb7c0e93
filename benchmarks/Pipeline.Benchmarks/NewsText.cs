using System.Text;

namespace Pipeline.Benchmarks;

/// <summary>
/// The benchmark input: news-like text. The project's English samples (and the shared corpus article when
/// it is checked out beside the repository), each one a document, as a scraper would deliver them.
/// </summary>
internal static class NewsText
{
    public static IReadOnlyList<byte[]> Documents { get; } = Load();

    public static long TotalBytes { get; } = Documents.Sum(d => (long)d.Length);

    private static List<byte[]> Load()
    {
        var root = FindRoot();
        var files = new List<string>();
        var corpus = Path.Combine(root, "..", "shared", "corpus", "scraped-news-article.txt");
        if (File.Exists(corpus))
        {
            files.Add(corpus);
        }

        files.AddRange(new[] { "01-dateline-article.txt", "02-repeated-copy.txt", "09-boilerplate.txt", "10-near-duplicate-a.txt", "17-iso-dateline.txt" }
            .Select(f => Path.Combine(root, "samples", "inputs", f))
            .Where(File.Exists));
        if (files.Count == 0)
        {
            throw new InvalidOperationException("No news-like input found under samples/.");
        }

        return files.Select(File.ReadAllBytes).ToList();
    }

    public static IReadOnlyList<string> Texts { get; } = Documents.Select(d => Encoding.UTF8.GetString(d)).ToList();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }
}
