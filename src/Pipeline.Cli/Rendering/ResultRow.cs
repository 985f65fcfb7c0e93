using Pipeline.Core.Documents;

namespace Pipeline.Cli.Rendering;

/// <summary>
/// What the result table shows of one record. A run keeps its rows until the table is drawn, so a row holds these few
/// strings and not the record (whose clean text, for a large batch, would add up to the whole batch).
/// </summary>
/// <param name="Input">The input's name, with the record's index for a record of a batch (<c>crawl.jsonl #3</c>).</param>
/// <param name="Status">The record's status.</param>
/// <param name="Id">The start of the record's id.</param>
/// <param name="Language">The detected language, when there is one.</param>
/// <param name="Words">The word count, when the record has metadata.</param>
/// <param name="Detail">The duplicate, rejection or error, or else the title or first words.</param>
internal sealed record ResultRow(string Input, ResultStatus Status, string Id, string? Language, int? Words, string Detail)
{
    public static ResultRow Of(DocumentRecord record) => new(
        ResultTable.InputName(record),
        record.Status,
        record.Id[..12],
        record.Metadata?.Language,
        record.Metadata?.WordCount,
        ResultTable.Detail(record));
}
