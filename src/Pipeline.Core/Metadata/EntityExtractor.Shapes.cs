using System.Collections.Frozen;

namespace Pipeline.Core.Metadata;

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

    /// <summary>True when tokens <paramref name="first"/>..<paramref name="last"/> (two or more) are shaped like an organisation.</summary>
    private static bool IsOrganizationRun(List<Token> tokens, int first, int last)
    {
        if (last <= first)
        {
            return false;
        }

        var hasOf = false;
        for (var k = first + 1; k < last; k++)
        {
            hasOf |= tokens[k].Text is "of";
        }

        return EntityCues.IsOrganizationShape(tokens[first].Text, tokens[last].Text, hasOf);
    }

    private static bool IsFunctionWord(string word) => FunctionWords.Contains(word);

    /// <summary>
    /// A capitalised common word that ends a two-word run after a name-shaped word, mid-sentence, is a surname
    /// ("Ineke Vos", "Ana Mai"), not a word of the sentence.
    /// </summary>
    private static bool IsTrailingSurname(List<Token> tokens, int first, int last, int k) =>
        k == last && k == first + 1 && !tokens[first].SentenceStart && !IsCommonWord(tokens[first].Text) &&
        !IsFunctionWord(tokens[k].Text) && !IsAllCaps(tokens[k].Text) && !IsAllCaps(tokens[first].Text) &&
        PlaceGazetteer.Find(tokens[first].Text) is null && !PlaceGazetteer.IsDemonym(tokens[first].Text);

    /// <summary>True when token <paramref name="j"/> ends in "'s" and the capitalised words after it end an organisation ("Sheriff's Office").</summary>
    private static bool PossessiveInsideOrganization(string s, List<Token> tokens, int j)
    {
        var token = tokens[j];
        if (token.End - token.Start != token.Text.Length + 2 || s[token.End - 1] != 's')
        {
            return false;
        }

        for (var k = j + 1; k < tokens.Count && k <= j + 3 && tokens[k].Capitalised && Adjacent(s, tokens[k - 1], tokens[k]); k++)
        {
            if (OrganizationGazetteer.IsSuffix(tokens[k].Text) || EntityCues.IsOrganizationShape(token.Text, tokens[k].Text, false))
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
    private static bool ClassifyByShape(
        string s,
        List<Token> tokens,
        int first,
        int last,
        long basePosition,
        bool demonymBefore,
        List<Mention> mentions,
        Dictionary<string, string> acronymAliases)
    {
        if (first == last || IsFunctionWord(tokens[first].Text))
        {
            return false; // "Der Verein" is "the club", not a name
        }

        var acronym = AcronymAfter(s, tokens[last].End);
        var definesAcronym = acronym is not null && InitialsMatch(tokens, first, last, acronym);
        var organization = IsOrganizationRun(tokens, first, last) || definesAcronym;
        var place = !organization && EntityCues.IsPlaceShape(tokens[first].Text, tokens[last].Text) && !FirstNames.Contains(tokens[first].Text);
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
            var name = Phrase(s, tokens, start, last);
            var startChar = tokens[start].Start;
            if (EntityCues.IsClubAbbreviation(tokens[start].Text) && FoundingNumberBefore(s, startChar) is { } numberStart)
            {
                name = string.Concat(s.AsSpan(numberStart, startChar - numberStart), name); // "1. FC Example"
                startChar = numberStart;
            }

            mentions.Add(new Mention(name, Kind.Organization, basePosition + startChar, true));
            if (acronym is not null)
            {
                acronymAliases.TryAdd(acronym, name);
            }

            return true;
        }

        mentions.Add(new Mention(PhraseText(tokens, first, last, whole), Kind.Place, basePosition + tokens[first].Start, true));
        return true;
    }

    /// <summary>Where "1. " (a club's founding number) starts before <paramref name="at"/>, or null.</summary>
    private static int? FoundingNumberBefore(string s, int at)
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
    private static bool InitialsMatch(List<Token> tokens, int first, int last, string acronym)
    {
        var letters = acronym.Replace(".", "", StringComparison.Ordinal);
        var n = 0;
        for (var k = first; k <= last; k++)
        {
            var word = tokens[k].Text;
            if (EntityCues.IsOrganizationConnector(word) || PersonNames.Particles.Contains(word))
            {
                continue;
            }

            if (n >= letters.Length || char.ToUpperInvariant(word[0]) != letters[n])
            {
                return false;
            }

            n++;
        }

        return n == letters.Length;
    }

    /// <summary>"X, the mayor of", "X, ancienne adjointe", "X, who": a role (or "who") in the three words after a comma.</summary>
    private static bool RoleAfterComma(string s, List<Token> tokens, int last)
    {
        var k = tokens[last].End;
        if (k >= s.Length || s[k] != ',')
        {
            return false;
        }

        for (var t = last + 1; t < tokens.Count && t <= last + 4; t++)
        {
            var word = tokens[t].Text;
            if (word is "who" || (!tokens[t].Capitalised && EntityCues.IsRole(word)))
            {
                return true;
            }

            if (t > last + 1 && s.AsSpan(tokens[t - 1].End, tokens[t].Start - tokens[t - 1].End).IndexOfAny(".;:!?") >= 0)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>"in X", "near X", "the town of X", "la commune de X", "train to X", "cerca de X".</summary>
    private static bool PlaceContextBefore(string s, List<Token> tokens, int first)
    {
        if (first == 0 || tokens[first - 1].Capitalised || !OnlySpace(s, tokens[first - 1].End, tokens[first].Start))
        {
            return false;
        }

        var before = tokens[first - 1].Text;
        var beforeThat = first > 1 && !tokens[first - 2].Capitalised && OnlySpace(s, tokens[first - 2].End, tokens[first - 1].Start) ? tokens[first - 2].Text : null;
        return EntityCues.IsPlaceContext(before, beforeThat);
    }

    /// <summary>"X, a fishing town in", "X, petite commune de": a settlement noun in the three words after a comma.</summary>
    private static bool SettlementAfterComma(string s, List<Token> tokens, int last)
    {
        var k = tokens[last].End;
        if (k >= s.Length || s[k] != ',')
        {
            return false;
        }

        for (var t = last + 1; t < tokens.Count && t <= last + 3 && !tokens[t].Capitalised; t++)
        {
            if (EntityCues.IsSettlementNoun(tokens[t].Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"the company X", "la asociación agraria X", "le collectif X": an organisation noun right before the name.</summary>
    private static bool OrganizationNounBefore(string s, List<Token> tokens, int first)
    {
        if (first == 0 || tokens[first - 1].Capitalised || !OnlySpace(s, tokens[first - 1].End, tokens[first].Start))
        {
            return false;
        }

        if (EntityCues.IsOrganizationNoun(tokens[first - 1].Text))
        {
            return true;
        }

        // One unknown lower-case word between (an adjective after the noun in French and Spanish).
        return first > 1 && tokens[first - 1].Text.Length == 0 && !tokens[first - 2].Capitalised &&
               OnlySpace(s, tokens[first - 2].End, tokens[first - 1].Start) && EntityCues.IsOrganizationNoun(tokens[first - 2].Text) &&
               tokens[first - 2].Text is not ("group" or "company" or "firm" or "party" or "union" or "club");
    }

    private static bool OnlySpace(string s, int from, int to)
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
    private static bool NumberAfter(string s, int end) => end + 1 < s.Length && s[end] == ' ' && char.IsAsciiDigit(s[end + 1]);

    /// <summary>"AT" of "AT&amp;T" is not a name of its own.</summary>
    private static bool IsPartOfAmpersandName(string s, Token token) =>
        (token.End < s.Length && s[token.End] == '&') || (token.Start > 0 && s[token.Start - 1] == '&');

    /// <summary>How many blocks from the top may open with a dateline place.</summary>
    private const int DatelineBlocks = 4;

    /// <summary>
    /// The place a wire dateline opens with, in capitals ("OSLO, May 2 -", "2021-06-30 — NEW HAVEN —"), case-normalised
    /// and canonicalised by the gazetteer; null when the block does not open so.
    /// </summary>
    private static string? DatelinePlace(string block)
    {
        var m = DatelinePlacePattern().Match(block.Length > 120 ? block[..120] : block);
        if (!m.Success)
        {
            return null;
        }

        var caps = m.Groups["place"].Value;
        var letters = 0;
        foreach (var c in caps)
        {
            letters += char.IsLetter(c) ? 1 : 0;
        }

        if (letters < 4 || OrganizationGazetteer.Find(caps) is not null || OutletGazetteer.Canonicalise(caps) is not null || PersonNames.IsGenericWord(caps))
        {
            return null;
        }

        var name = PersonNames.NormaliseCase(caps);
        return PlaceGazetteer.Find(name) ?? name;
    }

    [System.Text.RegularExpressions.GeneratedRegex(
        @"^(?:[0-9][0-9\-/.:TZ ]{5,30}[—–-]\s*)?(?<place>\p{Lu}[\p{Lu}'’.]+(?:[ -]\p{Lu}[\p{Lu}'’.]+){0,3})\s*(?:,|\(|[—–-]\s)",
        System.Text.RegularExpressions.RegexOptions.NonBacktracking)]
    private static partial System.Text.RegularExpressions.Regex DatelinePlacePattern();

    /// <summary>
    /// A full name met without a cue is still a person when its surname or first name appears alone with one
    /// ("Bram Oosterhuis" ... "Oosterhuis said").
    /// </summary>
    private static void AddEvidenceFromShortForms(List<Mention> mentions, List<(string Word, long Position, bool Cue)> singles, HashSet<string> personEvidence)
    {
        HashSet<string>? cued = null;
        foreach (var (word, _, cue) in singles)
        {
            if (cue)
            {
                (cued ??= new HashSet<string>(StringComparer.Ordinal)).Add(word);
            }
        }

        if (cued is null)
        {
            return;
        }

        foreach (var m in mentions)
        {
            if (m.Kind == Kind.Person && !m.Evidence && (cued.Contains(LastName(m.Name)) || cued.Contains(m.Name[..Math.Max(0, m.Name.IndexOf(' '))])))
            {
                personEvidence.Add(m.Name);
            }
        }
    }

    /// <summary>First names that belong to exactly one person named in full ("Ineke" -> "Ineke Vos").</summary>
    private static Dictionary<string, string> FirstNamesOf(HashSet<string> people)
    {
        var byFirst = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var person in people)
        {
            var space = person.IndexOf(' ');
            if (space <= 0)
            {
                continue;
            }

            var firstName = person[..space];
            byFirst[firstName] = byFirst.ContainsKey(firstName) ? null : person;
        }

        var unique = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (firstName, person) in byFirst)
        {
            if (person is not null)
            {
                unique[firstName] = person;
            }
        }

        return unique;
    }

    /// <summary>
    /// A multi-word person name that ends another's ("Da Costa" of "Sophie Da Costa") is that person; a person's name
    /// that a place or an organisation also bears is the place or organisation.
    /// </summary>
    private static void MergeShortPersonNames(Dictionary<(Kind, string), long> firstSeen)
    {
        var people = new List<string>();
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
    private static int? SplitAtConjunctionBetweenPlaces(string s, List<Token> tokens, int first, int last)
    {
        Span<char> buffer = stackalloc char[PhraseBufferLength];
        for (var k = first + 1; k < last; k++)
        {
            if (!tokens[k].Capitalised && tokens[k].Text is "y" or "e" or "et" or "und" or "and" &&
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
    private static bool IsNextInPlaceList(string s, List<Token> tokens, int index, int lastPlaceEnd)
    {
        var token = tokens[index];
        if (lastPlaceEnd < 0 || token.Start - lastPlaceEnd != 2 || s[lastPlaceEnd] != ',' || IsAllCaps(token.Text) ||
            IsCommonWord(token.Text) || FirstNames.Contains(token.Text))
        {
            return false;
        }

        var end = token.End;
        return (end < s.Length && s[end] == ',') ||
               (index + 1 < tokens.Count && tokens[index + 1].Text is "and" or "y" or "et" or "und" or "or" && OnlySpace(s, end, tokens[index + 1].Start));
    }
}
