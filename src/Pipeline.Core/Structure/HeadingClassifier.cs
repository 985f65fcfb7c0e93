namespace Pipeline.Core.Structure;

/// <summary>
/// Decides which paragraphs are headings and whether the first is a title. A heading reads as a title:
/// short, no closing sentence punctuation, starts with a capital, not a quotation, list item or byline;
/// and it sits between body paragraphs (at most <see cref="StructureOptions.MaxHeadingRun"/> in a row, then body text).
/// </summary>
internal static class HeadingClassifier
{
    private static readonly HashSet<string> DateWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "updated", "published",
    };

    /// <summary>Punctuation that makes a token a non-word (a lone dash or bullet).</summary>
    private static readonly System.Buffers.SearchValues<char> NonWordChars =
        System.Buffers.SearchValues.Create("-–—-•*·|/\\:;,.!?\"'“”‘’()[]{}<>&+=#~_");

    /// <summary>Fills <paramref name="kinds"/> from which paragraphs are heading-like (<see cref="IsHeadingLike"/>).</summary>
    public static void Classify(ReadOnlySpan<bool> like, Span<BlockKind> kinds, StructureOptions options)
    {
        var n = like.Length;
        kinds[..n].Fill(BlockKind.Paragraph);

        for (var start = 0; start < n; start++)
        {
            if (!like[start])
            {
                continue;
            }

            var end = start;
            while (end + 1 < n && like[end + 1])
            {
                end++;
            }

            var followedByBody = end + 1 < n;
            var first = start;
            if (start == 0 && options.DetectTitle && followedByBody && end < options.MaxHeadingRun + 1)
            {
                kinds[0] = BlockKind.Title;
                first = 1;
            }

            if (followedByBody && end - first + 1 <= options.MaxHeadingRun)
            {
                for (var i = Math.Max(first, 1); i <= end; i++)
                {
                    kinds[i] = BlockKind.Heading;
                }
            }

            start = end;
        }
    }

    public static bool IsHeadingLike(ReadOnlySpan<char> line, StructureOptions options)
    {
        if (line.Length == 0 || line.Length > options.MaxHeadingLength)
        {
            return false;
        }

        var firstChar = line[0];
        if (!(char.IsUpper(firstChar) || char.IsDigit(firstChar)))
        {
            return false; // quotations, bullets, lower-case continuations
        }

        if (EndsWithPunctuation(line))
        {
            return false;
        }

        int words = 0, alphaWords = 0, dateLike = 0;
        var lookup = DateWords.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in line.Split(' '))
        {
            var token = line[range];
            if (token.IsEmpty || !token.ContainsAnyExcept(NonWordChars))
            {
                continue;
            }

            words++;
            if (char.IsLetter(token[0]))
            {
                alphaWords++;
                if (lookup.Contains(token.TrimEnd(",.")))
                {
                    dateLike++;
                }
            }
            else
            {
                dateLike++;
            }
        }

        if (words == 0 || words > options.MaxHeadingWords || alphaWords == dateLike || dateLike * 2 > words)
        {
            return false; // too long, or a dateline such as "November 18, 2015"
        }

        // "By Jane Doe", "Von Max Muster", "Posted on 2022-01-05" credit or date the article; they are not headings.
        return !BylineOrDatelineLine.Matches(line);
    }

    /// <summary>True when the line, before any closing quotes or brackets, ends in sentence punctuation.</summary>
    private static bool EndsWithPunctuation(ReadOnlySpan<char> line)
    {
        var end = line.Length - 1;
        while (end > 0 && line[end] is '"' or '\'' or '”' or '’' or ')' or ']' or '»')
        {
            end--;
        }

        return line[end] is '.' or '!' or '?' or ':' or ';' or ',' or '…';
    }
}
