using System.Collections.Frozen;

namespace Pipeline.Core.Metadata.Shared;

/// <summary>
/// Words that name a news outlet rather than a person ("Harbour Gazette", "Valley Courier", "Ostsee Zeitung"): a
/// byline piece or a capitalised phrase holding one is an outlet, never a person's name.
/// </summary>
internal static class OutletWords
{
    private static readonly FrozenSet<string> Words = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "gazette", "times", "post", "news", "journal", "herald", "tribune", "review", "press", "daily", "wire",
        "observer", "chronicle", "courier", "today", "magazine", "radio", "tv", "television", "telegraph", "mirror",
        "express", "examiner", "inquirer", "bulletin", "dispatch", "ledger", "sentinel", "gazzetta", "zeitung",
        "nachrichten", "rundschau", "tagblatt", "anzeiger", "kurier", "diario", "periódico", "noticias", "gaceta",
        "heraldo", "correo", "quotidien", "dépêche", "courrier", "hebdo", "weekly", "monthly", "broadcasting",
        "network", "media", "online", "digest", "insider", "standard",
        "newspaper", "channel", "fm", "agency", "agencia", "agence", "presse", "prensa");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when <paramref name="word"/> is an outlet word.</summary>
    public static bool IsOutletWord(ReadOnlySpan<char> word) => Lookup.Contains(word);

    /// <summary>True when any space-separated word of <paramref name="phrase"/> after the first is an outlet word.</summary>
    /// <remarks>The first word is skipped so that a person whose first name happens to be one ("Post Malone") is not
    /// caught; outlets put the outlet word last or in the middle ("Daily Mail" is in the gazetteer).</remarks>
    public static bool HasOutletWord(ReadOnlySpan<char> phrase)
    {
        var first = true;
        foreach (var range in phrase.Split(' '))
        {
            var word = phrase[range].Trim(".,;:");
            if (!first && !word.IsEmpty && Lookup.Contains(word))
            {
                return true;
            }

            first = false;
        }

        return false;
    }
}
