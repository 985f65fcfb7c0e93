namespace Pipeline.Core.Structure;

/// <summary>
/// A block handed to <see cref="DocumentStructurer.Structure(IEnumerable{InputBlock})"/> by a reader that already knows the page's
/// blocks (an HTML reader: one per <c>&lt;p&gt;</c>, heading or list item).
/// </summary>
/// <param name="Text">The block's text; line breaks inside are folded to spaces.</param>
/// <param name="Role">What the markup says it is.</param>
public sealed record InputBlock(string Text, InputBlockRole Role = InputBlockRole.Paragraph);

/// <summary>What the markup says an <see cref="InputBlock"/> is.</summary>
public enum InputBlockRole
{
    /// <summary>A paragraph or any other text block.</summary>
    Paragraph,

    /// <summary>A heading element (<c>h1</c> to <c>h6</c>).</summary>
    Heading,

    /// <summary>A list item.</summary>
    ListItem,
}
