namespace Pipeline.Core.Structure;

/// <summary>A short line offered to the <see cref="BoilerplateRule"/>s.</summary>
/// <param name="Text">The line as written, trimmed.</param>
/// <param name="Key">Its canonical form (lower case, punctuation folded to single spaces), e.g. <c>share on facebook</c>.</param>
/// <param name="WordCount">Words in <paramref name="Key"/>.</param>
public readonly record struct BoilerplateLine(string Text, string Key, int WordCount);
