namespace Pipeline.Core.Structure.Paragraphs;

/// <summary>
/// A paragraph found by <see cref="ParagraphRebuilder"/>: a range of the text, or of the buffer the lines of hard-wrapped
/// paragraphs are joined into, with what the dump's layout said about it.
/// </summary>
/// <param name="Start">Where it starts.</param>
/// <param name="Length">Its length.</param>
/// <param name="Joined">Whether it is in the joined-lines buffer rather than the text.</param>
/// <param name="Flags">Layout hints: a list item, a Markdown heading, after a blank line.</param>
internal readonly record struct SplitParagraph(int Start, int Length, bool Joined, ParagraphFlags Flags = ParagraphFlags.None)
{
    /// <summary>The paragraph's characters.</summary>
    public ReadOnlySpan<char> In(ReadOnlySpan<char> text, ReadOnlySpan<char> joined) => (Joined ? joined : text).Slice(Start, Length);
}

/// <summary>What a dump's layout says about a paragraph.</summary>
[Flags]
internal enum ParagraphFlags : byte
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>Started with a bullet.</summary>
    ListItem = 1,

    /// <summary>A Markdown heading (<c>#</c> to <c>######</c>), or a heading in the source markup.</summary>
    MarkedHeading = 2,

    /// <summary>A blank line (or the start of the text) comes before it.</summary>
    AfterBlank = 4,
}
