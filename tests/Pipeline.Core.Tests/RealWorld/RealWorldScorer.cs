using System.Text.Json;
using Pipeline.Core.Documents;

namespace Pipeline.Core.Tests.RealWorld;

/// <summary>
/// <c>score.py</c>'s checks for one page: a null or empty label is not scored; title, authors (as a set) and language are
/// compared in <see cref="RealWorldText.Norm"/> form; publishedAt on its first ten characters; <c>with</c> snippets must be in
/// the clean text, <c>without</c> ones must not, <c>once</c> ones exactly once.
/// </summary>
internal static class RealWorldScorer
{
    public static void Score(DocumentRecord record, JsonElement label, RealWorldScores scores)
    {
        var text = RealWorldText.Norm(record.Text ?? string.Empty);
        var metadata = record.Metadata;

        if (NonEmptyString(label, "title") is { } title)
        {
            scores.Title.Add(RealWorldText.Norm(metadata?.Title) == RealWorldText.Norm(title));
        }

        if (NonEmptyString(label, "publishedAt") is { } date)
        {
            var got = metadata?.PublishedAt ?? string.Empty;
            scores.PublishedAt.Add((got.Length > 10 ? got[..10] : got) == date);
        }

        var authors = Strings(label, "authors");
        if (authors.Count > 0)
        {
            var want = authors.Select(RealWorldText.Norm).ToHashSet(StringComparer.Ordinal);
            var got = (metadata?.Authors ?? []).Select(RealWorldText.Norm).Where(a => a.Length > 0).ToHashSet(StringComparer.Ordinal);
            scores.Authors.Add(want.SetEquals(got));
        }

        if (NonEmptyString(label, "language") is { } language)
        {
            var got = (metadata?.Language ?? string.Empty).Replace('_', '-').Split('-')[0].Trim().ToLowerInvariant();
            scores.Language.Add(got == language);
        }

        foreach (var snippet in Strings(label, "with"))
        {
            scores.With.Add(text.Contains(RealWorldText.Norm(snippet), StringComparison.Ordinal));
        }

        foreach (var snippet in Strings(label, "without"))
        {
            scores.Without.Add(!text.Contains(RealWorldText.Norm(snippet), StringComparison.Ordinal));
        }

        foreach (var snippet in Strings(label, "once"))
        {
            scores.Once.Add(Count(text, RealWorldText.Norm(snippet)) == 1);
        }
    }

    /// <summary>Non-overlapping occurrences, as Python's <c>str.count</c> counts them.</summary>
    private static int Count(string text, string part)
    {
        if (part.Length == 0)
        {
            return text.Length + 1;
        }

        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string? NonEmptyString(JsonElement label, string property) =>
        label.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s : null;

    private static List<string> Strings(JsonElement label, string property) =>
        label.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : [];
}
