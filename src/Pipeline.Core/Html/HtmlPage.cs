using Pipeline.Core.Structure;

namespace Pipeline.Core.Html;

/// <summary>An HTML page as <see cref="HtmlReader"/> read it: the main content's blocks and the markup's metadata.</summary>
/// <param name="Blocks">Headings, paragraphs and list items of the main content, in reading order.</param>
/// <param name="Metadata">What the markup says about the page.</param>
/// <param name="HeaderLines">Short texts of the byline and date elements from the headline on, for the text rules to read
/// the date and authors the markup does not give.</param>
public sealed record HtmlPage(IReadOnlyList<InputBlock> Blocks, MarkupMetadata Metadata, IReadOnlyList<string> HeaderLines);
