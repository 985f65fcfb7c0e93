using System.Text.Json.Serialization;

namespace Pipeline.Web.Data;

/// <summary>One row of the results table, and of <c>GET /api/results</c>.</summary>
/// <param name="Name">The input's name.</param>
/// <param name="Status">processed, duplicate, rejected or failed.</param>
/// <param name="Id">The record's id.</param>
/// <param name="Title">The extracted title, if any.</param>
/// <param name="Language">The detected language, if any.</param>
/// <param name="PublishedAt">The extracted publication date, if any.</param>
/// <param name="Words">The clean text's word count (0 without text).</param>
public sealed record ResultSummary(string Name, string Status, string Id, string? Title, string? Language, string? PublishedAt, int Words)
{
    /// <summary>For a failed result: its last error (message redacted); omitted otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Core.Documents.ProcessingError? Error { get; init; }
}

/// <summary>A page of results and the token of the next page.</summary>
/// <param name="Items">The rows.</param>
/// <param name="Continuation">Pass as <c>continuation</c> for the next page; null on the last page.</param>
public sealed record ResultsPage(IReadOnlyList<ResultSummary> Items, string? Continuation);
