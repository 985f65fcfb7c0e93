using System.Collections.Frozen;
using Pipeline.Core.Metadata.Shared;
using Pipeline.Core.Text;

using static Pipeline.Core.Metadata.Entities.Tokens.TokenText;

namespace Pipeline.Core.Metadata.Entities.Tokens;

/// <summary>
/// Cuts a block into word tokens: capitalised words (a possessive "'s" or a "-based" cut off, dotted acronyms kept
/// whole) with where sentences start, and lower-case words only as the context words they may be.
/// </summary>
internal static class EntityTokenizer
{
    /// <summary>Appends the tokens of block <paramref name="s"/> to <paramref name="tokens"/>.</summary>
    public static void Tokenise(ReadOnlySpan<char> s, List<EntityToken> tokens)
    {
        var sentenceStart = true;
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (c is '.' or '!' or '?' or ':' or '“' or '"' or '«' or '„' or '¿' or '¡' or '•' or '|')
                {
                    // A period after an abbreviation or initial does not start a sentence.
                    sentenceStart |= c != '.' || !(tokens.Count > 0 && tokens[^1].End == i && IsShortAbbreviation(TokenText.Text(s, tokens[^1])));
                }

                i++;
                continue;
            }

            // The word's hash for the context-word table is taken as it is read.
            var start = i;
            var hash = WordTable<bool>.EmptyHash;
            while (i < s.Length && (char.IsLetterOrDigit(s[i]) || (s[i] is '-' or '\'' or '’' && i + 1 < s.Length && char.IsLetterOrDigit(s[i + 1]))))
            {
                hash = AnyContextWord.Add(hash, s[i]);
                i++;
            }

            // Dotted acronyms: "U.S.", "U.K.".
            if (i - start == 1 && char.IsUpper(s[start]) && i + 2 < s.Length && s[i] == '.' && char.IsUpper(s[i + 1]))
            {
                while (i + 1 < s.Length && s[i] == '.' && char.IsUpper(s[i + 1]))
                {
                    i += 2;
                }

                if (i < s.Length && s[i] == '.')
                {
                    i++;
                }
            }

            var capitalStart = char.IsUpper(s[start]) || (i - start > 3 && s[start + 2] == '-' && char.IsUpper(s[start + 3]));
            if (!capitalStart)
            {
                // Lower-case words matter only as context; keep the shared instance of a known cue, else nothing.
                tokens.Add(new EntityToken(start, i, i - start, ContextWord(s[start..i], hash), false, sentenceStart, false, false));
                sentenceStart = false;
                continue;
            }

            // The word stays in place: only its length is cut.
            var span = s[start..i];
            var breakAfter = false;
            var based = false;

            // Possessives: "Turkey's" -> "Turkey".
            if (span.Length > 2 && (span.EndsWith("'s", StringComparison.Ordinal) || span.EndsWith("’s", StringComparison.Ordinal)))
            {
                span = span[..^2];
                breakAfter = true;
            }

            // "NATO-member", "Bangkok-based": the capitalised head is a word of its own and ends the run.
            var hyphen = span.LastIndexOf('-');
            if (hyphen > 0 && hyphen + 1 < span.Length && char.IsLower(span[hyphen + 1]) && char.IsUpper(span[0]) && !EntityCues.IsHyphenatedOrganizationWord(span))
            {
                based = span[(hyphen + 1)..].Equals("based", StringComparison.Ordinal);
                span = span[..hyphen];
                breakAfter = true;
            }

            var capitalised = char.IsUpper(span[0]) || (span.Length > 3 && span[2] == '-' && char.IsUpper(span[3]) && span[0] is 'a' or 'e');
            tokens.Add(new EntityToken(start, i, span.Length, null, capitalised, sentenceStart, breakAfter, based));
            sentenceStart = false;
        }
    }

    private static readonly FrozenSet<string>[] ContextSets =
        [EntityCues.PersonCuesBefore, EntityCues.PersonCuesAfter, EntityCues.PlaceCuesBefore, PersonNames.Particles, EntityCues.RunConnectors];

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>>[] ContextLookups =
        ContextSets.Select(set => set.GetAlternateLookup<ReadOnlySpan<char>>()).ToArray();

    // Every word of the context sets and of EntityCues' context words, ignoring case: most lower-case tokens are in
    // none, and this one lookup tells so instead of six. Its value is the word's index in LowerContextWords.
    private static readonly string[] ContextKeys = [.. ContextSets.SelectMany(set => set).Concat(EntityCues.ContextWordList)];

    private static readonly WordTable<int> AnyContextWord = new(ContextKeys.Select(KeyValuePair.Create), WordTableCase.IgnoreCase);

    // Each key in lower case and the answer for exactly that word, worked out once: running text writes its context
    // words in lower case ("said", "of", "in"), and the six set lookups of a hit cost more than the rest of the token.
    // Any other spelling ("oF") is looked up as before, since the sets do not all ignore case.
    private static readonly (string Spelling, string Answer)[] LowerContextWords =
        [.. ContextKeys.Select(k => k.ToLowerInvariant()).Select(lower => (lower, LookUpContextWord(lower)))];

    /// <summary>The shared instance of <paramref name="word"/> when it is a known context word, else "".</summary>
    private static string ContextWord(ReadOnlySpan<char> word, uint hash)
    {
        if (!AnyContextWord.TryGetValue(word, hash, out var key))
        {
            return "";
        }

        var (spelling, answer) = LowerContextWords[key];
        return word.SequenceEqual(spelling) ? answer : LookUpContextWord(word);
    }

    /// <summary>The shared instance of <paramref name="word"/> from the first context set that holds it, else "".</summary>
    private static string LookUpContextWord(ReadOnlySpan<char> word)
    {
        foreach (var lookup in ContextLookups)
        {
            if (lookup.TryGetValue(word, out var known))
            {
                return known;
            }
        }

        return EntityCues.ContextWord(word) ?? "";
    }

    // A period after one of these (an initial, a title, a month) does not end the sentence: "Mr. Smith", "Jan. 5".
    private static bool IsShortAbbreviation(ReadOnlySpan<char> word) =>
        (word.Length == 1 && char.IsUpper(word[0])) || word.Contains('.') ||
        word is "Mr" or "Mrs" or "Ms" or "Dr" or "Prof" or "St" or "Gen" or "Col" or "Lt" or "Sen" or "Rep" or "Gov" or "Sept" or "Jan" or "Feb" or "Aug" or "Oct" or "Nov" or "Dec" or "M" or "Sr" or "Sra" or "Jr" or "No";
}
