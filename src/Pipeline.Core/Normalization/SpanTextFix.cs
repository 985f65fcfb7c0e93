namespace Pipeline.Core.Normalization;

/// <summary>
/// A built-in fix that reads a span and writes into a pooled buffer, so that <see cref="TextNormalizer"/> can chain the
/// fixes through two buffers and make one string per document however many fixes change something.
/// </summary>
internal interface ISpanTextFix : ITextFix
{
    /// <summary>Applies the fix to <paramref name="text"/>, writing the result into the empty <paramref name="output"/>.</summary>
    /// <param name="text">The text; must not overlap <paramref name="output"/>.</param>
    /// <param name="output">An empty buffer; its content is meaningless when the method returns <see langword="false"/>.</param>
    /// <param name="changes">How many places were changed; 0 when the method returns <see langword="false"/>.</param>
    /// <returns>Whether anything changed (and the result is in <paramref name="output"/>).</returns>
    bool TryApply(ReadOnlySpan<char> text, PooledCharBuffer output, out int changes);
}

/// <summary>The string path of <see cref="ITextFix.Apply"/> for the span-based built-in fixes.</summary>
internal static class SpanTextFix
{
    public static string Apply(ISpanTextFix fix, string text, out int changes)
    {
        ArgumentNullException.ThrowIfNull(text);
        var output = new PooledCharBuffer(text.Length + 16);
        if (fix.TryApply(text, output, out changes))
        {
            return output.ToStringAndRelease();
        }

        output.Release();
        changes = 0;
        return text;
    }
}
