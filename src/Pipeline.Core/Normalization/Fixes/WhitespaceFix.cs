using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Pipeline.Core.Normalization.Fixes;

/// <summary>
/// Collapses each run of spaces and tabs into one space, removes spaces at the start and end of lines, turns three or
/// more line breaks into two (a blank line separates paragraphs; single line breaks are kept for the structure stage)
/// and trims the whole text. One count per whitespace run changed.
/// </summary>
public sealed class WhitespaceFix : ISpanTextFix
{


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
            // Only a run at either end or one with a tab or two whitespace characters in it changes, so the search goes
            // straight to the next of those (most runs are one space) and then back to where its run starts.
            int start;
            if (position == 0 && IsSpace(text[0]))
            {
                start = 0;
            }
            else
            {
                var offset = IndexOfTrouble(text[position..]);
                if (offset < 0 && !IsSpace(text[^1]))
                {
                    break;
                }

                start = offset < 0 ? text.Length : position + offset;
                while (start > position && IsSpace(text[start - 1]))
                {
                    start--;
                }
            }

            var end = start;
            var newlines = 0;
            while (end < text.Length && IsSpace(text[end]))
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

    /// <summary>
    /// Where the first tab or whitespace pair is: what a run that changes has in it (a run at either end aside). A
    /// string search for the pairs keeps stopping at every space; comparing each character with its neighbour does not.
    /// </summary>
    private static int IndexOfTrouble(ReadOnlySpan<char> text)
    {
        var i = 0;
        if (Vector128.IsHardwareAccelerated && text.Length > Vector128<ushort>.Count)
        {
            var chars = MemoryMarshal.Cast<char, ushort>(text);
            var space = Vector128.Create((ushort)' ');
            var tab = Vector128.Create((ushort)'\t');
            var newline = Vector128.Create((ushort)'\n');
            for (; i + Vector128<ushort>.Count < chars.Length; i += Vector128<ushort>.Count)
            {
                var here = Vector128.Create(chars.Slice(i, Vector128<ushort>.Count));
                var next = Vector128.Create(chars.Slice(i + 1, Vector128<ushort>.Count));
                var isTab = Vector128.Equals(here, tab);
                var spaceHere = Vector128.Equals(here, space) | Vector128.Equals(here, newline) | isTab;
                var spaceNext = Vector128.Equals(next, space) | Vector128.Equals(next, newline) | Vector128.Equals(next, tab);
                var trouble = isTab | (spaceHere & spaceNext);
                if (trouble != Vector128<ushort>.Zero)
                {
                    return i + BitOperations.TrailingZeroCount(trouble.ExtractMostSignificantBits());
                }
            }
        }

        for (; i < text.Length; i++)
        {
            if (text[i] == '\t' || (IsSpace(text[i]) && i + 1 < text.Length && IsSpace(text[i + 1])))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n';

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
