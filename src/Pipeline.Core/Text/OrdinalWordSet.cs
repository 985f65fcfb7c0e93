using System.Buffers;
using System.Text;

namespace Pipeline.Core.Text;

/// <summary>
/// Words looked for in a text, ordinally. Why split: a search for ASCII words alone runs a fast vectorised scan,
/// while one set with accented words in it ran a slow one (a trie walk) over every text; a word with an accent
/// can only be where one of its non-ASCII letters is, and that is looked for first.
/// </summary>
internal sealed class OrdinalWordSet
{
    private readonly SearchValues<string>? _ascii;
    private readonly SearchValues<string>? _other;
    private readonly SearchValues<char>? _otherLetters;

    public OrdinalWordSet(string[] words)
    {
        var ascii = words.Where(w => Ascii.IsValid(w)).ToArray();
        var other = words.Where(w => !Ascii.IsValid(w)).ToArray();
        _ascii = ascii.Length > 0 ? SearchValues.Create(ascii, StringComparison.Ordinal) : null;
        if (other.Length > 0)
        {
            _other = SearchValues.Create(other, StringComparison.Ordinal);
            _otherLetters = SearchValues.Create(string.Concat(other).Where(c => !char.IsAscii(c)).Distinct().ToArray());
        }
    }

    /// <summary>True when one of the words occurs in <paramref name="text"/>.</summary>
    public bool OccursIn(ReadOnlySpan<char> text) =>
        (_ascii is not null && text.IndexOfAny(_ascii) >= 0) ||
        (_other is not null && text.IndexOfAny(_otherLetters!) >= 0 && text.IndexOfAny(_other) >= 0);
}
