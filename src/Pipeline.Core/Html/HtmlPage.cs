using Pipeline.Core.Structure;

namespace Pipeline.Core.Html;

/// <summary>An HTML page as <see cref="HtmlReader"/> read it: the main content's blocks and the markup's metadata.</summary>
/// <param name="Blocks">Headings, paragraphs and list items of the main content, in reading order.</param>
/// <param name="Metadata">What the markup says about the page.</param>
public sealed record HtmlPage(IReadOnlyList<InputBlock> Blocks, MarkupMetadata Metadata);
