namespace Pipeline.Core.Metadata.Shared;

/// <summary>Word helpers over spans, for look-ups that must not allocate.</summary>
internal static class SpanWords
{
    /// <summary>
    /// Writes the space-separated words of <paramref name="source"/> into <paramref name="target"/> (at least as
    /// long), joined by single spaces, and returns the length written.
    /// </summary>
    public static int JoinSingleSpaced(ReadOnlySpan<char> source, Span<char> target)
    {
        var length = 0;
        foreach (var range in source.Split(' '))
        {
            var word = source[range];
            if (word.IsEmpty)
            {
                continue;
            }

            if (length > 0)
            {
                target[length++] = ' ';
            }

            word.CopyTo(target[length..]);
            length += word.Length;
        }

        return length;
    }
}
