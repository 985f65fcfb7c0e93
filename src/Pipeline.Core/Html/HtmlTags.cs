using System.Collections.Frozen;

namespace Pipeline.Core.Html;

/// <summary>What the extractor knows about tag names: which are furniture, which start blocks.</summary>
internal static class HtmlTags
{
    /// <summary>Elements never part of the text: code, media, forms' controls, and page furniture by their very tag.</summary>
    public static readonly FrozenSet<string> Removed = FrozenSet.Create(
        StringComparer.Ordinal,
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "canvas", "video", "audio",
        "picture", "img", "button", "select", "input", "textarea", "option", "label", "nav", "aside", "footer", "head",
        "link", "meta", "frame", "frameset", "dialog", "menu", "figure", "figcaption");

    /// <summary>Elements that start a new block of text.</summary>
    public static readonly FrozenSet<string> Blocks = FrozenSet.Create(
        StringComparer.Ordinal,
        "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
        "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "address", "hr", "form",
        "fieldset", "details", "summary", "center", "body", "html");

    /// <summary>Elements whose text is one paragraph when scoring the main content.</summary>
    public static readonly FrozenSet<string> Paragraphs = FrozenSet.Create(StringComparer.Ordinal, "p", "pre", "td", "blockquote", "dd");

    /// <summary>Headings.</summary>
    public static readonly FrozenSet<string> Headings = FrozenSet.Create(StringComparer.Ordinal, "h1", "h2", "h3", "h4", "h5", "h6");
}
