using System.Collections.Frozen;

namespace Pipeline.Core.Metadata.Entities;

/// <summary>Well-known organisations with canonical names, and the words that end an organisation's name.</summary>
internal static class OrganizationGazetteer
{
    private static readonly (string Name, string[] Aliases)[] Known =
    [
        ("NATO", ["OTAN", "Nato"]), ("United Nations", ["UN", "U.N.", "ONU"]), ("European Union", ["EU", "E.U.", "UE"]),
        ("CIA", []), ("FBI", []), ("NSA", []), ("KGB", []), ("FSB", []), ("MI6", []), ("MI5", []), ("Mossad", []),
        ("Pentagon", []), ("Kremlin", []), ("White House", []), ("State Department", []), ("Congress", []),
        ("Senate", []), ("Bundestag", []), ("Bundeswehr", []), ("Interpol", []), ("Europol", []), ("OSCE", []),
        ("Al Qaeda", ["al-Qaeda", "Al-Qaeda", "al Qaeda", "Al Qaida", "al-Qaida", "Al-Qaida"]),
        ("ISIS", ["Isis", "ISIL", "Islamic State", "Daesh", "Daech"]),
        ("Hezbollah", ["Hizbollah", "Hizbullah"]), ("Hamas", []), ("Taliban", []), ("Muslim Brotherhood", []),
        ("Al Nusra Front", ["Jabhat al-Nusra", "al-Nusra", "Al Nusra", "Nusra Front"]), ("Free Syrian Army", ["FSA"]),
        ("IMF", ["International Monetary Fund"]), ("World Bank", []), ("WHO", ["World Health Organization"]),
        ("WTO", []), ("OPEC", []), ("Red Cross", []), ("Amnesty International", []), ("Human Rights Watch", []),
        ("Médecins Sans Frontières", ["MSF", "Doctors Without Borders"]), ("G7", []), ("G20", []), ("ASEAN", []),
        ("African Union", []), ("Arab League", []), ("Gulf Cooperation Council", ["GCC"]), ("Google", []),
        ("Apple", []), ("Microsoft", []), ("Amazon", []), ("Facebook", []), ("Meta", []), ("Twitter", []), ("Tesla", []),
        ("SpaceX", []), ("OpenAI", []), ("Boeing", []), ("Airbus", []), ("Volkswagen", []), ("Siemens", []),
        ("Gazprom", []), ("Rosneft", []), ("Samsung", []), ("Toyota", []), ("Netflix", []), ("Nvidia", []),
        ("Pfizer", []), ("Moderna", []), ("BlackRock", []), ("Goldman Sachs", []), ("JPMorgan", ["JP Morgan"]),
        ("Federal Reserve", ["Fed"]), ("European Central Bank", ["ECB", "EZB", "BCE"]), ("Bundesbank", []),
        ("Labour Party", ["Labour"]), ("Conservative Party", ["Tories"]), ("Democratic Party", ["Democrats"]),
        ("Republican Party", ["Republicans", "GOP"]), ("Supreme Court", []), ("European Commission", []),
        ("European Parliament", []), ("Security Council", ["UN Security Council"]), ("Wikileaks", ["WikiLeaks"]),
    ];

    /// <summary>Last words that make a capitalised phrase an organisation ("Tripoli Military Council").</summary>
    private static readonly FrozenSet<string> Suffixes = FrozenSet.Create(
        StringComparer.Ordinal,
        "Group", "Council", "Department", "Ministry", "Party", "Army", "Inc", "Inc.", "Ltd", "Ltd.", "LLC", "PLC", "GmbH",
        "AG", "SA", "University", "Universität", "Université", "Universidad", "Agency", "Organization", "Organisation",
        "Committee", "Commission", "Bank", "Court", "Forces", "Front", "Brigade", "Brigades", "Movement", "Institute",
        "Institution", "Foundation", "Corporation", "Corp", "Corp.", "Company", "Co.", "Association", "Union", "Federation",
        "Assembly", "Parliament", "Congress", "Senate", "Office", "Service", "Services", "Police", "Navy", "Force",
        "Guard", "Network", "Press", "News", "Times", "Post", "Journal", "Herald", "Tribune", "Gazette", "Magazine",
        "Review", "Outlook", "Monitor", "Observatory", "Center", "Centre", "Fund", "League", "Alliance", "Coalition",
        "Authority", "Board", "Bureau", "Administration", "Command", "Corps", "Regiment", "Battalion", "Division",
        "Church", "School", "College", "Academy", "Hospital", "Club", "Society", "Trust", "Institut", "Stiftung",
        "Partei", "Ministerium", "Gruppe", "Fondation", "Ministère", "Parti", "Ministerio", "Partido", "Fundación");

    private static readonly FrozenDictionary<string, string> ByName = Build();

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The canonical name of a known organisation, or null.</summary>
    public static string? Find(ReadOnlySpan<char> phrase) => Lookup.TryGetValue(phrase, out var name) ? name : null;

    /// <summary>True when <paramref name="word"/> ends organisation names.</summary>
    public static bool IsSuffix(ReadOnlySpan<char> word) => SuffixLookup.Contains(word);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SuffixLookup = Suffixes.GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenDictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, aliases) in Known)
        {
            map.TryAdd(name, name);
            foreach (var alias in aliases)
            {
                map.TryAdd(alias, name);
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
