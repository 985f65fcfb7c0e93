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
    // Kept with the list it was joined from: a copy made with `with { Blocks = ... }` must not return a stale text.
    private readonly IReadOnlyList<TextBlock>? _cleanTextBlocks;
    private readonly string? _cleanText;

    /// <summary>Creates structured text whose blocks are slices of <paramref name="cleanText"/>, already joined.</summary>
    internal StructuredText(IReadOnlyList<TextBlock> blocks, IReadOnlyList<string> imageCaptions, IReadOnlyDictionary<string, int> removed, string cleanText)
        : this(blocks, imageCaptions, removed)
    {
        _cleanTextBlocks = blocks;
        _cleanText = cleanText;
    }

    /// <summary>
    /// Every block of the page in page order, kept or removed, each with the kind it was removed as (see
    /// <see cref="PageBlock"/>). Metadata that lives outside the article text (the page title line, bylines and date lines the
    /// classifier took for furniture) is found here. Empty for structured text not made by <see cref="DocumentStructurer"/>.
    /// </summary>
    public IReadOnlyList<PageBlock> PageBlocks { get; init; } = [];

    /// <summary>The clean text: blocks joined by a blank line.</summary>
    /// <remarks>The structurer builds it once and slices the blocks from it, so this returns that string without joining.</remarks>
    public string ToCleanText() =>
        _cleanText is not null && ReferenceEquals(_cleanTextBlocks, Blocks) ? _cleanText : string.Join("\n\n", Blocks.Select(b => b.Text));
}
