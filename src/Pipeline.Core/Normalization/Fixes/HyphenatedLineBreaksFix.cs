using System.Collections.Frozen;

namespace Pipeline.Core.Normalization.Fixes;

/// <summary>
/// Joins a word hyphenated across a line break (<c>inter-\nnational</c> to <c>international</c>). Rule: the line ends
/// with a lowercase letter and a hyphen, and the next line starts with a lowercase letter (a capital suggests a new
/// sentence or a name, a blank line a new paragraph; neither is joined). The hyphen is dropped, except when it is a real
/// compound hyphen: the word before it already contains a hyphen (<c>state-of-\nthe-art</c>) or is a common compound
/// prefix such as <c>well</c>, <c>self</c> or <c>non</c> (<c>well-\nknown</c> to <c>well-known</c>).
/// </summary>
public sealed class HyphenatedLineBreaksFix : ISpanTextFix
{
    private static readonly FrozenSet<string> CompoundPrefixes = FrozenSet.ToFrozenSet(
        ["well", "self", "non", "ex", "all", "half", "cross", "ill", "so", "full", "quasi", "vice", "long", "short",
         "high", "low", "ever", "never", "far", "one", "two", "three", "four", "five", "ten", "twenty", "first", "second"],
        StringComparer.Ordinal);

    /// <inheritdoc />
    public string Name => FixNames.HyphenatedLineBreaks;

    /// <inheritdoc />
    public string Apply(string text, out int changes) => SpanTextFix.Apply(this, text, out changes);

    /// <inheritdoc />
    bool ISpanTextFix.TryApply(ReadOnlySpan<char> text, PooledCharBuffer builder, out int changes)
    {
        changes = 0;
        var found = text.IndexOf("-\n", StringComparison.Ordinal);
        if (found < 0)
        {
            return false;
        }

        var copied = 0;
        while (found >= 0)
        {
            var next = found + 2;
            if (found > 0 && char.IsLower(text[found - 1]) && next < text.Length && char.IsLower(text[next]))
            {
                var wordStart = found - 1;
                while (wordStart > 0 && char.IsLetter(text[wordStart - 1]))
                {
                    wordStart--;
                }

                var keepHyphen = (wordStart > 0 && text[wordStart - 1] == '-') ||
                                 IsCompoundPrefix(text[wordStart..found]);
                builder.Append(text[copied..found]);
                if (keepHyphen)
                {
                    builder.Append('-');
                }

                copied = next;
                changes++;
            }

            found = next < text.Length ? IndexFrom(text, next) : -1;
        }

        if (changes == 0)
        {
            return false;
        }

        builder.Append(text[copied..]);
        return true;
    }

    private static int IndexFrom(ReadOnlySpan<char> text, int start)
    {
        var found = text[start..].IndexOf("-\n", StringComparison.Ordinal);
        return found < 0 ? -1 : start + found;
    }

    // The prefixes are lower-case ASCII; a word longer than any of them cannot match.
    private static bool IsCompoundPrefix(ReadOnlySpan<char> word)
    {
        if (word.Length > 8)
        {
            return false;
        }

        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        return CompoundPrefixes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower);
    }
}
