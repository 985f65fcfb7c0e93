using System.Buffers;

namespace Pipeline.Core.Normalization.Fixes;

/// <summary>
/// Turns CRLF, CR, NEL (U+0085), LINE SEPARATOR (U+2028), PARAGRAPH SEPARATOR (U+2029), vertical tab and form feed
/// into <c>\n</c>. A paragraph separator becomes a blank line, since it separates paragraphs. Each break counts once.
/// </summary>
public sealed class LineEndingsFix : ISpanTextFix
{
    private static readonly SearchValues<char> Breaks = SearchValues.Create("\r\u0085\u2028\u2029\v\f");

    /// <inheritdoc />
    public string Name => FixNames.LineEndings;

    /// <inheritdoc />
    public string Apply(string text, out int changes) => SpanTextFix.Apply(this, text, out changes);

    /// <inheritdoc />
    bool ISpanTextFix.TryApply(ReadOnlySpan<char> text, PooledCharBuffer builder, out int changes)
    {
        changes = 0;
        var next = text.IndexOfAny(Breaks);
        if (next < 0)
        {
            return false;
        }

        var start = 0;
        while (next >= 0)
        {
            var i = start + next;
            builder.Append(text[start..i]);
            changes++;
            switch (text[i])
            {
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    builder.Append('\n');
                    i++;
                    break;
                case '\u2029':
                    builder.Append("\n\n");
                    break;
                default:
                    builder.Append('\n');
                    break;
            }

            start = i + 1;
            next = text[start..].IndexOfAny(Breaks);
        }

        builder.Append(text[start..]);
        return true;
    }
}
