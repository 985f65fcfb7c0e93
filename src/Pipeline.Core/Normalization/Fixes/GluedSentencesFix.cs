using System.Buffers;
using System.Collections.Frozen;

namespace Pipeline.Core.Normalization.Fixes;

/// <summary>
/// Inserts the space missing after a sentence end (<c>ceasefire.It</c> to <c>ceasefire. It</c>, <c>said.”The</c> to
/// <c>said.” The</c>). A space is inserted after <c>.</c>, <c>!</c> or <c>?</c> (optionally followed by one closing quote
/// or bracket) when:
/// the two characters before the mark are letters and the one right before it is lowercase (so initials and
/// abbreviations such as <c>U.S.</c>, <c>J.R.R.</c>, <c>Ph.D.</c>, <c>e.g.</c> and numbers such as <c>3.5</c> are left
/// alone); the next character is uppercase and the one after it lowercase (<c>U.S.Army</c> style initialisms stay);
/// the surrounding token contains no <c>://</c>, <c>@</c> or <c>www.</c> (URLs, e-mail addresses); the word after is not
/// followed by <c>.</c> and a lowercase letter (<c>foo.Bar.com</c>); and the word after is not a file extension or
/// top-level domain (<c>index.Html</c>, <c>Amazon.Com</c>). A full stop after a number that stands alone as a word
/// counts as a sentence end too (<c>in 1978.The</c>), while <c>3.5</c>, <c>v2.0</c>, <c>No.5</c>, <c>1.2.3</c>, times and
/// IP addresses are left alone (a digit, not an uppercase letter, follows; or the digits are glued to a letter or dot).
/// </summary>
public sealed class GluedSentencesFix : ISpanTextFix
{
    private const int TokenScanLimit = 256;

    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create(".!?");
    private static readonly SearchValues<char> TokenBreaks = SearchValues.Create(" \n\t");

    private static readonly FrozenSet<string> Suffixes = FrozenSet.ToFrozenSet(
        ["com", "org", "edu", "gov", "html", "htm", "php", "asp", "aspx", "jsp", "json", "xml", "pdf", "txt", "md", "csv",
         "docx", "xlsx", "pptx", "jpg", "jpeg", "png", "gif", "svg", "exe", "dll", "cs", "py", "js", "ts", "yaml", "yml"],
        StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public string Name => FixNames.GluedSentences;

    /// <inheritdoc />
    public string Apply(string text, out int changes) => SpanTextFix.Apply(this, text, out changes);

    /// <inheritdoc />
    bool ISpanTextFix.TryApply(ReadOnlySpan<char> text, PooledCharBuffer builder, out int changes) =>
        SpaceInsertion.TryInsert(text, SentenceEnds, GluedSentenceStart, builder, out changes);

    /// <summary>Where the glued sentence after the mark at <paramref name="mark"/> starts, or -1 when it is not one.</summary>
    private static int GluedSentenceStart(ReadOnlySpan<char> text, int mark)
    {
        if (mark < 2 || !(char.IsLower(text[mark - 1]) && char.IsLetter(text[mark - 2])) && !EndsStandaloneNumber(text, mark))
        {
            return -1;
        }

        var next = mark + 1;
        if (next < text.Length && text[next] is '”' or '’' or '"' or '»' or ')' or ']')
        {
            next++;
        }

        if (next + 1 >= text.Length || !char.IsUpper(text[next]) || !char.IsLower(text[next + 1]))
        {
            return -1;
        }

        var wordEnd = next + 2;
        while (wordEnd < text.Length && char.IsLetter(text[wordEnd]))
        {
            wordEnd++;
        }

        if (wordEnd + 1 < text.Length && text[wordEnd] == '.' && char.IsLower(text[wordEnd + 1]))
        {
            return -1; // foo.Bar.com
        }

        if (text[mark] == '.' && (wordEnd >= text.Length || !char.IsLetterOrDigit(text[wordEnd])) &&
            Suffixes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.Slice(next, wordEnd - next)))
        {
            return -1; // index.Html, Booking.Com
        }

        return IsInsideUrlOrEmail(text, mark) ? -1 : next;
    }

    /// <summary>
    /// True when a full stop at <paramref name="mark"/> ends a number that stands alone as a word ("in 1978.The",
    /// "March 14.Construction"): the digits (with thousands commas) start after a space, an opening bracket or the
    /// start of the text. Digits glued to a letter or a dot ("v2.", "No.5.", "1.2.3.") are versions, labels or
    /// section numbers, and only a full stop (not "!" or "?") counts.
    /// </summary>
    private static bool EndsStandaloneNumber(ReadOnlySpan<char> text, int mark)
    {
        if (text[mark] != '.' || !char.IsAsciiDigit(text[mark - 1]))
        {
            return false;
        }

        var k = mark - 1;
        while (k >= 0 && (char.IsAsciiDigit(text[k]) || (text[k] == ',' && k > 0 && char.IsAsciiDigit(text[k - 1]))))
        {
            k--;
        }

        return k < 0 || text[k] is ' ' or '\n' or '\t' or '(' or '\u00A0';
    }

    private static bool IsInsideUrlOrEmail(ReadOnlySpan<char> text, int mark)
    {
        var from = Math.Max(0, mark - TokenScanLimit);
        var before = text.Slice(from, mark - from);
        var tokenStart = before.LastIndexOfAny(TokenBreaks) + 1;
        var to = Math.Min(text.Length, mark + TokenScanLimit);
        var after = text.Slice(mark, to - mark);
        var tokenEnd = after.IndexOfAny(TokenBreaks);
        var token = text.Slice(from + tokenStart, (mark - from - tokenStart) + (tokenEnd < 0 ? after.Length : tokenEnd));
        return token.Contains("://", StringComparison.Ordinal) || token.Contains('@') ||
               token.Contains("www.", StringComparison.OrdinalIgnoreCase);
    }
}
