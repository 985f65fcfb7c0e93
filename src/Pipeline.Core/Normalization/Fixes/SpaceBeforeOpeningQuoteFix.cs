using System.Buffers;

namespace Pipeline.Core.Normalization.Fixes;

/// <summary>
/// Inserts the space missing between a word and an opening quote glued to it (<c>magazine“New</c> to
/// <c>magazine “New</c>). Applies to “ and « when a letter or digit follows them, and to ‘ only when a capital or a digit
/// follows (a lowercase letter after ‘ is usually a mistyped apostrophe, as in <c>don‘t</c>). ’ and ” are closing marks
/// and apostrophes and are never touched; so are “ and « followed by a space or punctuation, which is how German (“) and
/// Scandinavian (») texts close quotes, and “ after an unmatched „ on the same line.
/// </summary>
public sealed class SpaceBeforeOpeningQuoteFix : ISpanTextFix
{
    private static readonly SearchValues<char> OpeningQuotes = SearchValues.Create("“‘«");

    /// <inheritdoc />
    public string Name => FixNames.SpaceBeforeOpeningQuote;

    /// <inheritdoc />
    public string Apply(string text, out int changes) => SpanTextFix.Apply(this, text, out changes);

    /// <inheritdoc />
    bool ISpanTextFix.TryApply(ReadOnlySpan<char> text, PooledCharBuffer builder, out int changes) =>
        SpaceInsertion.TryInsert(text, OpeningQuotes, static (t, i) => IsGluedOpeningQuote(t, i) ? i : -1, builder, out changes);

    private static bool IsGluedOpeningQuote(ReadOnlySpan<char> text, int i)
    {
        if (i == 0 || i + 1 >= text.Length || !char.IsLetterOrDigit(text[i - 1]))
        {
            return false;
        }

        var after = text[i + 1];
        if (text[i] == '“' && ClosesGermanQuote(text, i))
        {
            return false;
        }

        return text[i] == '‘' ? char.IsUpper(after) || char.IsDigit(after) : char.IsLetterOrDigit(after);
    }

    // In German „…“ the “ closes: an unmatched „ earlier on the line (within a bounded window) means this one closes.
    private static bool ClosesGermanQuote(ReadOnlySpan<char> text, int i)
    {
        var windowStart = Math.Max(0, i - 400);
        var last = text.Slice(windowStart, i - windowStart).LastIndexOfAny('„', '“', '\n');
        return last >= 0 && text[windowStart + last] == '„';
    }
}
