using System.Collections.Frozen;
using Pipeline.Core.Metadata.Shared;

namespace Pipeline.Core.Metadata.Entities;

/// <summary>
/// The shape and context rules of <see cref="EntityExtractor"/>: organisations and places told by their first or last
/// word, acronyms defined in brackets, sports clubs with a founding number, roles after a comma, place and
/// organisation nouns before a name.
/// </summary>
internal static partial class EntityExtractor
{
    // English function words that may open a capitalised run without being part of the name ("The", "A").
    private static readonly FrozenSet<string> FunctionWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "is", "was", "le", "la", "les", "el", "los", "las", "der", "die", "das", "des", "dem", "den");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FunctionWordLookup = FunctionWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when tokens <paramref name="first"/>..<paramref name="last"/> (two or more) are shaped like an organisation.</summary>
    private static bool IsOrganizationRun(ReadOnlySpan<char> s, List<Token> tokens, int first, int last)
    {
        if (last <= first)
        {
            return false;
        }

        var hasOf = false;
        for (var k = first + 1; k < last; k++)
        {
            hasOf |= Text(s, tokens[k]) is "of";
        }

        return EntityCues.IsOrganizationShape(Text(s, tokens[first]), Text(s, tokens[last]), hasOf);
    }

    private static bool IsFunctionWord(ReadOnlySpan<char> word) => FunctionWordLookup.Contains(word);

    /// <summary>
    /// A capitalised common word that ends a two-word run after a name-shaped word, mid-sentence, is a surname
    /// ("Ineke Vos", "Ana Mai"), not a word of the sentence.
    /// </summary>
    private static bool IsTrailingSurname(ReadOnlySpan<char> s, List<Token> tokens, int first, int last, int k)
    {
        if (k != last || k != first + 1 || tokens[first].SentenceStart)
        {
            return false;
        }

        var firstText = Text(s, tokens[first]);
        var text = Text(s, tokens[k]);
        return !IsCommonWord(firstText) && !IsFunctionWord(text) && !IsAllCaps(text) && !IsAllCaps(firstText) &&
               PlaceGazetteer.Find(firstText) is null && !PlaceGazetteer.IsDemonym(firstText);
    }

    /// <summary>True when token <paramref name="j"/> ends in "'s" and the capitalised words after it end an organisation ("Sheriff's Office").</summary>
    private static bool PossessiveInsideOrganization(ReadOnlySpan<char> s, List<Token> tokens, int j)
    {
        var token = tokens[j];
        var text = Text(s, token);
        if (token.End - token.Start != text.Length + 2 || s[token.End - 1] != 's')
        {
            return false;
        }

        for (var k = j + 1; k < tokens.Count && k <= j + 3 && tokens[k].Capitalised && Adjacent(s, tokens[k - 1], tokens[k]); k++)
        {
            var word = Text(s, tokens[k]);
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

    /// <summary>
    /// Classifies a run by its shape alone: an organisation by its first or last word or by an acronym defined right
    /// after it, a place by its first or last word. Returns false when the shape says nothing.
    /// </summary>
    private static bool ClassifyByShape(ReadOnlySpan<char> s, List<Token> tokens, int first, int last, long basePosition, bool demonymBefore, EntityScratch scratch)
    {
        if (first == last || IsFunctionWord(Text(s, tokens[first])))
        {
            return false; // "Der Verein" is "the club", not a name
        }

        var acronym = AcronymAfter(s, tokens[last].End);
        var definesAcronym = acronym is var (acronymStart, acronymLength) && InitialsMatch(s, tokens, first, last, s.Slice(acronymStart, acronymLength));
        var organization = IsOrganizationRun(s, tokens, first, last) || definesAcronym;
        var place = !organization && EntityCues.IsPlaceShape(Text(s, tokens[first]), Text(s, tokens[last])) && !FirstNameLookup.Contains(Text(s, tokens[first]));
        if (!organization && !place)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[PhraseBufferLength];
        var whole = PhraseSpan(s, tokens, first, last, buffer);
        if (IsGazetteerName(whole))
        {
            return false; // the gazetteers name it
        }

        if (organization)
        {
            var start = demonymBefore && first > 0 ? first - 1 : first;
            var phrase = PhraseSpan(s, tokens, start, last, buffer);
            var startChar = tokens[start].Start;
            string name;
            if (EntityCues.IsClubAbbreviation(Text(s, tokens[start])) && FoundingNumberBefore(s, startChar) is { } numberStart)
            {
                name = string.Concat(s[numberStart..startChar], phrase); // "1. FC Example"
                startChar = numberStart;
            }
            else
            {
                name = scratch.Intern(phrase);
            }

            scratch.Mentions.Add(new Mention(name, Kind.Organization, basePosition + startChar, true));
            if (acronym is var (at, length))
            {
                scratch.AcronymAliases.TryAdd(scratch.Intern(s.Slice(at, length)), name);
            }

            return true;
        }

        scratch.Mentions.Add(new Mention(scratch.Intern(whole), Kind.Place, basePosition + tokens[first].Start, true));
        return true;
    }

    /// <summary>Where "1. " (a club's founding number) starts before <paramref name="at"/>, or null.</summary>
    private static int? FoundingNumberBefore(ReadOnlySpan<char> s, int at)
    {
        var k = at - 1;
        if (k < 2 || s[k] != ' ' || s[k - 1] != '.' || !char.IsAsciiDigit(s[k - 2]))
        {
            return null;
        }

        k -= 2;
        while (k > 0 && char.IsAsciiDigit(s[k - 1]))
        {
            k--;
        }

        return k == 0 || !char.IsLetterOrDigit(s[k - 1]) ? k : null;
    }

    /// <summary>True when the capital initials of the name words spell <paramref name="acronym"/> ("Deutsche Fußball Liga" / "DFL").</summary>
    private static bool InitialsMatch(ReadOnlySpan<char> s, List<Token> tokens, int first, int last, ReadOnlySpan<char> acronym)
    {
        // The acronym's letters, its periods left out ("D.F.L." spells "DFL").
        Span<char> letters = stackalloc char[acronym.Length];
        var count = 0;
        foreach (var c in acronym)
        {
            if (c != '.')
            {
                letters[count++] = c;
            }
        }

        var n = 0;
        for (var k = first; k <= last; k++)
        {
            var word = Text(s, tokens[k]);
            if (EntityCues.IsOrganizationConnector(word) || ParticleLookup.Contains(word))
            {
                continue;
            }

            if (n >= count || char.ToUpperInvariant(word[0]) != letters[n])
            {
                return false;
            }

            n++;
        }

        return n == count;
    }

    /// <summary>"X, the mayor of", "X, ancienne adjointe", "X, who": a role (or "who") in the three words after a comma.</summary>
    private static bool RoleAfterComma(ReadOnlySpan<char> s, List<Token> tokens, int last)
    {
        var k = tokens[last].End;
        if (k >= s.Length || s[k] != ',')
        {
            return false;
        }

        for (var t = last + 1; t < tokens.Count && t <= last + 4; t++)
        {
            var word = Text(s, tokens[t]);
            if (word is "who" || (!tokens[t].Capitalised && EntityCues.IsRole(word)))
            {
                return true;
            }

            if (t > last + 1 && s[tokens[t - 1].End..tokens[t].Start].IndexOfAny(".;:!?") >= 0)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>"in X", "near X", "the town of X", "la commune de X", "train to X", "cerca de X".</summary>
    private static bool PlaceContextBefore(ReadOnlySpan<char> s, List<Token> tokens, int first)
    {
        if (first == 0 || tokens[first - 1].Capitalised || !OnlySpace(s, tokens[first - 1].End, tokens[first].Start))
        {
            return false;
        }

        var before = Text(s, tokens[first - 1]);
        var beforeThat = first > 1 && !tokens[first - 2].Capitalised && OnlySpace(s, tokens[first - 2].End, tokens[first - 1].Start) ? Text(s, tokens[first - 2]) : default;
        return EntityCues.IsPlaceContext(before, beforeThat);
    }

    /// <summary>"X, a fishing town in", "X, petite commune de": a settlement noun in the three words after a comma.</summary>
    private static bool SettlementAfterComma(ReadOnlySpan<char> s, List<Token> tokens, int last)
    {
        var k = tokens[last].End;
        if (k >= s.Length || s[k] != ',')
        {
            return false;
        }

        for (var t = last + 1; t < tokens.Count && t <= last + 3 && !tokens[t].Capitalised; t++)
        {
            if (EntityCues.IsSettlementNoun(Text(s, tokens[t])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"the company X", "la asociación agraria X", "le collectif X": an organisation noun right before the name.</summary>
    private static bool OrganizationNounBefore(ReadOnlySpan<char> s, List<Token> tokens, int first)
    {
        if (first == 0 || tokens[first - 1].Capitalised || !OnlySpace(s, tokens[first - 1].End, tokens[first].Start))
        {
            return false;
        }

        if (EntityCues.IsOrganizationNoun(Text(s, tokens[first - 1])))
        {
            return true;
        }

        // One unknown lower-case word between (an adjective after the noun in French and Spanish).
        return first > 1 && Text(s, tokens[first - 1]).Length == 0 && !tokens[first - 2].Capitalised &&
               OnlySpace(s, tokens[first - 2].End, tokens[first - 1].Start) && EntityCues.IsOrganizationNoun(Text(s, tokens[first - 2])) &&
               Text(s, tokens[first - 2]) is not ("group" or "company" or "firm" or "party" or "union" or "club");
    }

    private static bool OnlySpace(ReadOnlySpan<char> s, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (s[k] != ' ')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"Highway 26", "Route 9": a word numbered like a road or a line is not a place of its own.</summary>
    private static bool NumberAfter(ReadOnlySpan<char> s, int end) => end + 1 < s.Length && s[end] == ' ' && char.IsAsciiDigit(s[end + 1]);

    /// <summary>"AT" of "AT&amp;T" is not a name of its own.</summary>
    private static bool IsPartOfAmpersandName(ReadOnlySpan<char> s, in Token token) =>
        (token.End < s.Length && s[token.End] == '&') || (token.Start > 0 && s[token.Start - 1] == '&');

    /// <summary>How many blocks from the top may open with a dateline place.</summary>
    private const int DatelineBlocks = 4;

    /// <summary>How far into a block a dateline place is looked for.</summary>
    private const int DatelineReach = 120;

    /// <summary>
    /// The place a wire dateline opens with, in capitals ("OSLO, May 2 -", "2021-06-30 — NEW HAVEN —"), case-normalised
    /// and canonicalised by the gazetteer; null when the block does not open so.
    /// </summary>
    private static string? DatelinePlace(ReadOnlySpan<char> block)
    {
        var head = block.Length > DatelineReach ? block[..DatelineReach] : block;
        if (!DatelinePlaceReader.TryRead(head, out var caps))
        {
            return null;
        }

        var letters = 0;
        foreach (var c in caps)
        {
            letters += char.IsLetter(c) ? 1 : 0;
        }

        if (letters < 4 || OrganizationGazetteer.Find(caps) is not null || OutletGazetteer.Canonicalise(caps) is not null || PersonNames.IsGenericWord(caps))
        {
            return null;
        }

        var name = PersonNames.NormaliseCase(caps.ToString());
        return PlaceGazetteer.Find(name) ?? name;
    }

    [System.Text.RegularExpressions.GeneratedRegex(
        @"^(?:[0-9][0-9\-/.:TZ ]{5,30}[—–-]\s*)?(?<place>\p{Lu}[\p{Lu}'’.]+(?:[ -]\p{Lu}[\p{Lu}'’.]+){0,3})\s*(?:,|\(|[—–-]\s)",
        System.Text.RegularExpressions.RegexOptions.NonBacktracking)]
    internal static partial System.Text.RegularExpressions.Regex DatelinePlacePattern();

    /// <summary>
    /// A full name met without a cue is still a person when its surname or first name appears alone with one
    /// ("Bram Oosterhuis" ... "Oosterhuis said").
    /// </summary>
    private static void AddEvidenceFromShortForms(EntityScratch scratch)
    {
        var cued = scratch.Cued;
        foreach (var (word, _, cue) in scratch.Singles)
        {
            if (cue)
            {
                cued.Add(word);
            }
        }

        if (cued.Count == 0)
        {
            return;
        }

        var lookup = scratch.CuedLookup;
        foreach (var m in scratch.Mentions)
        {
            if (m.Kind == Kind.Person && !m.Evidence && (lookup.Contains(LastName(m.Name)) || lookup.Contains(m.Name.AsSpan(0, Math.Max(0, m.Name.IndexOf(' '))))))
            {
                scratch.PersonEvidence.Add(m.Name);
            }
        }
    }

    /// <summary>
    /// The one person of <paramref name="people"/> whose surname (or first name, of a name in several words) is
    /// <paramref name="word"/>; null when none or several are.
    /// </summary>
    private static string? OnlyPersonWith(HashSet<string> people, string word, bool surname)
    {
        string? found = null;
        foreach (var person in people)
        {
            ReadOnlySpan<char> part;
            if (surname)
            {
                part = LastName(person);
            }
            else
            {
                var space = person.IndexOf(' ');
                if (space <= 0)
                {
                    continue;
                }

                part = person.AsSpan(0, space);
            }

            if (part.SequenceEqual(word))
            {
                if (found is not null)
                {
                    return null;
                }

                found = person;
            }
        }

        return found;
    }

    /// <summary>True when <paramref name="name"/> is the surname of one of <paramref name="people"/>.</summary>
    private static bool IsSomeonesSurname(HashSet<string> people, string name)
    {
        foreach (var person in people)
        {
            if (LastName(person).SequenceEqual(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A multi-word person name that ends another's ("Da Costa" of "Sophie Da Costa") is that person; a person's name
    /// that a place or an organisation also bears is the place or organisation.
    /// </summary>
    private static void MergeShortPersonNames(EntityScratch scratch)
    {
        var firstSeen = scratch.FirstSeen;
        var people = scratch.People;
        foreach (var key in firstSeen.Keys)
        {
            if (key.Item1 == Kind.Person)
            {
                people.Add(key.Item2);
            }
        }

        foreach (var name in people)
        {
            if (firstSeen.ContainsKey((Kind.Place, name)) || firstSeen.ContainsKey((Kind.Organization, name)))
            {
                firstSeen.Remove((Kind.Person, name));
                continue;
            }

            foreach (var other in people)
            {
                if (other.Length > name.Length && other.EndsWith(name, StringComparison.Ordinal) && other[other.Length - name.Length - 1] == ' ' &&
                    firstSeen.TryGetValue((Kind.Person, name), out var seen))
                {
                    firstSeen.Remove((Kind.Person, name));
                    if (firstSeen.TryGetValue((Kind.Person, other), out var otherSeen) && seen < otherSeen)
                    {
                        firstSeen[(Kind.Person, other)] = seen;
                    }

                    break;
                }
            }
        }
    }

    /// <summary>"Córdoba y Jaén", "Lyon et Nantes": a conjunction inside a run between two known places splits it.</summary>
    private static int? SplitAtConjunctionBetweenPlaces(ReadOnlySpan<char> s, List<Token> tokens, int first, int last)
    {
        Span<char> buffer = stackalloc char[PhraseBufferLength];
        for (var k = first + 1; k < last; k++)
        {
            if (!tokens[k].Capitalised && Text(s, tokens[k]) is "y" or "e" or "et" or "und" or "and" &&
                PlaceGazetteer.Find(PhraseSpan(s, tokens, first, k - 1, buffer)) is not null &&
                PlaceGazetteer.Find(PhraseSpan(s, tokens, k + 1, last, buffer)) is not null)
            {
                return k;
            }
        }

        return null;
    }

    /// <summary>
    /// "between Zwolle, Tilburg and the coast": a lone capitalised word right after a place and a comma, with "and"
    /// or another comma after it, continues the list of places.
    /// </summary>
    private static bool IsNextInPlaceList(ReadOnlySpan<char> s, List<Token> tokens, int index, int lastPlaceEnd)
    {
        var token = tokens[index];
        var text = Text(s, token);
        if (lastPlaceEnd < 0 || token.Start - lastPlaceEnd != 2 || s[lastPlaceEnd] != ',' || IsAllCaps(text) ||
            IsCommonWord(text) || FirstNameLookup.Contains(text))
        {
            return false;
        }

        var end = token.End;
        return (end < s.Length && s[end] == ',') ||
               (index + 1 < tokens.Count && Text(s, tokens[index + 1]) is "and" or "y" or "et" or "und" or "or" && OnlySpace(s, end, tokens[index + 1].Start));
    }
}
