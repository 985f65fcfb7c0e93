using Pipeline.Core.Metadata.Entities.Classification;
using Pipeline.Core.Metadata.Shared;

using static Pipeline.Core.Metadata.Entities.Tokens.TokenText;

namespace Pipeline.Core.Metadata.Entities.Tokens;

/// <summary>
/// Finds the candidate names of a block: runs of adjacent capitalised words (particles such as "al", "de", "of"
/// inside), cut at sentence openers, capitalised common words and conjunctions between places, each handed to
/// <see cref="EntityClassifier"/>.
/// </summary>
internal static class CandidateRuns
{
    /// <summary>
    /// Reads the runs of block <paramref name="s"/> (<paramref name="tokens"/> from <see cref="EntityTokenizer"/>) into
    /// <paramref name="scratch"/>'s mentions; in a heading or a quoted title (<paramref name="titleCaseBlock"/>, where
    /// every word is capitalised) only gazetteer names count.
    /// </summary>
    public static void ReadBlock(ReadOnlySpan<char> s, List<EntityToken> tokens, long basePosition, bool titleCaseBlock, EntityScratch scratch)
    {
        var mentions = scratch.Mentions;
        var quotedTitleEnd = -1;
        var lastPlaceEnd = -1;
        var i = 0;
        while (i < tokens.Count)
        {
            if (!tokens[i].Capitalised)
            {
                i++;
                continue;
            }

            // Gather a run of adjacent capitalised words, with particles ("al", "de", "of") inside.
            var first = i;
            var last = i;
            var j = i;
            while ((!tokens[j].BreakAfter || PossessiveInsideOrganization(s, tokens, j)) && j + 1 < tokens.Count && Adjacent(s, tokens[j], tokens[j + 1]) && !tokens[j + 1].SentenceStart)
            {
                var next = tokens[j + 1];
                if (next.Capitalised)
                {
                    j++;
                    last = j;
                    continue;
                }

                var nextText = TokenText.Text(s, next);
                if ((PersonNames.IsParticle(nextText) || EntityCues.IsRunConnector(nextText)) && j + 2 < tokens.Count &&
                    tokens[j + 2].Capitalised && Adjacent(s, next, tokens[j + 2]))
                {
                    j += 2;
                    last = j;
                    continue;
                }

                break;
            }

            if (tokens[first].Start > quotedTitleEnd && IsTitleCaseQuote(s, tokens[first].Start, out var end))
            {
                quotedTitleEnd = end;
            }

            var gazetteerOnly = titleCaseBlock || tokens[first].Start < quotedTitleEnd;
            var mentionsBefore = mentions.Count;
            ReadRun(s, tokens, first, last, basePosition, gazetteerOnly, scratch);
            if (mentions.Count > mentionsBefore && mentions[^1].Kind == EntityKind.Place)
            {
                lastPlaceEnd = tokens[last].End;
            }
            else if (!gazetteerOnly && first == last && mentions.Count == mentionsBefore && ContextRules.IsNextInPlaceList(s, tokens, first, lastPlaceEnd))
            {
                mentions.Add(new EntityMention(scratch.Intern(TokenText.Text(s, tokens[first])), EntityKind.Place, basePosition + tokens[first].Start, false));
                lastPlaceEnd = tokens[first].End;
            }

            i = last + 1;
        }
    }

    /// <summary>True when a quotation opens just before <paramref name="at"/> and reads as a title (most words capitalised).</summary>
    private static bool IsTitleCaseQuote(ReadOnlySpan<char> s, int at, out int end)
    {
        end = -1;
        var open = at - 1;
        while (open >= 0 && s[open] == ' ')
        {
            open--;
        }

        if (open < 0 || s[open] is not ('"' or '“' or '«' or '„'))
        {
            return false;
        }

        var close = s[at..].IndexOfAny("\"”»“");
        if (close < 0)
        {
            return false;
        }

        end = at + close;
        int words = 0, capitals = 0;
        var quote = s.Slice(at, close);
        foreach (var word in quote.Split(' '))
        {
            var w = quote[word];
            if (w.Length >= 4)
            {
                words++;
                capitals += char.IsUpper(w[0]) ? 1 : 0;
            }
        }

        return words >= 3 && capitals * 10 >= words * 7;
    }

