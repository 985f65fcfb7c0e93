using System.Collections.Frozen;

namespace Pipeline.Core.Metadata.Entities;

/// <summary>
/// Word lists that tell the entity extractor what a capitalised run is from its shape and its neighbours, in English,
/// French, German and Spanish: person and place cues beside a name ("said X", "X said", "in X"), function words that
/// may open a run ("The"), roles before or after a person ("Sheriff X", "X, maire de"), place nouns before a
/// place ("the town of X", "la commune de X"), organisation words at either end ("X Networks", "Asociación de X",
/// "1. FC X") and place words that make a run a place ("X County", "Port X").
/// </summary>
internal static class EntityCues
{
    /// <summary>Words before a name that say it is a person's ("President", "minister, Sergei Lavrov", "said Smith").</summary>
    public static readonly FrozenSet<string> PersonCuesBefore = FrozenSet.Create(
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

    /// <summary>Words after a name that say it is a person's ("Smith said").</summary>
    public static readonly FrozenSet<string> PersonCuesAfter = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "said", "says", "told", "added", "stated", "explained", "argued", "claimed", "noted", "wrote", "reported",
        "insisted", "warned", "announced", "believes", "believed", "thinks", "asked", "replied", "tweeted", "declared",
        "dit", "déclare", "sagte", "sagt", "erklärte", "dijo", "afirmó", "declaró");

