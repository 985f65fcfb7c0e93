using System.Text.Json;
using Pipeline.Core.Deduplication;
using Pipeline.Core.Documents;
using Pipeline.Core.Processing;
using Pipeline.Tests.Shared;

namespace Pipeline.Core.Tests.RealWorld;

/// <summary>
/// The pages of <c>../shared/realworld</c> run through <see cref="DocumentProcessor"/> the way <c>pipeline process</c> runs
/// them (sorted by name, one dedup index for the run), and scored against <c>labels.json</c> the way <c>score.py</c> scores.
/// </summary>
internal static class RealWorldSet
{
    private static readonly Lazy<Scored> Result = new(() => Run("inputs", ".txt"));
    private static readonly Lazy<Scored> HtmlResult = new(() => Run("html", ".html"));

    private const string WarmUpText =
        "Council Votes to Keep the Library Open\nBy Jane Doe\nPublished 2024-01-15\n" +
        "The council met on Tuesday evening to discuss the new budget for the coming year, and voted to keep the library open.\n" +
        "Der Rat hat am Dienstag über den Haushalt beraten. Le conseil a voté mardi. El consejo votó el martes.";

    /// <summary>The figures over every page.</summary>
    public static RealWorldScores Overall => Result.Value.Overall;

    /// <summary>The figures over every page's original HTML (<c>html/</c>, the same labels).</summary>
    public static RealWorldScores HtmlOverall => HtmlResult.Value.Overall;

    /// <summary>The figures per dumper (<c>lynx-80</c>, <c>w3m-100</c>, ...).</summary>
    public static IReadOnlyDictionary<string, RealWorldScores> ByDumper => Result.Value.ByDumper;

    /// <summary>The figures per labelled language.</summary>
    public static IReadOnlyDictionary<string, RealWorldScores> ByLanguage => Result.Value.ByLanguage;

    private sealed record Scored(
        RealWorldScores Overall, IReadOnlyDictionary<string, RealWorldScores> ByDumper, IReadOnlyDictionary<string, RealWorldScores> ByLanguage);

    private static Scored Run(string folder, string extension)
    {
        var root = RepositoryPaths.SharedRealWorld();
        using var labels = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "labels.json")));
        var processor = new DocumentProcessor();

        // A cold start (the language model, the first regex matches) takes seconds on a loaded machine, and a matching
        // timeout there would fail the first page: warm up on a text of our own, outside the measured run.
        _ = processor.ProcessAsync(
            new RawInput("warm-up.txt", System.Text.Encoding.UTF8.GetBytes(WarmUpText)), new InMemoryDedupIndex()).AsTask().GetAwaiter().GetResult();
        var index = new InMemoryDedupIndex();
        var overall = new RealWorldScores();
        var byDumper = new SortedDictionary<string, RealWorldScores>(StringComparer.Ordinal);
        var byLanguage = new SortedDictionary<string, RealWorldScores>(StringComparer.Ordinal);
        var names = labels.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.True(names.Count > 0, "labels.json lists no pages");
        foreach (var name in names)
        {
            var file = Path.ChangeExtension(name, extension);
            var path = Path.Combine(root, folder, file);
            Assert.True(File.Exists(path), $"labels.json names {name}, which is not in {root}/{folder} as {file}");
            var record = processor.ProcessAsync(new RawInput(file, File.ReadAllBytes(path)), index).AsTask().GetAwaiter().GetResult();
            var label = labels.RootElement.GetProperty(name);
            var dumper = Text(label, "dumper") ?? "unknown";
            var language = Text(label, "language") ?? "unlabelled";
            RealWorldScorer.Score(record, label, overall);
            RealWorldScorer.Score(record, label, Get(byDumper, dumper));
            RealWorldScorer.Score(record, label, Get(byLanguage, language));
        }

        return new Scored(overall, byDumper, byLanguage);
    }

    private static RealWorldScores Get(SortedDictionary<string, RealWorldScores> groups, string key)
    {
        if (!groups.TryGetValue(key, out var scores))
        {
            groups[key] = scores = new RealWorldScores();
        }

        return scores;
    }

    private static string? Text(JsonElement label, string property) =>
        label.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
