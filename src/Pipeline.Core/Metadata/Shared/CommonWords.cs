using System.Collections.Frozen;

namespace Pipeline.Core.Metadata.Shared;

/// <summary>
/// Common words that start sentences in English, French, German and Spanish. A capitalised common word at a
/// sentence start is ordinary text, not the start of a name ("However", "In", "The West").
/// </summary>
internal static class CommonWords
{
    private static readonly FrozenSet<string> Words = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        // English function words and frequent sentence openers.
        "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "for", "if", "then", "than", "when", "while", "where",
        "whereas", "why", "how", "what", "which", "who", "whom", "whose", "that", "this", "these", "those", "there",
        "here", "it", "its", "he", "she", "they", "we", "you", "i", "me", "him", "her", "them", "us", "our", "their",
        "his", "my", "your", "one", "some", "any", "all", "each", "every", "both", "either", "neither", "no", "not",
        "none", "many", "much", "more", "most", "few", "several", "other", "another", "such", "same", "own", "in", "on",
        "at", "by", "to", "from", "of", "with", "without", "within", "into", "onto", "over", "under", "after", "before",
        "during", "since", "until", "about", "above", "below", "across", "along", "among", "around", "against",
        "between", "beyond", "through", "throughout", "toward", "towards", "upon", "via", "despite", "regarding",
        "concerning", "following", "including", "according", "as", "like", "unlike", "however", "moreover",
        "furthermore", "meanwhile", "therefore", "thus", "hence", "indeed", "instead", "also", "still", "even",
        "just", "only", "yet", "already", "again", "once", "now", "today", "yesterday", "tomorrow", "recently",
        "finally", "first", "second", "third", "last", "next", "then", "later", "earlier", "perhaps", "maybe",
        "clearly", "obviously", "apparently", "certainly", "surely", "although", "though", "because", "unless",
        "whether", "after", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does",
        "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "entire", "whole", "every",
        "nothing", "everything", "something", "anything", "someone", "everyone", "nobody", "everybody", "many",
        "new", "old", "big", "small", "great", "good", "bad", "long", "short", "high", "low", "early", "late",
        "yes", "well", "so-called", "given", "based", "using", "through", "just", "very", "too", "far", "near",
        "report", "reports", "update", "read", "see", "click", "share", "image", "photo", "video", "source",
        "sources", "note", "editor", "breaking", "exclusive", "watch", "listen", "more", "related", "top", "latest",
        "west", "east", "reality", "fact", "facts",
        "just", "let", "lets", "let's", "it's", "that's", "there's", "here's", "what's", "we're", "they're", "don't",
        "mr", "mrs", "ms", "dr", "sir", "madam", "dear", "hi", "hello", "thanks", "thank", "please", "whatever",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "june", "july", "august", "september", "october",
        "november", "december", "government", "president", "minister", "officials", "official", "police",
        // French.
        "le", "la", "les", "un", "une", "des", "du", "de", "et", "ou", "mais", "donc", "car", "ni", "que", "qui",
        "quoi", "dont", "où", "ce", "cet", "cette", "ces", "il", "elle", "ils", "elles", "nous", "vous", "on", "en",
        "dans", "par", "pour", "sur", "sous", "avec", "sans", "selon", "après", "avant", "pendant", "depuis",
        "cependant", "pourtant", "ainsi", "alors", "aussi", "enfin", "puis", "mais", "lors", "lorsque", "quand",
        "comme", "si", "tout", "tous", "toutes", "toute", "chaque", "plusieurs", "certains", "aujourd'hui", "hier",
        "demain", "son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos", "au", "aux", "c'est", "d'après",
        "janvier", "février", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
        // German.
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen", "und", "oder",
        "aber", "doch", "denn", "sondern", "dass", "daß", "wenn", "weil", "als", "wie", "wo", "was", "wer", "er",
        "sie", "es", "wir", "ihr", "auch", "noch", "schon", "nur", "bei", "mit", "nach", "seit", "von", "vor", "zu",
        "zum", "zur", "im", "am", "aus", "auf", "für", "gegen", "ohne", "um", "unter", "über", "durch", "trotz",
        "während", "laut", "dabei", "dennoch", "jedoch", "deshalb", "daher", "dann", "heute", "gestern", "morgen",
        "dieser", "diese", "dieses", "jeder", "jede", "alle", "viele", "man", "sein", "seine", "ihre", "unser",
        "januar", "februar", "märz", "juni", "juli", "oktober", "dezember", "ist", "sind", "war", "waren", "hat", "haben",
        // Spanish.
        "el", "los", "las", "unos", "unas", "y", "o", "pero", "sino", "porque", "cuando", "donde", "como", "si",
        "que", "quien", "cual", "este", "esta", "estos", "estas", "ese", "esa", "aquel", "él", "ella", "ellos",
        "ellas", "nosotros", "en", "con", "sin", "por", "para", "desde", "hasta", "según", "sobre", "tras", "entre",
        "sin embargo", "además", "también", "así", "entonces", "luego", "después", "antes", "hoy", "ayer", "mañana",
        "su", "sus", "nuestro", "todo", "todos", "cada", "muchos", "al", "del", "lo", "es", "son", "fue", "ha",
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
        "noviembre", "diciembre");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when <paramref name="word"/> is a common word in one of the four languages.</summary>
    public static bool IsCommon(ReadOnlySpan<char> word) => Lookup.Contains(word);
}
