using System.Buffers;

namespace Pipeline.Core.Normalization.Fixes;

/// <summary>
/// Turns tab, no-break space (U+00A0), Ogham space (U+1680), the typographic spaces U+2000-U+200A, narrow no-break space
/// (U+202F), medium mathematical space (U+205F) and ideographic space (U+3000) into a plain space. One count per character.
/// </summary>
public sealed class OddSpacesFix : ISpanTextFix
{
    private static readonly SearchValues<char> OddSpaces =
        SearchValues.Create("\t\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000");

    /// <inheritdoc />
    public string Name => FixNames.OddSpaces;

    /// <inheritdoc />
    public string Apply(string text, out int changes) => SpanTextFix.Apply(this, text, out changes);

    /// <inheritdoc />
    bool ISpanTextFix.TryApply(ReadOnlySpan<char> text, PooledCharBuffer builder, out int changes)
    {
        changes = 0;
        var first = text.IndexOfAny(OddSpaces);
        if (first < 0)
        {
            return false;
        }

        var count = 0;
        foreach (var c in text[first..])
        {
            if (OddSpaces.Contains(c))
            {
                count++;
            }
        }

        var span = builder.GetSpan(text.Length)[..text.Length];
        text.CopyTo(span);
        for (var i = first; i < span.Length; i++)
        {
            if (OddSpaces.Contains(span[i]))
            {
                span[i] = ' ';
            }
        }

        builder.Advance(text.Length);
        changes = count;
        return true;
    }
}
