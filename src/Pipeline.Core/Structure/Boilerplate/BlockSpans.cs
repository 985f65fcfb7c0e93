using Pipeline.Core.Structure.Paragraphs;

namespace Pipeline.Core.Structure.Boilerplate;

/// <summary>The blocks of a page as spans: each is a range of the text or of the joined-lines buffer.</summary>
/// <param name="text">The normalised text.</param>
/// <param name="joined">Paragraphs rebuilt from several lines.</param>
/// <param name="paragraphs">The blocks, in page order.</param>
internal readonly ref struct BlockSpans(ReadOnlySpan<char> text, ReadOnlySpan<char> joined, ReadOnlySpan<SplitParagraph> paragraphs)
{
    private readonly ReadOnlySpan<char> _text = text;
    private readonly ReadOnlySpan<char> _joined = joined;
    private readonly ReadOnlySpan<SplitParagraph> _paragraphs = paragraphs;

    /// <summary>How many blocks.</summary>
    public int Count => _paragraphs.Length;

    /// <summary>A block's characters.</summary>
    public ReadOnlySpan<char> this[int index] => _paragraphs[index].In(_text, _joined);

    /// <summary>A block's layout hints.</summary>
    public ParagraphFlags FlagsOf(int index) => _paragraphs[index].Flags;
}