    /// <summary>Words before a lone capitalised word that say it is a place ("in Benghazi", "from Aleppo").</summary>
    /// <remarks>
    /// Not the same list as <see cref="PlacePrepositions"/>: that one is read before runs of any length with only
    /// spaces between, this one before a single word with a comma allowed. They differ ("nach" here, "between"
    /// there), so merging them would change what is found.
    /// </remarks>
    public static readonly FrozenSet<string> PlaceCuesBefore = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "in", "near", "outside", "from", "across", "à", "en", "nach", "bei");

    // English function words that may open a capitalised run without being part of the name ("The", "A").
    private static readonly FrozenSet<string> FunctionWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "is", "was", "le", "la", "les", "el", "los", "las", "der", "die", "das", "des", "dem", "den");

    /// <summary>
    /// Lower-case words that join the capitalised words of a run besides the name particles ("Bank of England",
    /// "Chemin des Dames").
    /// </summary>
    public static readonly FrozenSet<string> RunConnectors = FrozenSet.Create(StringComparer.Ordinal, "of", "du", "des");

    /// <summary>Roles and titles: before a name they are stripped and count as evidence of a person; after "X, " too.</summary>
    private static readonly FrozenSet<string> Roles = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "president", "vice", "minister", "ambassador", "chief", "head", "spokesman", "spokeswoman", "spokesperson",
        "secretary", "senator", "governor", "mayor", "general", "colonel", "commander", "captain", "lieutenant",
        "sergeant", "detective", "inspector", "commissioner", "councillor", "councilor", "councilman", "councilwoman",
        "sheriff", "deputy", "superintendent", "marshal", "officer", "constable", "judge", "justice", "prosecutor",
        "attorney", "director", "manager", "chairman", "chairwoman", "chair", "chairperson", "ceo", "cfo", "founder",
        "owner", "professor", "prof", "dr", "doctor", "nurse", "engineer", "economist", "analyst", "researcher",
        "scientist", "negotiator", "representative", "rep", "sen", "gov", "coach", "leader", "executive",
        "treasurer", "trustee", "partner", "principal", "dean", "chancellor", "premier", "king", "queen", "prince",
        "princess", "bishop", "pastor", "reverend", "rev", "rabbi", "imam", "father", "sister", "brother",
        "battalion", "assistant", "acting", "interim", "former", "senior", "master", "diver", "farmer", "resident",
        "volunteer", "worker", "driver", "teacher", "student", "member", "official", "activist", "lawyer",
        "editor", "reporter", "journalist", "author", "historian", "archaeologist", "curator", "pilot",
        // French.
        "maire", "adjoint", "adjointe", "président", "présidente", "ministre", "directeur", "directrice", "préfet",
        "préfète", "député", "députée", "sénateur", "sénatrice", "conseiller", "conseillère", "porte-parole", "chef",
        "cheffe", "professeur", "professeure", "docteur", "avocat", "avocate", "ingénieur", "retraité", "retraitée",
        "agriculteur", "agricultrice", "habitant", "habitante", "secrétaire", "responsable", "fondateur", "fondatrice",
        "ancien", "ancienne", "gérant", "gérante", "commissaire", "capitaine", "juge", "militant", "militante",
        // German.
        "bürgermeister", "bürgermeisterin", "präsident", "präsidentin", "minister", "ministerin", "direktor",
        "direktorin", "sprecher", "sprecherin", "vorstand", "vorsitzende", "vorsitzender", "geschäftsführer",
        "geschäftsführerin", "trainer", "trainerin", "leiter", "leiterin", "chefin", "kanzler", "kanzlerin",
        "kommissar", "kommissarin", "richter", "richterin", "landrat", "landrätin", "abgeordnete", "abgeordneter",
        // Spanish.
        "alcalde", "alcaldesa", "presidente", "presidenta", "ministro", "ministra", "director", "directora", "portavoz",
        "jefe", "jefa", "consejero", "consejera", "secretario", "secretaria", "profesor", "profesora", "doctora",
        "investigador", "investigadora", "agricultor", "agricultora", "concejal", "concejala", "gerente", "fundadora",
        "juez", "jueza", "diputado", "diputada", "senador", "senadora", "gobernador", "gobernadora", "abogado", "abogada");

    // German compound roles end in one of these ("Finanzvorstand", "Pressesprecherin", "Oberbürgermeister").
    private static readonly string[] GermanRoleEndings =
    [
        "vorstand", "sprecher", "sprecherin", "präsident", "präsidentin", "meister", "meisterin", "direktor",
        "direktorin", "leiter", "leiterin", "minister", "ministerin", "führer", "führerin", "vorsitzende", "vorsitzender",
        "chef", "chefin", "trainer", "trainerin", "kommissar", "kommissarin",
    ];

    /// <summary>Verbs and prepositions right before a name that say it is a person's, in French, German and Spanish.</summary>
    public static readonly FrozenSet<string> SpeechCuesBefore = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "sagte", "sagt", "erklärte", "betonte", "laut", "meinte", "ergänzte", "selon", "déclaré", "déclare", "explique",
        "résume", "ajoute", "affirme", "estime", "souligne", "précise", "según", "dijo", "afirmó", "explicó", "señaló",
        "aseguró", "indicó", "añadió", "declaró", "recordó", "who", "told", "quoted", "interviewed", "thanked", "named");

    /// <summary>Nouns that put a place after them with "of"/"de" between ("the town of X", "la commune de X").</summary>
    private static readonly FrozenSet<string> PlaceNouns = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "town", "city", "village", "port", "harbour", "harbor", "region", "province", "county", "state", "municipality",
        "district", "island", "islands", "capital", "suburb", "borough", "parish", "hamlet", "outskirts", "centre",
        "center", "heart", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
        "government", "residents", "people", "streets", "mayor", "commune", "ville", "région", "département",
        "préfecture", "habitants", "près", "mairie", "localidad", "ciudad", "pueblo", "provincia", "municipio",
        "región", "cerca", "habitantes", "alrededores", "comunidad", "gemeinde", "stadt", "dorf", "landkreis", "kreis");

    /// <summary>Prepositions of place that precede a place directly ("in X", "near X", "à X", "bei X", "en X").</summary>
    public static readonly FrozenSet<string> PlacePrepositions = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "in", "near", "outside", "from", "across", "between", "entre", "zwischen", "à", "en", "bei", "desde", "hacia", "via");

    /// <summary>Words before "to" that make it a destination ("train to X", "moved to X").</summary>
    private static readonly FrozenSet<string> MotionWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "train", "trains", "trip", "flight", "flights", "road", "route", "bus", "buses", "ferry", "travel", "travelled",
        "traveled", "moved", "move", "returned", "return", "drive", "drove", "way", "journey", "line", "service",
        "services", "link", "commute", "fly", "flew", "sailed", "headed", "heading", "evacuated", "relocated");

    /// <summary>Last words that make a capitalised run an organisation (English and the other three languages).</summary>
    private static readonly FrozenSet<string> OrganizationEndings = FrozenSet.Create(
        StringComparer.Ordinal,
        "Networks", "Devices", "Energy", "Construction", "Laboratory", "Laboratories", "Lab", "Labs", "Rail", "Railway",
        "Railways", "Co-op", "Coop", "Cooperative", "Co-operative", "Holdings", "Systems", "Technologies", "Technology",
        "Airlines", "Airways", "Industries", "Motors", "Pharmaceuticals", "Solutions", "Logistics", "Partners",
        "Ventures", "Capital", "Insurance", "Mining", "Petroleum", "Electric", "Utilities", "Telecom", "Communications",
        "Software", "Robotics", "Therapeutics", "Shipping", "Foods", "Brewery", "Studios", "Collective", "Initiative",
        "District", "Museum", "Liga", "Verband", "Bündnis", "Gesellschaft", "Verein", "Klub", "Bund", "Société",
        "Fédération", "Conseil", "Syndicat", "Asociación", "Federación", "Consejo", "Sindicato", "Ayuntamiento", "Junta",
        "Cooperativa", "Coopérative", "Genossenschaft", "SL", "BV", "NV", "Oy", "AB", "ASA", "SpA", "Srl", "SAS", "SARL",
        "KG", "Plc", "plc", "LLP", "LP", "Limited", "Incorporated", "Ltda");

    /// <summary>First words that make a capitalised run an organisation ("Asociación de X", "FC X", "Bank of X").</summary>
    private static readonly FrozenSet<string> OrganizationStarts = FrozenSet.Create(
        StringComparer.Ordinal,
        "Instituto", "Institut", "Institute", "Universidad", "Université", "Universität", "University", "Asociación",
        "Association", "Federación", "Fédération", "Federation", "Conseil", "Consejo", "Council", "Syndicat",
        "Sindicato", "Ministerio", "Ministère", "Ministerium", "Ministry", "Ayuntamiento", "Junta", "Banco", "Banque",
        "Bank", "Grupo", "Groupe", "Société", "Compagnie", "Compañía", "Fundación", "Fondation", "Stiftung",
        "Department", "Agence", "Agencia", "Agency", "Museo", "Musée", "Museum", "Partido", "Parti", "Confederación",
        "Confédération", "Union", "Unión", "Board", "Office", "Commission", "Comisión", "Committee", "Comité",
        "Cámara", "Chambre", "Chamber", "Coalition", "League", "Society", "Academy", "College", "Colegio", "Guild",
        "FC", "SC", "SV", "AC", "CF", "CD", "UD", "AS", "SK", "FK", "VfB", "VfL", "TSV", "TSG", "RB", "Real", "Atlético",
        "Sporting", "Olympique", "Racing", "Club");

    // English start words name an organisation only with "of" after them ("Bank of Leeds"); the others stand alone.
    private static readonly FrozenSet<string> EnglishOrganizationStarts = FrozenSet.Create(
        StringComparer.Ordinal,
        "Institute", "University", "Association", "Federation", "Council", "Ministry", "Bank", "Department", "Agency",
        "Museum", "Union", "Board", "Office", "Commission", "Committee", "Chamber", "Coalition", "League", "Society",
        "Academy", "College", "Guild");

    /// <summary>Sports club abbreviations that may carry a founding number before them ("1. FC X").</summary>
    private static readonly FrozenSet<string> ClubAbbreviations = FrozenSet.Create(
        StringComparer.Ordinal, "FC", "SC", "SV", "FK", "SK", "VfB", "VfL", "TSV", "TSG", "CF", "AC", "FSV", "SpVgg");

    // German compounds that end in an organisation word ("Fanbündnis", "Sportverein", "Bauernverband").
    private static readonly string[] GermanOrganizationEndings =
        ["bündnis", "verband", "verein", "gesellschaft", "stiftung", "partei", "liga", "bund", "gruppe", "klub", "genossenschaft", "initiative"];

    /// <summary>Lower-case nouns that put an organisation's name right after them ("la asociación agraria X", "le collectif X").</summary>
    private static readonly FrozenSet<string> OrganizationNouns = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "company", "firm", "group", "union", "party", "club", "startup", "start-up", "cooperative", "co-op", "charity",
        "retailer", "manufacturer", "maker", "operator", "airline", "insurer", "contractor", "developer", "lender",
        "association", "asociación", "collectif", "colectivo", "groupe", "société", "entreprise",
        "empresa", "firma", "grupo", "cooperativa", "coopérative", "plataforma", "plateforme", "syndicat", "sindicato",
        "organisation", "organization", "organización", "ong", "fundación", "fondation", "verein", "verband");

    private static readonly FrozenSet<string> OrganizationConnectors = FrozenSet.Create(
        StringComparer.Ordinal, "of", "de", "del", "des", "du", "la", "le", "der", "für", "for", "y", "et", "and", "&", "di");

    /// <summary>Last words that make a capitalised run a place ("Marlow County", "Mill Street").</summary>
    private static readonly FrozenSet<string> PlaceEndings = FrozenSet.Create(
        StringComparer.Ordinal,
        "County", "Province", "Region", "Valley", "Island", "Islands", "Bay", "Lake", "Street", "Road", "Avenue",
        "Lane", "Boulevard", "Square", "Plaza", "Harbour", "Harbor", "River", "Mountains", "Peninsula", "Heights",
        "Township", "Parish", "Canton", "Fjord", "Coast", "Straße", "Strasse", "Platz", "Weg", "Allee", "Calle",
        "Rue", "Avenida");

    /// <summary>First words that make a capitalised run a place ("Port X", "Lake X", "Mount X", "San X").</summary>
    private static readonly FrozenSet<string> PlaceStarts = FrozenSet.Create(
        StringComparer.Ordinal,
        "Port", "Lake", "Mount", "Mt.", "Fort", "Cape", "Saint", "St.", "San", "Santa", "Santo", "São", "Sankt",
        "Puerto", "Villa", "Vila", "Isla", "Île", "Lac", "Monte", "Rio", "Río");

    // German nouns (capitalised like names) end so: "Zukunft" and "Gegenzug" after "in" are not places.
    private static readonly string[] GermanNounEndings =
        ["ung", "heit", "keit", "schaft", "tion", "tät", "nis", "zug", "kunft", "kraft", "sicht", "nahme", "weise", "stand", "lage"];

    /// <summary>True when <paramref name="word"/> ends like a German common noun ("Richtung", "Zukunft").</summary>
    public static bool LooksLikeGermanNoun(ReadOnlySpan<char> word)
    {
        foreach (var ending in GermanNounEndings)
        {
            if (word.Length > ending.Length + 2 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="word"/> is a role or title ("Sheriff", "maire", "Finanzvorstand").</summary>
    public static bool IsRole(ReadOnlySpan<char> word)
    {
        if (word.Length == 0 || RoleLookup.Contains(word))
        {
            return word.Length > 0;
        }

        if (word.Length > 6 && char.IsUpper(word[0]))
        {
            foreach (var ending in GermanRoleEndings)
            {
                if (word.Length > ending.Length + 2 && word.EndsWith(ending, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Every context word of these lists (compared ignoring case).</summary>
    public static IEnumerable<string> ContextWordList => ContextWords.Words;

    /// <summary>The shared instance of a context word from these lists, or null.</summary>
    public static string? ContextWord(ReadOnlySpan<char> word) => ContextWords.Lookup.TryGetValue(word, out var known) ? known : null;

    /// <summary>True when the words before a name make it a place: "in X", "the town of X", "la commune de X", "train to X".</summary>
    /// <param name="before">The word right before the name.</param>
    /// <param name="beforeThat">The word before that, or empty when there is none.</param>
    public static bool IsPlaceContext(ReadOnlySpan<char> before, ReadOnlySpan<char> beforeThat) =>
        PlacePrepositionLookup.Contains(before) ||
        (before is "of" or "de" or "di" or "do" or "von" && PlaceNounLookup.Contains(beforeThat)) ||
        (before is "to" && MotionWordLookup.Contains(beforeThat));

    // Nouns that, after "X, a", say X is a place ("X, a fishing town in").
    private static readonly FrozenSet<string> SettlementNouns = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "town", "city", "village", "port", "suburb", "municipality", "region", "province", "county", "island", "hamlet",
        "commune", "ville", "région", "localidad", "ciudad", "pueblo", "municipio", "provincia", "gemeinde", "stadt", "dorf");

    /// <summary>True when <paramref name="word"/> names a kind of settlement or area ("town", "commune", "localidad").</summary>
    public static bool IsSettlementNoun(ReadOnlySpan<char> word) => SettlementNounLookup.Contains(word);

    /// <summary>True when a lower-case noun before a name makes it an organisation ("the company X").</summary>
    public static bool IsOrganizationNoun(ReadOnlySpan<char> word) => OrganizationNounLookup.Contains(word);

    /// <summary>True when a capitalised run of these words is an organisation by its first or last word.</summary>
    public static bool IsOrganizationShape(IReadOnlyList<string> words) =>
        words.Count >= 2 && IsOrganizationShape(words[0], words[^1], words.Contains("of"));

    /// <summary>True when a run of two or more words with these first and last words is an organisation.</summary>
    /// <param name="first">The first word.</param>
    /// <param name="last">The last word.</param>
    /// <param name="hasOf">Whether "of" joins words of the run ("Bank of Leeds").</param>
    public static bool IsOrganizationShape(ReadOnlySpan<char> first, ReadOnlySpan<char> last, bool hasOf)
    {
        if (OrganizationEndingLookup.Contains(last))
        {
            return true;
        }

        if (OrganizationStartLookup.Contains(first))
        {
            // "Bank of Leeds", "Asociación Valle Verde"; English start words need their "of".
            return !EnglishOrganizationStartLookup.Contains(first) || hasOf;
        }

        if (ClubAbbreviationLookup.Contains(first))
        {
            return true;
        }

        foreach (var ending in GermanOrganizationEndings)
        {
            if (first.Length > ending.Length + 2 && first.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a hyphenated word is itself an organisation word ("Co-op"), so the hyphen does not split it.</summary>
    public static bool IsHyphenatedOrganizationWord(ReadOnlySpan<char> word) => OrganizationEndingLookup.Contains(word);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OrganizationEndingLookup =
        OrganizationEndings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when <paramref name="word"/> is a sports-club abbreviation that may carry a number ("1. FC").</summary>
    public static bool IsClubAbbreviation(ReadOnlySpan<char> word) => ClubAbbreviationLookup.Contains(word);

    /// <summary>True when a capitalised run of these words is a place by its first or last word.</summary>
    public static bool IsPlaceShape(ReadOnlySpan<char> first, ReadOnlySpan<char> last) => PlaceEndingLookup.Contains(last) || PlaceStartLookup.Contains(first);

    /// <summary>True when <paramref name="word"/> joins the words of an organisation's name ("of", "de", "für").</summary>
    public static bool IsOrganizationConnector(ReadOnlySpan<char> word) => OrganizationConnectorLookup.Contains(word);

    /// <summary>True when <paramref name="word"/> is one of <see cref="SpeechCuesBefore"/>.</summary>
    public static bool IsSpeechCueBefore(ReadOnlySpan<char> word) => SpeechCueLookup.Contains(word);

    /// <summary>True when <paramref name="word"/> before a name says it is a person's ("President", "said").</summary>
    public static bool IsPersonCueBefore(ReadOnlySpan<char> word) => PersonCueBeforeLookup.Contains(word);

    /// <summary>True when <paramref name="word"/> after a name says it is a person's ("said", "sagte").</summary>
    public static bool IsPersonCueAfter(ReadOnlySpan<char> word) => PersonCueAfterLookup.Contains(word);

    /// <summary>True when <paramref name="word"/> right before a lone capitalised word says it is a place ("in", "nach").</summary>
    public static bool IsPlaceCueBefore(ReadOnlySpan<char> word) => PlaceCueBeforeLookup.Contains(word);

    /// <summary>True when <paramref name="word"/> is a function word that may open a run without being part of the name.</summary>
    public static bool IsFunctionWord(ReadOnlySpan<char> word) => FunctionWordLookup.Contains(word);

    /// <summary>True when <paramref name="word"/> splits a run between two known places ("Córdoba y Jaén", "Lyon et Nantes").</summary>
    public static bool IsConjunctionBetweenPlaces(ReadOnlySpan<char> word) => word is "y" or "e" or "et" or "und" or "and";

    /// <summary>True when <paramref name="word"/> after a lone word continues a list of places ("Zwolle, Tilburg and the coast").</summary>
    /// <remarks>Not the same words as <see cref="IsConjunctionBetweenPlaces"/> ("or" only here, "e" only there): kept apart as they were tuned.</remarks>
    public static bool IsPlaceListConjunction(ReadOnlySpan<char> word) => word is "and" or "y" or "et" or "und" or "or";

    /// <summary>True when <paramref name="word"/> is one of <see cref="RunConnectors"/>.</summary>
    public static bool IsRunConnector(ReadOnlySpan<char> word) => RunConnectorLookup.Contains(word);

    // Span lookups of the lists above, so that a word of a block is looked up without being copied to a string.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PersonCueBeforeLookup = PersonCuesBefore.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PersonCueAfterLookup = PersonCuesAfter.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PlaceCueBeforeLookup = PlaceCuesBefore.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FunctionWordLookup = FunctionWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RunConnectorLookup = RunConnectors.GetAlternateLookup<ReadOnlySpan<char>>();

    // Span lookups of the role, place and organisation lists.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RoleLookup = Roles.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeechCueLookup = SpeechCuesBefore.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PlacePrepositionLookup = PlacePrepositions.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PlaceNounLookup = PlaceNouns.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> MotionWordLookup = MotionWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SettlementNounLookup = SettlementNouns.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OrganizationNounLookup = OrganizationNouns.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OrganizationStartLookup = OrganizationStarts.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EnglishOrganizationStartLookup = EnglishOrganizationStarts.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ClubAbbreviationLookup = ClubAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OrganizationConnectorLookup = OrganizationConnectors.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PlaceEndingLookup = PlaceEndings.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PlaceStartLookup = PlaceStarts.GetAlternateLookup<ReadOnlySpan<char>>();

    // Every context word of the lists above in one set, so a lower-case token costs one lookup. A nested class so that
    // it is built after all the lists are.
    private static class ContextWords
    {
        public static readonly FrozenSet<string> Words =
            Roles.Concat(SpeechCuesBefore).Concat(PlaceNouns).Concat(PlacePrepositions).Concat(MotionWords).Concat(OrganizationNouns)
                .Concat(SettlementNouns).Concat(["to", "of", "de", "who", "and", "or", "et", "und"])
                .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

        public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
