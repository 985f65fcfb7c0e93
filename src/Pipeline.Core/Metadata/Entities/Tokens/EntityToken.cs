namespace Pipeline.Core.Metadata.Entities.Tokens;

/// <summary>
/// A word of a block, by position: its text is read from the block (<see cref="TokenText.Text"/>), so tokenising makes
/// no strings. <paramref name="Word"/> is null for a word that starts with a capital, whose text is the
/// <paramref name="Length"/> characters at <paramref name="Start"/> (a possessive "'s" or a "-based" left off);
/// for any other word it is the shared instance of a known context word, or "" (lower-case words matter only as context).
/// </summary>
internal readonly record struct EntityToken(int Start, int End, int Length, string? Word, bool Capitalised, bool SentenceStart, bool BreakAfter, bool BasedSuffix);
