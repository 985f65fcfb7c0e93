using System.Buffers;

namespace Pipeline.Core.Normalization.Fixes;

/// <summary>
/// Collapses each run of spaces and tabs into one space, removes spaces at the start and end of lines, turns three or
/// more line breaks into two (a blank line separates paragraphs; single line breaks are kept for the structure stage)
/// and trims the whole text. One count per whitespace run changed.
/// </summary>
public sealed class WhitespaceFix : ISpanTextFix
{
    private static readonly SearchValues<char> Spaces = SearchValues.Create(" \t\n");

    /// <inheritdoc />
    public string Name => FixNames.Whitespace;

    /// <inheritdoc />
    public string Apply(string text, out int changes) => SpanTextFix.Apply(this, text, out changes);

    /// <inheritdoc />
    bool ISpanTextFix.TryApply(ReadOnlySpan<char> text, PooledCharBuffer builder, out int changes)
    {
        changes = 0;
        if (!NeedsWork(text))
        {
            return false;
        }

        var copied = 0; // text[..copied] is already in builder (or unchanged so far)
        var position = 0;
        while (position < text.Length)
        {
            var offset = text[position..].IndexOfAny(Spaces);
            if (offset < 0)
            {
                break;
            }

            var start = position + offset;
            var end = start;
            var newlines = 0;
            while (end < text.Length && text[end] is ' ' or '\t' or '\n')
            {
                if (text[end] == '\n')
                {
                    newlines++;
                }

                end++;
            }

            var replacement = start == 0 || end == text.Length ? string.Empty
                : newlines == 0 ? " "
                : newlines == 1 ? "\n"
                : "\n\n";
            if (!text[start..end].SequenceEqual(replacement))
            {
                builder.Append(text[copied..start]).Append(replacement);
                copied = end;
                changes++;
            }

            position = end;
        }

        if (changes == 0)
        {
            return false;
        }

        builder.Append(text[copied..]);
        return true;
    }

    private static bool NeedsWork(ReadOnlySpan<char> span)
    {
        if (span.Length == 0)
        {
            return false;
        }

        return span[0] is ' ' or '\t' or '\n' || span[^1] is ' ' or '\t' or '\n' ||
               span.Contains('\t') || span.IndexOf("  ") >= 0 || span.IndexOf(" \n") >= 0 ||
               span.IndexOf("\n ") >= 0 || span.IndexOf("\n\n\n") >= 0;
    }
}
