namespace Pipeline.Core.Structure;

/// <summary>One block of a document's body: a paragraph or a section heading.</summary>
/// <remarks>
/// A block made by <see cref="DocumentStructurer"/> is a slice of the document's clean text rather than a string of its
/// own, so that a document's text exists once; <see cref="Text"/> makes (and keeps) the block's string on first use.
/// Two blocks are equal when their kinds and characters are.
/// </remarks>
public sealed record TextBlock
{
    private readonly string _source;
    private readonly int _start;
    private readonly int _length;
    private string? _text;

    /// <summary>Creates a block from its own string.</summary>
    /// <param name="kind">Paragraph or heading.</param>
    /// <param name="text">The block's text on one line (no line breaks inside).</param>
    public TextBlock(BlockKind kind, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Kind = kind;
        _source = text;
        _length = text.Length;
        _text = text;
    }

    /// <summary>Creates a block that is <paramref name="length"/> characters of <paramref name="source"/> from <paramref name="start"/>.</summary>
    internal TextBlock(BlockKind kind, string source, int start, int length)
    {
        Kind = kind;
        _source = source;
        _start = start;
        _length = length;
        _text = start == 0 && length == source.Length ? source : null;
    }

    /// <summary>Paragraph or heading.</summary>
    public BlockKind Kind { get; init; }

    /// <summary>
    /// The block's text on one line (no line breaks inside), as a string. A block that is a slice of a larger text makes
    /// the string on first read; hot code reads <see cref="Span"/> or <see cref="Memory"/> instead.
    /// </summary>
    public string Text
    {
        get => _text ??= _source.Substring(_start, _length);
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            _source = value;
            _start = 0;
            _length = value.Length;
            _text = value;
        }
    }

    /// <summary>The block's text as a span. Read this rather than <see cref="Text"/> in hot code: it never allocates.</summary>
    public ReadOnlySpan<char> Span => _source.AsSpan(_start, _length);

    /// <summary>The block's text as memory, for code that keeps a reference to it. Never allocates.</summary>
    public ReadOnlyMemory<char> Memory => _source.AsMemory(_start, _length);

    /// <summary>Whether <paramref name="other"/> has the same kind and characters.</summary>
    /// <param name="other">Another block.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(TextBlock? other) =>
        other is not null && Kind == other.Kind && Span.SequenceEqual(other.Span);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, string.GetHashCode(Span, StringComparison.Ordinal));

    /// <summary>Deconstructs into kind and text.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="text">The text (made as a string).</param>
    public void Deconstruct(out BlockKind kind, out string text)
    {
        kind = Kind;
        text = Text;
    }

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Kind = ").Append(Kind).Append(", Text = ").Append(Span);
        return true;
    }
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
