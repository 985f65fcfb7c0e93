namespace Pipeline.Core.Structure;

/// <summary>
/// A document split into blocks, with what was taken out on the way.
/// </summary>
/// <param name="Blocks">Paragraphs and headings in reading order, after boilerplate removal and paragraph dedup.</param>
/// <param name="ImageCaptions">Image captions moved out of the text.</param>
/// <param name="Removed">Counts per kind of removed content (<c>boilerplateLines</c>, <c>imageCaptions</c>, <c>duplicateParagraphs</c>, ...).</param>
public sealed record StructuredText(
    IReadOnlyList<TextBlock> Blocks,
    IReadOnlyList<string> ImageCaptions,
    IReadOnlyDictionary<string, int> Removed)
{
    /// <summary>The clean text: blocks joined by a blank line.</summary>
    public string ToCleanText() => string.Join("\n\n", Blocks.Select(b => b.Text));
}
