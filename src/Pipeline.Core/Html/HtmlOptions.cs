using System.ComponentModel.DataAnnotations;

namespace Pipeline.Core.Html;

/// <summary>Options of <see cref="HtmlReader"/>.</summary>
public sealed class HtmlOptions
{
    /// <summary>
    /// Most characters of markup parsed. A longer page is cut there before parsing (its article is at the start; what makes
    /// a page that long is inline data, scripts or repeated furniture), which bounds the DOM's memory.
    /// </summary>
    /// <value>Defaults to 8,388,608 (8 Mi characters). Range 1,024 to 1,073,741,824.</value>
    [Range(1024, 1 << 30)]
    public int MaxMarkupCharacters { get; set; } = 8 * 1024 * 1024;

    /// <summary>
    /// Deepest element nesting read. Before parsing, start tags left open past this depth lose their tags (their text
    /// stays), which keeps parsing linear; content the parser still nests deeper (a generated table in a table) is
    /// skipped, so that no walk of the DOM is deeper than this.
    /// </summary>
    /// <value>Defaults to 256. Range 16 to 4,096.</value>
    [Range(16, 4096)]
    public int MaxDepth { get; set; } = 256;

    /// <summary>Shortest text, in characters, of an element that counts as a paragraph when the main content is scored.</summary>
    /// <value>Defaults to 25 (Readability's figure). Range 1 to 1,000.</value>
    [Range(1, 1000)]
    public int MinParagraphCharacters { get; set; } = 25;

    /// <summary>Validates the options.</summary>
    /// <exception cref="ValidationException">An option is out of range.</exception>
    public void Validate() => Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
}
