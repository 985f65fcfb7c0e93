using System.Buffers;

namespace Pipeline.Core.Normalization.Fixes;

/// <summary>Where a space goes for the mark at <paramref name="mark"/>, or -1 for none.</summary>
internal delegate int SpaceInsertionPoint(ReadOnlySpan<char> text, int mark);

/// <summary>
/// The scan shared by the fixes that insert a missing space (glued sentences, a glued opening quote): find each
/// mark, ask where (if anywhere) the space goes, and copy the text with the spaces in, counting them.
/// </summary>
internal static class SpaceInsertion
{
    /// <summary>Copies <paramref name="text"/> into <paramref name="builder"/> with the spaces inserted; false (and nothing written) when none was needed.</summary>
    public static bool TryInsert(ReadOnlySpan<char> text, SearchValues<char> marks, SpaceInsertionPoint insertionPoint, PooledCharBuffer builder, out int changes)
    {
        changes = 0;
        var offset = text.IndexOfAny(marks);
        if (offset < 0)
        {
            return false;
        }

        var copied = 0;
        var i = offset;
        while (true)
        {
            var insertAt = insertionPoint(text, i);
            if (insertAt > 0)
            {
                builder.Append(text[copied..insertAt]).Append(' ');
                copied = insertAt;
                changes++;
            }

            var rest = i + 1 < text.Length ? text[(i + 1)..].IndexOfAny(marks) : -1;
            if (rest < 0)
            {
                break;
            }

            i += 1 + rest;
        }

        if (changes == 0)
        {
            return false;
        }

        builder.Append(text[copied..]);
        return true;
    }
}
