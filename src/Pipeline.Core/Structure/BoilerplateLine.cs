namespace Pipeline.Core.Structure;

/// <summary>
/// A short line offered to the <see cref="BoilerplateRule"/>s. A ref struct over spans: rules see every short line, so the
/// line and its key are not made into strings for them.
/// </summary>
/// <param name="text">The line as written, trimmed.</param>
/// <param name="key">Its canonical form (lower case, punctuation folded to single spaces), e.g. <c>share on facebook</c>.</param>
/// <param name="wordCount">Words in <paramref name="key"/>.</param>
public readonly ref struct BoilerplateLine(ReadOnlySpan<char> text, ReadOnlySpan<char> key, int wordCount)
{
    /// <summary>The line as written, trimmed.</summary>
    public ReadOnlySpan<char> Text { get; } = text;

    /// <summary>Its canonical form (lower case, punctuation folded to single spaces), e.g. <c>share on facebook</c>.</summary>
    public ReadOnlySpan<char> Key { get; } = key;

    /// <summary>Words in <see cref="Key"/>.</summary>
    public int WordCount { get; } = wordCount;
}
