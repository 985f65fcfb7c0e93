using System.Collections.Frozen;

namespace Pipeline.Core.Metadata.Shared;

/// <summary>Major news outlets and agencies, with their canonical names ("Guardian" -> "The Guardian").</summary>
internal static class OutletGazetteer
{
    private static readonly string[] Canonical =
    [
        "The Guardian", "The New York Times", "The Washington Post", "The Wall Street Journal", "The Times",
        "The Sunday Times", "The Telegraph", "The Independent", "The Economist", "The Atlantic", "The New Yorker",
        "The Observer", "The Daily Mail", "The Sun", "The Hill", "The Intercept", "The Nation", "The Australian",
        "The Hindu", "The Times of India", "The Financial Times", "Financial Times", "Reuters", "Associated Press",
        "Agence France-Presse", "AFP", "BBC", "BBC News", "CNN", "Fox News", "MSNBC", "NBC News", "CBS News", "ABC News",
        "NPR", "PBS", "Bloomberg", "Business Insider", "Politico", "Axios", "Vox", "BuzzFeed News", "HuffPost",
        "The Huffington Post", "USA Today", "Los Angeles Times", "Chicago Tribune", "Newsweek", "Time", "Forbes",
        "CNBC", "Al Jazeera", "Al Arabiya", "RT", "Sputnik", "TASS", "Xinhua", "Deutsche Welle", "DW", "Euronews",
        "France 24", "Le Monde", "Le Figaro", "Libération", "Le Parisien", "Der Spiegel", "Die Zeit", "Die Welt",
        "Frankfurter Allgemeine Zeitung", "Süddeutsche Zeitung", "Bild", "El País", "El Mundo", "ABC", "La Vanguardia",
        "Corriere della Sera", "La Repubblica", "The Daily Beast", "Daily Mail", "The Mirror", "Sky News",
        "Haaretz", "The Jerusalem Post", "Times of Israel", "South China Morning Post", "Yahoo News", "Vice News",
        "Wired", "TechCrunch", "The Verge", "Ars Technica", "Der Standard", "NZZ", "Mother Jones", "Salon", "Slate",
        "The Daily Telegraph", "Global Times", "Asia Times", "Dagens Nyheter", "Reuters News", "EFE", "dpa", "ANSA",
    ];

    private static readonly FrozenDictionary<string, string> ByKey = Build();

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> KeyLookup =
        ByKey.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Which lengths the keys of <see cref="ByKey"/> have (lowercasing keeps a string's length).</summary>
    private static readonly bool[] KeyLengths = BuildKeyLengths();

    /// <summary>The canonical name of <paramref name="outlet"/>, or null when it is not a known outlet.</summary>
    public static string? Canonicalise(string outlet) => Canonicalise(outlet.AsSpan());

    /// <summary>The canonical name of <paramref name="outlet"/>, or null; looks the phrase up without copying it to a string.</summary>
    public static string? Canonicalise(ReadOnlySpan<char> outlet)
    {
        // The same key as Key(string), written into a stack buffer: this runs for every capitalised run of a document.
        var s = outlet.Trim();
        if (s.StartsWith("The ", StringComparison.OrdinalIgnoreCase))
        {
            s = s[4..];
        }

        // Most phrases have a length no outlet's key has: they are answered without being lowercased.
        if (s.Length >= KeyLengths.Length || !KeyLengths[s.Length])
        {
            return null;
        }

        var lower = s.Length <= 128 ? stackalloc char[s.Length] : new char[s.Length];
        s.ToLowerInvariant(lower);
        return KeyLookup.TryGetValue(lower, out var canonical) ? canonical : null;
    }

    /// <summary>
    /// The canonical outlet for a phrase that may carry a qualifier ("The London Guardian" -> "The Guardian"):
    /// the phrase itself, else its shortest-dropping suffix that is a known outlet. Unknown phrases are kept,
    /// without a leading "The" when the rest is known.
    /// </summary>
    public static string Normalise(string phrase) => FindQualified(phrase) ?? phrase;

    /// <summary>The known outlet <paramref name="phrase"/> names, maybe behind a qualifier (see <see cref="Normalise"/>), or null.</summary>
    public static string? FindQualified(ReadOnlySpan<char> phrase)
    {
        // The words joined by single spaces; each suffix of words is then the text from a word's start on.
        var joined = phrase.Length <= 256 ? stackalloc char[phrase.Length] : new char[phrase.Length];
        var length = SpanWords.JoinSingleSpaced(phrase, joined);

        for (var start = 0; start < length; start++)
        {
            if ((start == 0 || joined[start - 1] == ' ') && Canonicalise(joined[start..length]) is { } known)
            {
                return known;
            }
        }

        return null;
    }

    private static string Key(string outlet)
    {
        var s = outlet.Trim();
        if (s.StartsWith("The ", StringComparison.OrdinalIgnoreCase))
        {
            s = s[4..];
        }

        return s.ToLowerInvariant();
    }

    private static bool[] BuildKeyLengths()
    {
        var lengths = new bool[ByKey.Keys.Max(k => k.Length) + 1];
        foreach (var key in ByKey.Keys)
        {
            lengths[key.Length] = true;
        }

        return lengths;
    }

    private static FrozenDictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Canonical)
        {
            map.TryAdd(Key(name), name);
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
