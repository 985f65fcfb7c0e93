using System.Collections.Frozen;
using Pipeline.Core.Documents;
using Pipeline.Core.Metadata.Shared;
using Pipeline.Core.Structure;

namespace Pipeline.Core.Metadata.Entities;

/// <summary>
/// People, organisations and places without a statistical model: runs of capitalised words are classified by
/// gazetteers (places, organisations, outlets), by name shape (an organisation suffix, a person's particles) and by
/// context (a role before a name, "said" after it, "in" before a place). A single capitalised common word that starts
/// a sentence is ordinary text. A surname alone counts as a mention of the full name met elsewhere.
/// </summary>
internal static partial class EntityExtractor
{
    // Words before a name that say it is a person's ("President", "minister, Sergei Lavrov", "said Smith").
    private static readonly FrozenSet<string> PersonCuesBefore = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "president", "minister", "ambassador", "leader", "head", "chief", "dictator", "spokesman", "spokeswoman",
        "spokesperson", "secretary", "senator", "governor", "mayor", "general", "colonel", "commander", "king", "queen",
        "prince", "princess", "sheikh", "emir", "pope", "journalist", "reporter", "correspondent", "analyst", "founder",
        "ceo", "director", "chairman", "chairwoman", "premier", "chancellor", "judge", "officer", "mr", "mrs", "ms", "dr",
        "prof", "professor", "sir", "lord", "lady", "said", "says", "told", "by", "author", "writer", "researcher",
        "diplomat", "envoy", "lawyer", "activist", "candidate", "rep", "sen", "gov", "gen", "col", "lt", "capt",
        "m", "mme", "herr", "frau", "señor", "señora", "sr", "sra", "président", "présidente", "ministre", "präsident",
        "präsidentin", "kanzler", "kanzlerin", "presidente", "ministro", "ministra", "according", "officials", "aide",
        "advisor", "adviser", "economist", "historian", "scientist", "politician", "actor", "actress", "singer", "player",
        "coach", "captain", "bishop", "cardinal", "rabbi", "imam", "cleric", "militant", "commentator", "columnist");

    // Words after a name that say it is a person's ("Smith said").
    private static readonly FrozenSet<string> PersonCuesAfter = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "said", "says", "told", "added", "stated", "explained", "argued", "claimed", "noted", "wrote", "reported",
        "insisted", "warned", "announced", "believes", "believed", "thinks", "asked", "replied", "tweeted", "declared",
        "dit", "déclare", "sagte", "sagt", "erklärte", "dijo", "afirmó", "declaró");

    // Words before a name that say it is a place's ("in Benghazi", "from Aleppo").
    private static readonly FrozenSet<string> PlaceCuesBefore = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "in", "near", "outside", "from", "across", "à", "en", "nach", "bei");

    private static readonly FrozenSet<string> FirstNames = FrozenSet.Create(
        StringComparer.Ordinal,
        "John", "James", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Charles", "Chris",
        "Christopher", "Daniel", "Matthew", "Anthony", "Tony", "Mark", "Donald", "Steven", "Paul", "Andrew", "Joshua",
        "Kevin", "Brian", "George", "Edward", "Ronald", "Timothy", "Jason", "Jeffrey", "Ryan", "Jacob", "Gary", "Eric",
        "Jonathan", "Stephen", "Larry", "Justin", "Scott", "Frank", "Benjamin", "Gregory", "Samuel", "Patrick",
        "Alexander", "Jack", "Dennis", "Jerry", "Peter", "Henry", "Carl", "Arthur", "Mary", "Patricia", "Jennifer",
        "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen", "Nancy", "Lisa", "Margaret", "Betty",
        "Sandra", "Ashley", "Dorothy", "Kimberly", "Emily", "Donna", "Michelle", "Carol", "Amanda", "Melissa",
        "Deborah", "Stephanie", "Rebecca", "Laura", "Sharon", "Cynthia", "Kathleen", "Amy", "Shirley", "Angela",
        "Helen", "Anna", "Brenda", "Pamela", "Nicole", "Emma", "Catherine", "Katherine", "Christine", "Rachel",
        "Hillary", "Barack", "Vladimir", "Sergei", "Sergey", "Dmitry", "Angela", "Emmanuel", "Francois", "François",
        "Jean", "Pierre", "Marie", "Michel", "Nicolas", "Jacques", "Philippe", "Alain", "Marine", "Olaf", "Helmut",
        "Hans", "Klaus", "Wolfgang", "Jürgen", "Stefan", "Markus", "Ursula", "Juan", "José", "Carlos", "Luis",
        "Pedro", "Pablo", "Miguel", "Javier", "María", "Carmen", "Ana", "Mohammed", "Muhammad", "Mohamed", "Ahmed",
        "Ali", "Hassan", "Hussein", "Omar", "Abdullah", "Bashar", "Recep", "Xi", "Boris", "Theresa", "Tony", "Benjamin",
        "Joe", "Kamala", "Mike", "Bill", "Bob", "Tom", "Jim", "Tim", "Sam", "Ben", "Dan", "Nick", "Alex", "Sophie",
        "Julia", "Anne", "Isabelle", "Giovanni", "Giuseppe", "Marco", "Matteo", "Li", "Wang", "Zhang", "Kim");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PersonCueBeforeLookup = PersonCuesBefore.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PersonCueAfterLookup = PersonCuesAfter.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PlaceCueBeforeLookup = PlaceCuesBefore.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FirstNameLookup = FirstNames.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// A word of a block, by position: its text is read from the block (<see cref="Text"/>), so tokenising makes no
    /// strings. <paramref name="Word"/> is null for a word that starts with a capital, whose text is the
    /// <paramref name="Length"/> characters at <paramref name="Start"/> (a possessive "'s" or a "-based" left off);
    /// for any other word it is the shared instance of a known context word, or "" (lower-case words matter only as context).
    /// </summary>
    private readonly record struct Token(int Start, int End, int Length, string? Word, bool Capitalised, bool SentenceStart, bool BreakAfter, bool BasedSuffix);

    /// <summary>The text of <paramref name="token"/> of block <paramref name="s"/>.</summary>
    private static ReadOnlySpan<char> Text(ReadOnlySpan<char> s, Token token) => token.Word is { } word ? word.AsSpan() : s.Slice(token.Start, token.Length);

    private enum Kind
    {
        Person,
        Organization,
        Place,
    }

    private readonly record struct Mention(string Name, Kind Kind, long Position, bool Evidence);

    /// <summary>Entities of <paramref name="text"/>, each list distinct and in order of first mention.</summary>
    /// <param name="text">The document.</param>
    /// <param name="knownPeople">People known from elsewhere (the authors).</param>
    public static NamedEntities Extract(StructuredText text, IReadOnlyList<string> knownPeople)
    {
        var scratch = EntityScratch.Rent();
        try
        {
            var blocks = text.Blocks;
            var tokens = scratch.Tokens;
            for (var b = 0; b < blocks.Count; b++)
            {
                var block = blocks[b];
                var s = block.Span;
                tokens.Clear();
                Tokenise(s, tokens);
                var titleCase = block.Kind != BlockKind.Paragraph;
                if (b < DatelineBlocks && DatelinePlace(s) is { } datelinePlace)
                {
                    scratch.Mentions.Add(new Mention(datelinePlace, Kind.Place, (long)b << 20, true));
                }

                ReadBlock(s, tokens, (long)b << 20, titleCase, scratch);
            }

            return Resolve(scratch, knownPeople);
        }
        finally
        {
            EntityScratch.Return(scratch);
        }
    }

    private static void Tokenise(ReadOnlySpan<char> s, List<Token> tokens)
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
                    sentenceStart |= c != '.' || !(tokens.Count > 0 && tokens[^1].End == i && IsShortAbbreviation(Text(s, tokens[^1])));
                }

                i++;
                continue;
            }

            var start = i;
            while (i < s.Length && (char.IsLetterOrDigit(s[i]) || (s[i] is '-' or '\'' or '’' && i + 1 < s.Length && char.IsLetterOrDigit(s[i + 1]))))
            {
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
                tokens.Add(new Token(start, i, i - start, ContextWord(s[start..i]), false, sentenceStart, false, false));
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
            tokens.Add(new Token(start, i, span.Length, null, capitalised, sentenceStart, breakAfter, based));
            sentenceStart = false;
        }
    }

    private static readonly FrozenSet<string>[] ContextSets =
        [PersonCuesBefore, PersonCuesAfter, PlaceCuesBefore, PersonNames.Particles, FrozenSet.Create(StringComparer.Ordinal, "of", "du", "des")];

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>>[] ContextLookups =
        ContextSets.Select(set => set.GetAlternateLookup<ReadOnlySpan<char>>()).ToArray();

    // Every word of the context sets and of EntityCues' context words, ignoring case: most lower-case tokens are in
    // none, and this one lookup tells so instead of six.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AnyContextWord =
        ContextSets.SelectMany(set => set).Concat(EntityCues.ContextWordList).ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static string ContextWord(ReadOnlySpan<char> word)
    {
        if (!AnyContextWord.Contains(word))
        {
            return "";
        }

        foreach (var lookup in ContextLookups)
        {
            if (lookup.TryGetValue(word, out var known))
            {
                return known;
            }
        }

        return EntityCues.ContextWord(word) ?? "";
    }

    private static bool IsShortAbbreviation(ReadOnlySpan<char> word) =>
        (word.Length == 1 && char.IsUpper(word[0])) || word.Contains('.') ||
        word is "Mr" or "Mrs" or "Ms" or "Dr" or "Prof" or "St" or "Gen" or "Col" or "Lt" or "Sen" or "Rep" or "Gov" or "Sept" or "Jan" or "Feb" or "Aug" or "Oct" or "Nov" or "Dec" or "M" or "Sr" or "Sra" or "Jr" or "No";

    private static void ReadBlock(ReadOnlySpan<char> s, List<Token> tokens, long basePosition, bool titleCaseBlock, EntityScratch scratch)
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

                var nextText = Text(s, next);
                if ((ParticleLookup.Contains(nextText) || nextText is "of" or "of the" or "du" or "des") && j + 2 < tokens.Count &&
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
            if (mentions.Count > mentionsBefore && mentions[^1].Kind == Kind.Place)
            {
                lastPlaceEnd = tokens[last].End;
            }
            else if (!gazetteerOnly && first == last && mentions.Count == mentionsBefore && IsNextInPlaceList(s, tokens, first, lastPlaceEnd))
            {
                mentions.Add(new Mention(scratch.Intern(Text(s, tokens[first])), Kind.Place, basePosition + tokens[first].Start, false));
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

    private static bool Adjacent(ReadOnlySpan<char> s, in Token a, in Token b)
    {
        for (var k = a.End; k < b.Start; k++)
        {
            if (s[k] is not (' ' or '[' or ']'))
            {
                return false;
            }
        }

        return true;
    }

    private static void ReadRun(ReadOnlySpan<char> s, List<Token> tokens, int first, int last, long basePosition, bool gazetteerOnly, EntityScratch scratch)
    {
        // A run that a gazetteer names as a whole is kept whole ("North Africa", "Al Qaeda").
        Span<char> buffer = stackalloc char[PhraseBufferLength];
        if (first < last && IsGazetteerName(PhraseSpan(s, tokens, first, last, buffer)))
        {
            Classify(s, tokens, first, last, basePosition, gazetteerOnly, scratch);
            return;
        }

        // A run shaped like an organisation ("High Desert Fire Protection District") keeps its common words; only
        // leading ones ("The", a sentence opener) are dropped.
        var from = first;
        while (from < last && IsCommonWord(Text(s, tokens[from])) && (tokens[from].SentenceStart || IsFunctionWord(Text(s, tokens[from]))))
        {
            from++;
        }

        // "Shares of Acme Devices", "Members of the Dock Union": a sentence opener and "of" are not part of the name.
        if (from + 2 < last && tokens[from].SentenceStart && Text(s, tokens[from + 1]) is "of" && IsOrganizationRun(s, tokens, from + 2, last))
        {
            from += 2;
        }

        if (IsOrganizationRun(s, tokens, from, last))
        {
            Classify(s, tokens, from, last, basePosition, gazetteerOnly, scratch);
            return;
        }

        if (SplitAtConjunctionBetweenPlaces(s, tokens, first, last) is { } conjunction)
        {
            Classify(s, tokens, first, conjunction - 1, basePosition, gazetteerOnly, scratch);
            Classify(s, tokens, conjunction + 1, last, basePosition, gazetteerOnly, scratch);
            return;
        }

        // Split the run at capitalised common words ("Libya To Syrian Rebels", "However Damascus").
        var start = first;
        for (var k = first; k <= last + 1; k++)
        {
            var split = k > last || (tokens[k].Capitalised && IsCommonWord(Text(s, tokens[k])) && !IsInsideName(s, tokens, last, k) && !IsTrailingSurname(s, tokens, first, last, k));
            if (!split)
            {
                continue;
            }

            if (k > start)
            {
                Classify(s, tokens, start, k - 1, basePosition, gazetteerOnly, scratch);
            }

            start = k + 1;
        }
    }

    // A common word that begins a gazetteer name ("North Africa", "The Hague") or a name particle ("Al", "El", "De") is kept.
    private static bool IsInsideName(ReadOnlySpan<char> s, List<Token> tokens, int last, int k)
    {
        if (k >= last)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[PhraseBufferLength];
        var text = Text(s, tokens[k]);

        // Lowercasing keeps the length, so a word longer than every particle is none of them.
        if (text.Length <= MaxParticleLength)
        {
            var lower = buffer[..text.Length];
            text.ToLowerInvariant(lower);
            if (ParticleLookup.Contains(lower))
            {
                return true;
            }
        }

        for (var n = k + 1; n <= Math.Min(last, k + 3); n++)
        {
            if (IsGazetteerName(JoinedTexts(s, tokens, k, n, buffer)))
            {
                return true;
            }
        }

        return false;
    }

    // Acronyms in capitals are never common words ("US" is not "us").
    private static bool IsCommonWord(ReadOnlySpan<char> word) => !IsAllCaps(word) && CommonWords.IsCommon(word);

    private static void Classify(ReadOnlySpan<char> s, List<Token> tokens, int first, int last, long basePosition, bool gazetteerOnly, EntityScratch scratch)
    {
        var mentions = scratch.Mentions;

        // A leading demonym describes the name that follows ("Libyan Abdelhakim Belhadj"), unless a gazetteer
        // names the whole phrase ("Saudi Arabia").
        var demonymBefore = false;
        Span<char> buffer = stackalloc char[PhraseBufferLength];
        var full = PhraseSpan(s, tokens, first, last, buffer);
        while (PlaceGazetteer.Find(full) is null && OrganizationGazetteer.Find(full) is null &&
               first < last && PlaceGazetteer.IsDemonym(Text(s, tokens[first])) && !OrganizationGazetteer.IsSuffix(Text(s, tokens[last])))
        {
            first++;
            demonymBefore = true;
        }

        if (ClassifyByShape(s, tokens, first, last, basePosition, demonymBefore, scratch))
        {
            return;
        }

        // A leading role is context, not name ("Ambassador Lena Varga", "Battalion Chief Ana Ruiz", "Sprecherin X").
        var roleBefore = false;
        while (first < last && (PersonCueBeforeLookup.Contains(Text(s, tokens[first])) || EntityCues.IsRole(Text(s, tokens[first]))) && char.IsUpper(Text(s, tokens[first])[0]))
        {
            first++;
            roleBefore = true;
        }

        // Looked up in place; made a string only for a mention (most runs are none).
        var phrase = PhraseSpan(s, tokens, first, last, buffer);
        var position = basePosition + tokens[first].Start;
        var count = last - first + 1;

        if (OrganizationGazetteer.Find(phrase) is { } org)
        {
            mentions.Add(new Mention(org, Kind.Organization, position, true));
            return;
        }

        if (OutletGazetteer.Canonicalise(phrase) is { } outlet)
        {
            mentions.Add(new Mention(outlet, Kind.Organization, position, true));
            return;
        }

        if (PlaceGazetteer.Find(phrase) is { } place)
        {
            mentions.Add(new Mention(place, Kind.Place, position, true));
            return;
        }

        var lastText = Text(s, tokens[last]);
        if (count >= 2 && OrganizationGazetteer.IsSuffix(lastText))
        {
            var orgName = scratch.Intern(demonymBefore && first > 0 ? PhraseSpan(s, tokens, first - 1, last, buffer) : phrase);

            mentions.Add(new Mention(orgName, Kind.Organization, position, true));
            if (AcronymAfter(s, tokens[last].End) is var (acronymStart, acronymLength))
            {
                scratch.AcronymAliases.TryAdd(scratch.Intern(s.Slice(acronymStart, acronymLength)), orgName);
            }

            return;
        }

        if (count == 1 && PlaceGazetteer.IsDemonym(phrase))
        {
            return;
        }

        if (gazetteerOnly)
        {
            return;
        }

        var hasBefore = first > 0;
        var before = hasBefore ? tokens[first - 1] : default;
        var beforeText = hasBefore ? Text(s, before) : default;
        var hasAfter = last + 1 < tokens.Count;
        var after = hasAfter ? tokens[last + 1] : default;
        var cueBefore = hasBefore &&
                        (PersonCueBeforeLookup.Contains(beforeText) || EntityCues.IsSpeechCueBefore(beforeText) || (!before.Capitalised && EntityCues.IsRole(beforeText))) &&
                        OnlySpaceOrComma(s, before.End, tokens[first].Start);
        cueBefore |= demonymBefore || roleBefore;
        var cueAfter = hasAfter && PersonCueAfterLookup.Contains(Text(s, after)) && OnlySpaceOrComma(s, tokens[last].End, after.Start);
        cueAfter |= RoleAfterComma(s, tokens, last);
        var sentenceStart = tokens[first].SentenceStart;
        var placeContext = PlaceContextBefore(s, tokens, first) || SettlementAfterComma(s, tokens, last);
        var firstText = Text(s, tokens[first]);
        if (placeContext && !cueBefore && !cueAfter && count > 1 && !FirstNameLookup.Contains(firstText))
        {
            mentions.Add(new Mention(scratch.Intern(phrase), Kind.Place, position, false));
            return;
        }

        if (OrganizationNounBefore(s, tokens, first) && !cueBefore && !cueAfter)
        {
            mentions.Add(new Mention(scratch.Intern(phrase), Kind.Organization, position, true));
            return;
        }

        if (count == 1)
        {
            var word = firstText;
            if (tokens[first].BasedSuffix)
            {
                mentions.Add(new Mention(scratch.Intern(word), Kind.Place, position, true));
                return;
            }

            if (scratch.AcronymAliasLookup.TryGetValue(word, out var longForm))
            {
                mentions.Add(new Mention(longForm, Kind.Organization, position, true));
                return;
            }

            if (sentenceStart && IsCommonWord(word))
            {
                return;
            }

            var placeCue = placeContext || (hasBefore && PlaceCueBeforeLookup.Contains(beforeText) && OnlySpaceOrComma(s, before.End, tokens[first].Start));
            var single = scratch.Intern(word);
            scratch.Singles.Add((single, position, (cueBefore || cueAfter) && !placeCue));
            if (placeCue && !IsAllCaps(word) && !(cueAfter && !placeContext) && !EntityCues.LooksLikeGermanNoun(word) && !NumberAfter(s, tokens[first].End))
            {
                mentions.Add(new Mention(single, Kind.Place, position, false));
            }
            else if (IsAllCaps(word) && word.Length is >= 2 and <= 6 && AllLetters(word) && !sentenceStart && AcronymAfter(s, tokens[first].End) is null &&
                     !IsPartOfAmpersandName(s, tokens[first]) && !PersonNames.IsGenericWord(word) && !(hasBefore && beforeText is "By" or "BY"))
            {
                mentions.Add(new Mention(single, Kind.Organization, position, false));
            }

            return;
        }

        if (count > 4 || !PersonNames.LooksLikePersonName(phrase))
        {
            return;
        }

        var firstName = FirstNameLookup.Contains(firstText);
        var particle = false;
        var plain = true;
        for (var k = first; k <= last; k++)
        {
            var t = Text(s, tokens[k]);
            particle |= ParticleLookup.Contains(t) || (t.Length > 3 && t[2] == '-' && t[0] is 'a' or 'e');
            plain &= (!IsCommonWord(t) || IsTrailingSurname(s, tokens, first, last, k)) && !PlaceGazetteer.IsDemonym(t) && PlaceGazetteer.Find(t) is null && OrganizationGazetteer.Find(t) is null && !IsAllCaps(t);
        }

        if (!plain)
        {
            return;
        }

        mentions.Add(new Mention(scratch.Intern(phrase), Kind.Person, position, cueBefore || cueAfter || firstName || particle));
    }

    private static bool AllLetters(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ParticleLookup =
        PersonNames.Particles.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly int MaxParticleLength = PersonNames.Particles.Max(p => p.Length);

    private static bool OnlySpaceOrComma(ReadOnlySpan<char> s, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (s[k] is not (' ' or ',' or '.' or '[' or ']'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Where the acronym in capitals in brackets right after <paramref name="at"/> ("Acme Union (AU)") lies, or null.</summary>
    private static (int Start, int Length)? AcronymAfter(ReadOnlySpan<char> s, int at)
    {
        var k = at;
        while (k < s.Length && s[k] == ' ')
        {
            k++;
        }

        if (k >= s.Length || s[k] != '(')
        {
            return null;
        }

        var close = s[k..].IndexOf(')');
        if (close < 0 || close - 1 is < 2 or > 8)
        {
            return null;
        }

        return IsAllCaps(s.Slice(k + 1, close - 1)) ? (k + 1, close - 1) : null;
    }

    private static bool IsAllCaps(ReadOnlySpan<char> word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            letters += char.IsLetter(c) ? 1 : 0;
        }

        return letters >= 2;
    }

    /// <summary>Room for the phrase of a run on the stack; longer runs (rare) get an array.</summary>
    private const int PhraseBufferLength = 256;

    /// <summary>
    /// The phrase of tokens <paramref name="first"/>..<paramref name="last"/>, their texts joined by spaces (a
    /// possessive inside a name keeps its "'s": "County Sheriff's Office"), written into <paramref name="buffer"/>
    /// when it fits, so that gazetteer lookups of a run cost no string; a one-word run is its token's text.
    /// </summary>
    private static ReadOnlySpan<char> PhraseSpan(ReadOnlySpan<char> s, List<Token> tokens, int first, int last, Span<char> buffer)
    {
        if (first == last)
        {
            return Text(s, tokens[first]);
        }

        var length = 0;
        for (var k = first; k <= last; k++)
        {
            length += Part(s, tokens, k, last).Length + (k > first ? 1 : 0);
        }

        var target = length <= buffer.Length - 1 ? buffer : new char[length];
        length = 0;
        for (var k = first; k <= last; k++)
        {
            if (k > first)
            {
                target[length++] = ' ';
            }

            var part = Part(s, tokens, k, last);
            part.CopyTo(target[length..]);
            length += part.Length;
        }

        return target[..length];

        static ReadOnlySpan<char> Part(ReadOnlySpan<char> s, List<Token> tokens, int k, int last)
        {
            var t = tokens[k];
            var text = Text(s, t);
            return k < last && t.End - t.Start == text.Length + 2 && s[t.End - 1] == 's' ? s[t.Start..t.End] : text;
        }
    }

    /// <summary>The texts of tokens <paramref name="first"/>..<paramref name="last"/> joined by spaces, in <paramref name="buffer"/> when they fit.</summary>
    private static ReadOnlySpan<char> JoinedTexts(ReadOnlySpan<char> s, List<Token> tokens, int first, int last, Span<char> buffer)
    {
        var length = 0;
        for (var k = first; k <= last; k++)
        {
            length += Text(s, tokens[k]).Length + (k > first ? 1 : 0);
        }

        var target = length <= buffer.Length - 1 ? buffer : new char[length];
        length = 0;
        for (var k = first; k <= last; k++)
        {
            if (k > first)
            {
                target[length++] = ' ';
            }

            var text = Text(s, tokens[k]);
            text.CopyTo(target[length..]);
            length += text.Length;
        }

        return target[..length];
    }

    /// <summary>True when a gazetteer (places, organisations, outlets) names <paramref name="phrase"/>.</summary>
    private static bool IsGazetteerName(ReadOnlySpan<char> phrase) =>
        PlaceGazetteer.Find(phrase) is not null || OrganizationGazetteer.Find(phrase) is not null || OutletGazetteer.Canonicalise(phrase) is not null;

    private static NamedEntities Resolve(EntityScratch scratch, IReadOnlyList<string> knownPeople)
    {
        var mentions = scratch.Mentions;
        var singles = scratch.Singles;

        // People: multi-word names with evidence somewhere in the text, and the authors.
        var personEvidence = scratch.PersonEvidence;
        foreach (var person in knownPeople)
        {
            personEvidence.Add(person);
        }

        foreach (var m in mentions)
        {
            if (m.Kind == Kind.Person && m.Evidence)
            {
                personEvidence.Add(m.Name);
            }
        }

        var firstSeen = scratch.FirstSeen;
        foreach (var m in mentions)
        {
            if (m.Kind == Kind.Person && !personEvidence.Contains(m.Name))
            {
                continue;
            }

            if (m.Kind == Kind.Place && !m.Evidence && IsSomeonesSurname(personEvidence, m.Name))
            {
                continue; // "in Herridge's view": a surname, not a place.
            }

            var name = m.Kind == Kind.Organization && scratch.AcronymAliases.TryGetValue(m.Name, out var longForm) ? longForm : m.Name;
            See(firstSeen, m.Kind, name, m.Position);
        }

        AddEvidenceFromShortForms(scratch);

        // Surnames alone are mentions of the full name (when only one person has that surname), and so are first names.
        foreach (var (word, position, cue) in singles)
        {
            if ((OnlyPersonWith(personEvidence, word, surname: true) ?? OnlyPersonWith(personEvidence, word, surname: false)) is { } full)
            {
                See(firstSeen, Kind.Person, full, position);
            }
            else if (cue && !IsAllCaps(word) && !CommonWords.IsCommon(word) && !firstSeen.ContainsKey((Kind.Place, word)) && !firstSeen.ContainsKey((Kind.Organization, word)))
            {
                See(firstSeen, Kind.Person, word, position);
            }
        }

        foreach (var person in knownPeople)
        {
            if (!firstSeen.ContainsKey((Kind.Person, person)))
            {
                See(firstSeen, Kind.Person, person, long.MaxValue);
            }
        }

        MergeShortPersonNames(scratch);

        // A single-word "person" that a place or organisation already names is that place or organisation.
        return new NamedEntities(Ordered(scratch, Kind.Person), Ordered(scratch, Kind.Organization), Ordered(scratch, Kind.Place));
    }

    private static void See(Dictionary<(Kind, string), long> firstSeen, Kind kind, string name, long position)
    {
        ref var seen = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(firstSeen, (kind, name), out var exists);
        if (!exists || position < seen)
        {
            seen = position;
        }
    }

    /// <summary>The names of <paramref name="kind"/> in order of first mention (ties in the order they were first seen).</summary>
    private static string[] Ordered(EntityScratch scratch, Kind kind)
    {
        var order = scratch.Order;
        order.Clear();
        foreach (var (key, position) in scratch.FirstSeen)
        {
            if (key.Item1 == kind)
            {
                order.Add((position, order.Count, key.Item2));
            }
        }

        if (order.Count == 0)
        {
            return [];
        }

        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(order).Sort(static (a, b) => a.Position != b.Position ? a.Position.CompareTo(b.Position) : a.Index.CompareTo(b.Index));
        var names = new string[order.Count];
        for (var k = 0; k < names.Length; k++)
        {
            names[k] = order[k].Name;
        }

        return names;
    }

    /// <summary>The last name of <paramref name="fullName"/>, an "al-"/"el-" left off ("Bashar al-Assad" -> "Assad").</summary>
    private static ReadOnlySpan<char> LastName(string fullName)
    {
        var last = fullName.AsSpan(fullName.LastIndexOf(' ') + 1);
        return last.Length > 3 && last[2] == '-' && last[0] is 'a' or 'e' ? last[3..] : last;
    }
}
