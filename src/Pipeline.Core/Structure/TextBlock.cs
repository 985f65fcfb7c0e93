namespace Pipeline.Core.Structure;

/// <summary>One block of a document's body: a paragraph or a section heading.</summary>
/// <param name="Kind">Paragraph or heading.</param>
/// <param name="Text">The block's text on one line (no line breaks inside).</param>
public sealed record TextBlock(BlockKind Kind, string Text)
{
    /// <summary>The block's text as a span. Read this rather than <see cref="Text"/> in hot code: it never allocates.</summary>
    public ReadOnlySpan<char> Span => Text.AsSpan();

    /// <summary>The block's text as memory, for code that keeps a reference to it. Never allocates.</summary>
    public ReadOnlyMemory<char> Memory => Text.AsMemory();
}

/// <summary>The kinds of <see cref="TextBlock"/>.</summary>
public enum BlockKind
{
    /// <summary>The document's headline: a title-like first line. At most one, and only first.</summary>
    Title,

    /// <summary>A paragraph of running text.</summary>
    Paragraph,

    /// <summary>A short line that reads as a title between paragraphs.</summary>
    Heading,
}
