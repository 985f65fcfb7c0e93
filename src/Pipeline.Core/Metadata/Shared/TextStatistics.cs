using System.Collections.Frozen;
using Pipeline.Core.Structure;

namespace Pipeline.Core.Metadata.Shared;

/// <summary>Counts words, characters, paragraphs and sentences of a document's clean text.</summary>
internal static class TextStatistics
{
    // Words before a period that do not end a sentence (titles, months, Latin abbreviations, in several languages).
    private static readonly FrozenSet<string> Abbreviations = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "sra", "srta", "vs", "etc", "e.g", "i.e", "cf", "al",
        "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "rep", "sen", "gov", "pres", "rev", "hon", "messrs", "mme", "mlle",
        "inc", "ltd", "co", "corp", "no", "nr", "nos", "vol", "pp", "fig", "approx", "dept", "est", "ca", "av", "ave",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "z.b", "bzw", "usw", "ggf", "vgl", "ca", "u.a", "d.h", "evtl", "str", "hr", "fr", "mio", "mrd", "tel", "p.ej", "ud", "uds");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words: runs of letters and digits; an apostrophe or hyphen between two of them joins the run.</summary>
    public static int CountWords(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c) || (inWord && IsJoiner(c) && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])))
            {
                if (!inWord)
                {
                    count++;
                    inWord = true;
                }
            }
            else if (c < 128 || (!char.IsSurrogate(c) && !IsCombining(c)))
            {
                inWord = false;
            }
        }

        return count;
    }

    /// <summary>Sentences: a terminal mark followed by a space and a capital (or the end of a block) closes one.</summary>
    public static int CountSentences(StructuredText text)
    {
        var count = 0;
        var blocks = text.Blocks;
        for (var b = 0; b < blocks.Count; b++)
        {
            count += CountSentences(blocks[b].Span);
        }

        return count;
    }

    /// <summary>Sentences in one block; a block with words and no terminal mark is one sentence.</summary>
    public static int CountSentences(ReadOnlySpan<char> s)
    {
        var count = 0;
        var pendingWords = false;
        for (var i = 0; i < s.Length; i++)
        {
            // Straight to the next terminal mark; the words before it are looked for only when none are pending yet.
            var next = s[i..].IndexOfAny(SentenceMarks);
            var segment = next < 0 ? s[i..] : s.Slice(i, next);
            pendingWords = pendingWords || HasLetterOrDigit(segment);
            if (next < 0)
            {
                break;
            }

            i += next;
            var c = s[i];
            if (!pendingWords)
            {
                continue;
            }

            // Skip a run of marks and closing quotes or brackets ("?!", ".)", ".”").
            var j = i + 1;
            while (j < s.Length && (s[j] is '.' or '!' or '?' or '…' or '"' or '\'' or '”' or '’' or '»' or ')' or ']'))
            {
                j++;
            }

            if (j >= s.Length)
            {
                break; // End of block: counted below.
            }

            if (!char.IsWhiteSpace(s[j]))
            {
                continue; // 3.5, U.S., example.com
            }

            var k = j;
            while (k < s.Length && char.IsWhiteSpace(s[k]))
            {
                k++;
            }

            while (k < s.Length && (s[k] is '"' or '\'' or '“' or '‘' or '«' or '(' or '[' or '¿' or '¡' or '„'))
            {
                k++;
            }

            if (k >= s.Length || !(char.IsUpper(s[k]) || char.IsDigit(s[k])))
            {
                continue;
            }

            if (c == '.' && IsAbbreviationBefore(s, i))
            {
                continue;
            }

            count++;
            pendingWords = false;
            i = j - 1;
        }

        return pendingWords ? count + 1 : count;
    }

    private static readonly System.Buffers.SearchValues<char> SentenceMarks = System.Buffers.SearchValues.Create(".!?…。！？");

    // From the end: the word before a mark is usually right before it.
    private static bool HasLetterOrDigit(ReadOnlySpan<char> segment)
    {
        for (var k = segment.Length - 1; k >= 0; k--)
        {
            if (char.IsLetterOrDigit(segment[k]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAbbreviationBefore(ReadOnlySpan<char> s, int dot)
    {
        var start = dot;
        while (start > 0 && (char.IsLetter(s[start - 1]) || s[start - 1] == '.'))
        {
            start--;
        }

        var word = s[start..dot];
        if (word.Length == 0)
        {
            return false;
        }

        // An initial ("J. Smith") or a dotted acronym ("U.S.").
        if ((word.Length == 1 && char.IsUpper(word[0])) || (word.Length >= 3 && word[^2] == '.' && char.IsUpper(word[^1])))
        {
            return true;
        }

        return AbbreviationLookup.Contains(word);
    }

    private static bool IsJoiner(char c) => c is '\'' or '’' or '-' or '‐';

    private static bool IsCombining(char c)
    {
        var category = char.GetUnicodeCategory(c);
        return category is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;
    }
}
