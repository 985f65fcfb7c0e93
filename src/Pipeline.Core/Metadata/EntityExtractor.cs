using System.Collections.Frozen;
using Pipeline.Core.Documents;
using Pipeline.Core.Structure;

namespace Pipeline.Core.Metadata;

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

    private readonly record struct Token(int Start, int End, string Text, bool Capitalised, bool SentenceStart, bool BreakAfter, bool BasedSuffix);

    private enum Kind
    {
        Person,
        Organization,
        Place,
    }

    private sealed class Mention(string name, Kind kind, long position, bool evidence)
    {
        public string Name { get; } = name;

        public Kind Kind { get; } = kind;

        public long Position { get; } = position;

        public bool Evidence { get; } = evidence;
    }

    /// <summary>Entities of <paramref name="text"/>, each list distinct and in order of first mention.</summary>
    /// <param name="text">The document.</param>
    /// <param name="knownPeople">People known from elsewhere (the authors).</param>
    public static NamedEntities Extract(StructuredText text, IReadOnlyList<string> knownPeople)
    {
        var mentions = new List<Mention>();
        var singles = new List<(string Word, long Position, bool Cue)>();
        var acronymAliases = new Dictionary<string, string>(StringComparer.Ordinal);
        var tokens = new List<Token>(256);
        for (var b = 0; b < text.Blocks.Count; b++)
        {
            var block = text.Blocks[b];
            tokens.Clear();
            Tokenise(block.Text, tokens);
            var titleCase = block.Kind != BlockKind.Paragraph;
            if (b < DatelineBlocks && DatelinePlace(block.Text) is { } datelinePlace)
            {
                mentions.Add(new Mention(datelinePlace, Kind.Place, (long)b << 20, true));
            }

            ReadBlock(block.Text, tokens, (long)b << 20, titleCase, mentions, singles, acronymAliases);
        }

        return Resolve(mentions, singles, acronymAliases, knownPeople);
    }

    private static void Tokenise(string s, List<Token> tokens)
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
                    sentenceStart |= c != '.' || !(tokens.Count > 0 && tokens[^1].End == i && IsShortAbbreviation(tokens[^1].Text));
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
                tokens.Add(new Token(start, i, ContextWord(s.AsSpan(start, i - start)), false, sentenceStart, false, false));
                sentenceStart = false;
                continue;
            }

            // The word is cut in place and copied to a string once.
            var span = s.AsSpan(start, i - start);
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

            var word = span.ToString();
            var capitalised = char.IsUpper(word[0]) || (word.Length > 3 && word[2] == '-' && char.IsUpper(word[3]) && word[0] is 'a' or 'e');
            tokens.Add(new Token(start, i, word, capitalised, sentenceStart, breakAfter, based));
            sentenceStart = false;
        }
    }

    private static readonly FrozenSet<string>[] ContextSets =
        [PersonCuesBefore, PersonCuesAfter, PlaceCuesBefore, PersonNames.Particles, FrozenSet.Create(StringComparer.Ordinal, "of", "du", "des")];

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

        foreach (var set in ContextSets)
        {
            if (set.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var known))
            {
                return known;
            }
        }

        return EntityCues.ContextWord(word) ?? "";
    }

    private static bool IsShortAbbreviation(string word) =>
        (word.Length == 1 && char.IsUpper(word[0])) || word.Contains('.', StringComparison.Ordinal) ||
        word is "Mr" or "Mrs" or "Ms" or "Dr" or "Prof" or "St" or "Gen" or "Col" or "Lt" or "Sen" or "Rep" or "Gov" or "Sept" or "Jan" or "Feb" or "Aug" or "Oct" or "Nov" or "Dec" or "M" or "Sr" or "Sra" or "Jr" or "No";

    private static void ReadBlock(
        string s,
        List<Token> tokens,
        long basePosition,
        bool titleCaseBlock,
        List<Mention> mentions,
        List<(string Word, long Position, bool Cue)> singles,
        Dictionary<string, string> acronymAliases)
    {
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

                if ((PersonNames.Particles.Contains(next.Text) || next.Text is "of" or "of the" or "du" or "des") && j + 2 < tokens.Count &&
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
            ReadRun(s, tokens, first, last, basePosition, gazetteerOnly, mentions, singles, acronymAliases);
            if (mentions.Count > mentionsBefore && mentions[^1].Kind == Kind.Place)
            {
                lastPlaceEnd = tokens[last].End;
            }
            else if (!gazetteerOnly && first == last && mentions.Count == mentionsBefore && IsNextInPlaceList(s, tokens, first, lastPlaceEnd))
            {
                mentions.Add(new Mention(tokens[first].Text, Kind.Place, basePosition + tokens[first].Start, false));
                lastPlaceEnd = tokens[first].End;
            }

            i = last + 1;
        }
    }

    /// <summary>True when a quotation opens just before <paramref name="at"/> and reads as a title (most words capitalised).</summary>
    private static bool IsTitleCaseQuote(string s, int at, out int end)
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

        var close = s.AsSpan(at).IndexOfAny("\"”»“");
        if (close < 0)
        {
            return false;
        }

        end = at + close;
        int words = 0, capitals = 0;
        foreach (var word in s.AsSpan(at, close).Split(' '))
        {
            var w = s.AsSpan(at, close)[word];
            if (w.Length >= 4)
            {
                words++;
                capitals += char.IsUpper(w[0]) ? 1 : 0;
            }
        }

        return words >= 3 && capitals * 10 >= words * 7;
    }

    private static bool Adjacent(string s, Token a, Token b)
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

    private static void ReadRun(
        string s,
        List<Token> tokens,
        int first,
        int last,
        long basePosition,
        bool gazetteerOnly,
        List<Mention> mentions,
        List<(string Word, long Position, bool Cue)> singles,
        Dictionary<string, string> acronymAliases)
    {
        // A run that a gazetteer names as a whole is kept whole ("North Africa", "Al Qaeda").
        Span<char> buffer = stackalloc char[PhraseBufferLength];
        if (first < last && IsGazetteerName(PhraseSpan(s, tokens, first, last, buffer)))
        {
            Classify(s, tokens, first, last, basePosition, gazetteerOnly, mentions, singles, acronymAliases);
            return;
        }

        // A run shaped like an organisation ("High Desert Fire Protection District") keeps its common words; only
        // leading ones ("The", a sentence opener) are dropped.
        var from = first;
        while (from < last && IsCommonWord(tokens[from].Text) && (tokens[from].SentenceStart || IsFunctionWord(tokens[from].Text)))
        {
            from++;
        }

        // "Shares of Acme Devices", "Members of the Dock Union": a sentence opener and "of" are not part of the name.
        if (from + 2 < last && tokens[from].SentenceStart && tokens[from + 1].Text is "of" && IsOrganizationRun(tokens, from + 2, last))
        {
            from += 2;
        }

        if (IsOrganizationRun(tokens, from, last))
        {
            Classify(s, tokens, from, last, basePosition, gazetteerOnly, mentions, singles, acronymAliases);
            return;
        }

        if (SplitAtConjunctionBetweenPlaces(s, tokens, first, last) is { } conjunction)
        {
            Classify(s, tokens, first, conjunction - 1, basePosition, gazetteerOnly, mentions, singles, acronymAliases);
            Classify(s, tokens, conjunction + 1, last, basePosition, gazetteerOnly, mentions, singles, acronymAliases);
            return;
        }

        // Split the run at capitalised common words ("Libya To Syrian Rebels", "However Damascus").
        var start = first;
        for (var k = first; k <= last + 1; k++)
        {
            var split = k > last || (tokens[k].Capitalised && IsCommonWord(tokens[k].Text) && !IsInsideName(tokens, last, k) && !IsTrailingSurname(tokens, first, last, k));
            if (!split)
            {
                continue;
            }

            if (k > start)
            {
                Classify(s, tokens, start, k - 1, basePosition, gazetteerOnly, mentions, singles, acronymAliases);
            }

            start = k + 1;
        }
    }

    // A common word that begins a gazetteer name ("North Africa", "The Hague") or a name particle ("Al", "El", "De") is kept.
    private static bool IsInsideName(List<Token> tokens, int last, int k)
    {
        if (k >= last)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[PhraseBufferLength];
        var text = tokens[k].Text;
        if (text.Length <= buffer.Length)
        {
            var lower = buffer[..text.Length];
            text.AsSpan().ToLowerInvariant(lower);
            if (ParticleLookup.Contains(lower))
            {
                return true;
            }
        }
        else if (PersonNames.Particles.Contains(text.ToLowerInvariant()))
        {
            return true;
        }

        for (var n = k + 1; n <= Math.Min(last, k + 3); n++)
        {
            if (IsGazetteerName(JoinedTexts(tokens, k, n, buffer)))
            {
                return true;
            }
        }

        return false;
    }

    // Acronyms in capitals are never common words ("US" is not "us").
    private static bool IsCommonWord(string word) => !IsAllCaps(word) && CommonWords.IsCommon(word);

    private static void Classify(
        string s,
        List<Token> tokens,
        int first,
        int last,
        long basePosition,
        bool gazetteerOnly,
        List<Mention> mentions,
        List<(string Word, long Position, bool Cue)> singles,
        Dictionary<string, string> acronymAliases)
    {
        // A leading demonym describes the name that follows ("Libyan Abdelhakim Belhadj"), unless a gazetteer
        // names the whole phrase ("Saudi Arabia").
        var demonymBefore = false;
        Span<char> buffer = stackalloc char[PhraseBufferLength];
        var full = PhraseSpan(s, tokens, first, last, buffer);
        while (PlaceGazetteer.Find(full) is null && OrganizationGazetteer.Find(full) is null &&
               first < last && PlaceGazetteer.IsDemonym(tokens[first].Text) && !OrganizationGazetteer.IsSuffix(tokens[last].Text))
        {
            first++;
            demonymBefore = true;
        }

        if (ClassifyByShape(s, tokens, first, last, basePosition, demonymBefore, mentions, acronymAliases))
        {
            return;
        }

        // A leading role is context, not name ("Ambassador Lena Varga", "Battalion Chief Ana Ruiz", "Sprecherin X").
        var roleBefore = false;
        while (first < last && (PersonCuesBefore.Contains(tokens[first].Text) || EntityCues.IsRole(tokens[first].Text)) && char.IsUpper(tokens[first].Text[0]))
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

        if (count >= 2 && OrganizationGazetteer.IsSuffix(tokens[last].Text))
        {
            var orgName = demonymBefore && first > 0 ? Phrase(s, tokens, first - 1, last) : PhraseText(tokens, first, last, phrase);

            mentions.Add(new Mention(orgName, Kind.Organization, position, true));
            if (AcronymAfter(s, tokens[last].End) is { } acronym)
            {
                acronymAliases.TryAdd(acronym, orgName);
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

        var before = first > 0 ? tokens[first - 1] : (Token?)null;
        var after = last + 1 < tokens.Count ? tokens[last + 1] : (Token?)null;
        var cueBefore = before is { } b && (PersonCuesBefore.Contains(b.Text) || EntityCues.SpeechCuesBefore.Contains(b.Text) || (!b.Capitalised && EntityCues.IsRole(b.Text))) &&
                        OnlySpaceOrComma(s, b.End, tokens[first].Start);
        cueBefore |= demonymBefore || roleBefore;
        var cueAfter = after is { } a && PersonCuesAfter.Contains(a.Text) && OnlySpaceOrComma(s, tokens[last].End, a.Start);
        cueAfter |= RoleAfterComma(s, tokens, last);
        var sentenceStart = tokens[first].SentenceStart;
        var placeContext = PlaceContextBefore(s, tokens, first) || SettlementAfterComma(s, tokens, last);
        if (placeContext && !cueBefore && !cueAfter && count > 1 && !FirstNames.Contains(tokens[first].Text))
        {
            mentions.Add(new Mention(PhraseText(tokens, first, last, phrase), Kind.Place, position, false));
            return;
        }

        if (OrganizationNounBefore(s, tokens, first) && !cueBefore && !cueAfter)
        {
            mentions.Add(new Mention(PhraseText(tokens, first, last, phrase), Kind.Organization, position, true));
            return;
        }

        if (count == 1)
        {
            var word = tokens[first].Text;
            if (tokens[first].BasedSuffix)
            {
                mentions.Add(new Mention(word, Kind.Place, position, true));
                return;
            }

            if (acronymAliases.TryGetValue(word, out var longForm))
            {
                mentions.Add(new Mention(longForm, Kind.Organization, position, true));
                return;
            }

            if (sentenceStart && IsCommonWord(word))
            {
                return;
            }

            var placeCue = placeContext || (before is { } pb && PlaceCuesBefore.Contains(pb.Text) && OnlySpaceOrComma(s, pb.End, tokens[first].Start));
            singles.Add((word, position, (cueBefore || cueAfter) && !placeCue));
            if (placeCue && !IsAllCaps(word) && !(cueAfter && !placeContext) && !EntityCues.LooksLikeGermanNoun(word) && !NumberAfter(s, tokens[first].End))
            {
                mentions.Add(new Mention(word, Kind.Place, position, false));
            }
            else if (IsAllCaps(word) && word.Length is >= 2 and <= 6 && word.All(char.IsLetter) && !sentenceStart && AcronymAfter(s, tokens[first].End) is null &&
                     !IsPartOfAmpersandName(s, tokens[first]) && !PersonNames.IsGenericWord(word) && before is not { Text: "By" or "BY" })
            {
                mentions.Add(new Mention(word, Kind.Organization, position, false));
            }

            return;
        }

        if (count > 4 || !PersonNames.LooksLikePersonName(phrase))
        {
            return;
        }

        var firstName = FirstNames.Contains(tokens[first].Text);
        var particle = false;
        var plain = true;
        for (var k = first; k <= last; k++)
        {
            var t = tokens[k].Text;
            particle |= PersonNames.Particles.Contains(t) || (t.Length > 3 && t[2] == '-' && t[0] is 'a' or 'e');
            plain &= (!IsCommonWord(t) || IsTrailingSurname(tokens, first, last, k)) && !PlaceGazetteer.IsDemonym(t) && PlaceGazetteer.Find(t) is null && OrganizationGazetteer.Find(t) is null && !IsAllCaps(t);
        }

        if (!plain)
        {
            return;
        }

        mentions.Add(new Mention(PhraseText(tokens, first, last, phrase), Kind.Person, position, cueBefore || cueAfter || firstName || particle));
    }

    /// <summary>The string of a run's phrase: the token's own text for one word, else a copy of <paramref name="phrase"/>.</summary>
    private static string PhraseText(List<Token> tokens, int first, int last, ReadOnlySpan<char> phrase) =>
        first == last ? tokens[first].Text : phrase.ToString();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ParticleLookup =
        PersonNames.Particles.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool OnlySpaceOrComma(string s, int from, int to)
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

    private static string? AcronymAfter(string s, int at)
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

        var close = s.IndexOf(')', k);
        if (close < 0 || close - k - 1 is < 2 or > 8)
        {
            return null;
        }

        var inner = s[(k + 1)..close];
        return IsAllCaps(inner) ? inner : null;
    }

    private static bool IsAllCaps(string word)
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

    /// <summary>Room for the phrase of a run on the stack; longer runs (rare) get a string.</summary>
    private const int PhraseBufferLength = 256;

    /// <summary>
    /// <see cref="Phrase"/> written into <paramref name="buffer"/> when it fits, so that gazetteer lookups of a run
    /// cost no string; a one-word run is its token's text.
    /// </summary>
    private static ReadOnlySpan<char> PhraseSpan(string s, List<Token> tokens, int first, int last, Span<char> buffer)
    {
        if (first == last)
        {
            return tokens[first].Text;
        }

        var length = 0;
        for (var k = first; k <= last; k++)
        {
            var t = tokens[k];
            var part = k < last && t.End - t.Start == t.Text.Length + 2 && s[t.End - 1] == 's' ? s.AsSpan(t.Start, t.End - t.Start) : t.Text.AsSpan();
            if (length + part.Length + 1 > buffer.Length)
            {
                return Phrase(s, tokens, first, last);
            }

            if (k > first)
            {
                buffer[length++] = ' ';
            }

            part.CopyTo(buffer[length..]);
            length += part.Length;
        }

        return buffer[..length];
    }

    /// <summary>The texts of tokens <paramref name="first"/>..<paramref name="last"/> joined by spaces, in <paramref name="buffer"/> when they fit.</summary>
    private static ReadOnlySpan<char> JoinedTexts(List<Token> tokens, int first, int last, Span<char> buffer)
    {
        var length = 0;
        for (var k = first; k <= last; k++)
        {
            var text = tokens[k].Text;
            if (length + text.Length + 1 > buffer.Length)
            {
                return string.Join(' ', tokens.Skip(first).Take(last - first + 1).Select(t => t.Text));
            }

            if (k > first)
            {
                buffer[length++] = ' ';
            }

            text.CopyTo(buffer[length..]);
            length += text.Length;
        }

        return buffer[..length];
    }

    /// <summary>True when a gazetteer (places, organisations, outlets) names <paramref name="phrase"/>.</summary>
    private static bool IsGazetteerName(ReadOnlySpan<char> phrase) =>
        PlaceGazetteer.Find(phrase) is not null || OrganizationGazetteer.Find(phrase) is not null || OutletGazetteer.Canonicalise(phrase) is not null;

    private static string Phrase(string s, List<Token> tokens, int first, int last)
    {
        if (first == last)
        {
            return tokens[first].Text;
        }

        var parts = new string[last - first + 1];
        for (var k = first; k <= last; k++)
        {
            var t = tokens[k];

            // A possessive inside a name keeps its "'s" ("County Sheriff's Office").
            parts[k - first] = k < last && t.End - t.Start == t.Text.Length + 2 && s[t.End - 1] == 's' ? s[t.Start..t.End] : t.Text;
        }

        return string.Join(' ', parts);
    }

    private static NamedEntities Resolve(
        List<Mention> mentions,
        List<(string Word, long Position, bool Cue)> singles,
        Dictionary<string, string> acronymAliases,
        IReadOnlyList<string> knownPeople)
    {
        // People: multi-word names with evidence somewhere in the text, and the authors.
        var personEvidence = new HashSet<string>(knownPeople, StringComparer.Ordinal);
        foreach (var m in mentions)
        {
            if (m.Kind == Kind.Person && m.Evidence)
            {
                personEvidence.Add(m.Name);
            }
        }

        var firstSeen = new Dictionary<(Kind, string), long>();
        void See(Kind kind, string name, long position)
        {
            if (!firstSeen.TryGetValue((kind, name), out var seen) || position < seen)
            {
                firstSeen[(kind, name)] = position;
            }
        }

        foreach (var m in mentions)
        {
            if (m.Kind == Kind.Person && !personEvidence.Contains(m.Name))
            {
                continue;
            }

            if (m.Kind == Kind.Place && !m.Evidence && personEvidence.Any(p => LastName(p) == m.Name))
            {
                continue; // "in Herridge's view": a surname, not a place.
            }

            var name = m.Kind == Kind.Organization && acronymAliases.TryGetValue(m.Name, out var longForm) ? longForm : m.Name;
            See(m.Kind, name, m.Position);
        }

        AddEvidenceFromShortForms(mentions, singles, personEvidence);

        // Surnames alone are mentions of the full name (when only one person has that surname).
        var bySurname = personEvidence.GroupBy(LastName).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var byFirstName = FirstNamesOf(personEvidence);
        foreach (var (word, position, cue) in singles)
        {
            if (bySurname.TryGetValue(word, out var full) || byFirstName.TryGetValue(word, out full))
            {
                See(Kind.Person, full, position);
            }
            else if (cue && !IsAllCaps(word) && !CommonWords.IsCommon(word) && !firstSeen.ContainsKey((Kind.Place, word)) && !firstSeen.ContainsKey((Kind.Organization, word)))
            {
                See(Kind.Person, word, position);
            }
        }

        foreach (var person in knownPeople)
        {
            if (!firstSeen.ContainsKey((Kind.Person, person)))
            {
                See(Kind.Person, person, long.MaxValue);
            }
        }

        MergeShortPersonNames(firstSeen);

        // A single-word "person" that a place or organisation already names is that place or organisation.
        List<string> Ordered(Kind kind) => firstSeen.Where(e => e.Key.Item1 == kind).OrderBy(e => e.Value).Select(e => e.Key.Item2).ToList();
        return new NamedEntities(Ordered(Kind.Person), Ordered(Kind.Organization), Ordered(Kind.Place));
    }

    private static string LastName(string fullName)
    {
        var last = fullName[(fullName.LastIndexOf(' ') + 1)..];
        return last.Length > 3 && last[2] == '-' && last[0] is 'a' or 'e' ? last[3..] : last;
    }
}