    /// <summary>Cuts one run into its candidate names and classifies each.</summary>
    private static void ReadRun(ReadOnlySpan<char> s, List<EntityToken> tokens, int first, int last, long basePosition, bool gazetteerOnly, EntityScratch scratch)
    {
        // A run that a gazetteer names as a whole is kept whole ("North Africa", "Al Qaeda").
        Span<char> buffer = stackalloc char[PhraseBufferLength];
        if (first < last && EntityClassifier.IsGazetteerName(PhraseSpan(s, tokens, first, last, buffer)))
        {
            EntityClassifier.Classify(s, tokens, first, last, basePosition, gazetteerOnly, scratch);
            return;
        }

        // A run shaped like an organisation ("High Desert Fire Protection District") keeps its common words; only
        // leading ones ("The", a sentence opener) are dropped.
        var from = first;
        while (from < last && EntityClassifier.IsCommonWord(TokenText.Text(s, tokens[from])) && (tokens[from].SentenceStart || EntityCues.IsFunctionWord(TokenText.Text(s, tokens[from]))))
        {
            from++;
        }

        // "Shares of Acme Devices", "Members of the Dock Union": a sentence opener and "of" are not part of the name.
        if (from + 2 < last && tokens[from].SentenceStart && TokenText.Text(s, tokens[from + 1]) is "of" && ShapeRules.IsOrganizationRun(s, tokens, from + 2, last))
        {
            from += 2;
        }

        if (ShapeRules.IsOrganizationRun(s, tokens, from, last))
        {
            EntityClassifier.Classify(s, tokens, from, last, basePosition, gazetteerOnly, scratch);
            return;
        }

        if (SplitAtConjunctionBetweenPlaces(s, tokens, first, last) is { } conjunction)
        {
            EntityClassifier.Classify(s, tokens, first, conjunction - 1, basePosition, gazetteerOnly, scratch);
            EntityClassifier.Classify(s, tokens, conjunction + 1, last, basePosition, gazetteerOnly, scratch);
            return;
        }

        // Split the run at capitalised common words ("Libya To Syrian Rebels", "However Damascus").
        var start = first;
        for (var k = first; k <= last + 1; k++)
        {
            var split = k > last || (tokens[k].Capitalised && EntityClassifier.IsCommonWord(TokenText.Text(s, tokens[k])) && !IsInsideName(s, tokens, last, k) && !EntityClassifier.IsTrailingSurname(s, tokens, first, last, k));
            if (!split)
            {
                continue;
            }

            if (k > start)
            {
                EntityClassifier.Classify(s, tokens, start, k - 1, basePosition, gazetteerOnly, scratch);
            }

            start = k + 1;
        }
    }

    // The longest particle: a longer word is not lowercased to be looked up among them.
    private static readonly int MaxParticleLength = PersonNames.Particles.Max(p => p.Length);

    // A common word that begins a gazetteer name ("North Africa", "The Hague") or a name particle ("Al", "El", "De") is kept.
    private static bool IsInsideName(ReadOnlySpan<char> s, List<EntityToken> tokens, int last, int k)
    {
        if (k >= last)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[PhraseBufferLength];
        var text = TokenText.Text(s, tokens[k]);

        // Lowercasing keeps the length, so a word longer than every particle is none of them.
        if (text.Length <= MaxParticleLength)
        {
            var lower = buffer[..text.Length];
            text.ToLowerInvariant(lower);
            if (PersonNames.IsParticle(lower))
            {
                return true;
            }
        }

        for (var n = k + 1; n <= Math.Min(last, k + 3); n++)
        {
            if (EntityClassifier.IsGazetteerName(JoinedTexts(s, tokens, k, n, buffer)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when token <paramref name="j"/> ends in "'s" and the capitalised words after it end an organisation ("Sheriff's Office").</summary>
    private static bool PossessiveInsideOrganization(ReadOnlySpan<char> s, List<EntityToken> tokens, int j)
    {
        var token = tokens[j];
        var text = TokenText.Text(s, token);
        if (token.End - token.Start != text.Length + 2 || s[token.End - 1] != 's')
        {
            return false;
        }

        for (var k = j + 1; k < tokens.Count && k <= j + 3 && tokens[k].Capitalised && Adjacent(s, tokens[k - 1], tokens[k]); k++)
        {
            var word = TokenText.Text(s, tokens[k]);
            if (OrganizationGazetteer.IsSuffix(word) || EntityCues.IsOrganizationShape(text, word, false))
            {
                return k == tokens.Count - 1 || !tokens[k + 1].Capitalised || !Adjacent(s, tokens[k], tokens[k + 1]) || tokens[k].BreakAfter;
            }

            if (tokens[k].BreakAfter)
            {
                break;
            }
        }

        return false;
    }

    /// <summary>"Córdoba y Jaén", "Lyon et Nantes": a conjunction inside a run between two known places splits it.</summary>
    private static int? SplitAtConjunctionBetweenPlaces(ReadOnlySpan<char> s, List<EntityToken> tokens, int first, int last)
    {
        Span<char> buffer = stackalloc char[PhraseBufferLength];
        for (var k = first + 1; k < last; k++)
        {
            if (!tokens[k].Capitalised && EntityCues.IsConjunctionBetweenPlaces(TokenText.Text(s, tokens[k])) &&
                PlaceGazetteer.Find(PhraseSpan(s, tokens, first, k - 1, buffer)) is not null &&
                PlaceGazetteer.Find(PhraseSpan(s, tokens, k + 1, last, buffer)) is not null)
            {
                return k;
            }
        }

        return null;
    }
}
