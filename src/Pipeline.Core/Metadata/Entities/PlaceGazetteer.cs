using System.Collections.Frozen;
using System.Globalization;

namespace Pipeline.Core.Metadata.Entities;

/// <summary>
/// Countries (an embedded list plus .NET's region names), major cities and regions, common aliases
/// ("U.S." -> "United States"), and demonyms ("Syrian"), which name people or things, not places.
/// </summary>
internal static class PlaceGazetteer
{
    private const string Countries =
        "Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia and Herzegovina|Bosnia|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Cape Verde|Central African Republic|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|Dominica|Dominican Republic|East Timor|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Burma|Namibia|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|Trinidad and Tobago|Tunisia|Turkey|Türkiye|Turkmenistan|Uganda|Ukraine|United Arab Emirates|United Kingdom|United States|United States of America|Uruguay|Uzbekistan|Vatican|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|England|Scotland|Wales|Northern Ireland|Greenland|Puerto Rico|Hong Kong|Crimea|Chechnya|Kurdistan|Tibet|Gaza|West Bank";

    private const string Cities =
        "Aleppo|Damascus|Homs|Hama|Idlib|Raqqa|Deir ez-Zor|Latakia|Palmyra|Benghazi|Tripoli|Misrata|Sirte|Derna|Tobruk|Baghdad|Mosul|Basra|Fallujah|Erbil|Kirkuk|Tehran|Beirut|Amman|Jerusalem|Tel Aviv|Cairo|Alexandria|Riyadh|Jeddah|Mecca|Medina|Doha|Dubai|Abu Dhabi|Kabul|Kandahar|Islamabad|Karachi|Lahore|Ankara|Istanbul|Moscow|Saint Petersburg|St. Petersburg|Kyiv|Kiev|Minsk|Warsaw|Prague|Vienna|Budapest|Bucharest|Sofia|Belgrade|Zagreb|Athens|Rome|Milan|Naples|Venice|Florence|Madrid|Barcelona|Seville|Valencia|Lisbon|Porto|Paris|Marseille|Lyon|Toulouse|Nice|Bordeaux|Strasbourg|Lille|Brussels|Antwerp|Amsterdam|Rotterdam|The Hague|Luxembourg City|Berlin|Munich|München|Hamburg|Frankfurt|Cologne|Köln|Stuttgart|Düsseldorf|Dresden|Leipzig|Bonn|Zurich|Zürich|Geneva|Genf|Bern|Basel|London|Manchester|Birmingham|Liverpool|Edinburgh|Glasgow|Dublin|Belfast|Oslo|Stockholm|Copenhagen|Helsinki|Reykjavik|Tallinn|Riga|Vilnius|Washington|New York|New York City|Los Angeles|Chicago|Houston|Boston|San Francisco|Seattle|Miami|Atlanta|Dallas|Philadelphia|Detroit|Denver|Phoenix|Las Vegas|New Orleans|Toronto|Montreal|Montréal|Vancouver|Ottawa|Mexico City|Havana|Caracas|Bogotá|Bogota|Lima|Santiago|Buenos Aires|São Paulo|Sao Paulo|Rio de Janeiro|Brasília|Quito|La Paz|Montevideo|Beijing|Shanghai|Hong Kong|Shenzhen|Guangzhou|Wuhan|Taipei|Tokyo|Osaka|Kyoto|Seoul|Pyongyang|Bangkok|Hanoi|Ho Chi Minh City|Manila|Jakarta|Kuala Lumpur|Singapore|New Delhi|Delhi|Mumbai|Kolkata|Chennai|Bangalore|Dhaka|Kathmandu|Colombo|Sydney|Melbourne|Canberra|Auckland|Wellington|Nairobi|Lagos|Abuja|Accra|Addis Ababa|Johannesburg|Cape Town|Pretoria|Kinshasa|Khartoum|Tunis|Algiers|Rabat|Casablanca|Dakar|Mogadishu|Sanaa|Aden|Muscat|Manama|Kuwait City|Baku|Tbilisi|Yerevan|Astana|Tashkent|Geneva|Davos|Brussels|Strasbourg|Sochi|Donetsk|Luhansk|Kharkiv|Odesa|Odessa|Mariupol|Sevastopol|Grozny|Kobani|Ramadi|Tikrit|Homs|Daraa|Ghouta";

    private const string Regions =
        "Europe|Asia|Africa|North Africa|East Africa|West Africa|South Africa|Sub-Saharan Africa|Middle East|Near East|Far East|Levant|Maghreb|Sahel|Gulf|Persian Gulf|Arabian Peninsula|Balkans|Caucasus|Central Asia|South Asia|Southeast Asia|East Asia|Latin America|South America|North America|Central America|Caribbean|Scandinavia|Eastern Europe|Western Europe|Central Europe|Mediterranean|Pacific|Atlantic|Arctic|Antarctica|Siberia|Kashmir|Sinai|Golan Heights|Donbas|Donbass|Patagonia|Horn of Africa|Oceania|Eurasia|Anatolia|Mesopotamia|Catalonia|Bavaria|Brittany|Normandy|Provence|Andalusia|California|Texas|Florida|Virginia|New Jersey|Ohio|Michigan|Pennsylvania|Illinois|Arizona|Nevada|Alaska|Hawaii|Quebec|Ontario|Silicon Valley|Wall Street";

    // US states, Canadian provinces, and the larger cities and regions of Europe that the lists above leave out.
    private const string MoreRegions =
        "Alabama|Arkansas|Colorado|Connecticut|Delaware|Idaho|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Minnesota|Mississippi|Missouri|Montana|Nebraska|New Hampshire|New Mexico|North Carolina|North Dakota|Oklahoma|Oregon|Rhode Island|South Carolina|South Dakota|Tennessee|Utah|Vermont|Washington State|West Virginia|Wisconsin|Wyoming|Alberta|British Columbia|Manitoba|Saskatchewan|Nova Scotia|New Brunswick|Newfoundland|Yukon|" +
        "Córdoba|Cordoba|Jaén|Málaga|Malaga|Cádiz|Cadiz|Almería|Huelva|Bilbao|Zaragoza|Valladolid|Salamanca|Murcia|Alicante|Palma|Toledo|Santander|Oviedo|Pamplona|San Sebastián|Vigo|A Coruña|Galicia|Andalucía|Asturias|Aragón|Aragon|Extremadura|Castilla|Navarra|Cataluña|Basque Country|País Vasco|" +
        "Nantes|Rennes|Montpellier|Grenoble|Dijon|Reims|Rouen|Brest|Angers|Le Havre|Metz|Orléans|Clermont-Ferrand|Avignon|Bretagne|Normandie|Alsace|Occitanie|Corse|Corsica|Loire|" +
        "Bremen|Hannover|Hanover|Nürnberg|Nuremberg|Dortmund|Duisburg|Mannheim|Karlsruhe|Freiburg|Heidelberg|Mainz|Wiesbaden|Kiel|Rostock|Potsdam|Magdeburg|Erfurt|Bayern|Sachsen|Hessen|Brandenburg|Thüringen|Niedersachsen|Nordrhein-Westfalen|Baden-Württemberg|Salzburg|Graz|Linz|Innsbruck|Lausanne|Lucerne|Luzern|Lugano|Winterthur|" +
        "Utrecht|Eindhoven|Groningen|Leiden|Haarlem|Maastricht|Ghent|Gent|Bruges|Brugge|Liège|Gothenburg|Göteborg|Malmö|Uppsala|Trondheim|Stavanger|Aarhus|Odense|Tampere|Turku|Gdańsk|Gdansk|Kraków|Krakow|Wrocław|Poznań|Łódź|Brno|Bratislava|Ljubljana|Thessaloniki|Turin|Torino|Genoa|Genova|Bologna|Palermo|Bari|Catania|Verona|Sicily|Sardinia|Tuscany|Lombardy|Coimbra|Braga|Faro|Algarve|Cork|Galway|Limerick|Bristol|Leeds|Sheffield|Newcastle|Nottingham|Leicester|Cardiff|Swansea|Aberdeen|Dundee|Inverness|Yorkshire|Cornwall|Essex";

    private static readonly (string Alias, string Name)[] Aliases =
    [
        ("US", "United States"), ("U.S.", "United States"), ("USA", "United States"), ("U.S.A.", "United States"),
        ("America", "United States"), ("UK", "United Kingdom"), ("U.K.", "United Kingdom"), ("Britain", "United Kingdom"),
        ("Great Britain", "United Kingdom"), ("UAE", "United Arab Emirates"), ("DRC", "Congo"), ("Türkiye", "Turkey"),
        ("Deutschland", "Germany"), ("Allemagne", "Germany"), ("Alemania", "Germany"), ("Frankreich", "France"),
        ("Francia", "France"), ("Espagne", "Spain"), ("España", "Spain"), ("Spanien", "Spain"), ("Angleterre", "England"),
        ("États-Unis", "United States"), ("Estados Unidos", "United States"), ("Russie", "Russia"), ("Russland", "Russia"),
        ("Rusia", "Russia"), ("Syrie", "Syria"), ("Syrien", "Syria"), ("Siria", "Syria"), ("Libye", "Libya"),
        ("Libyen", "Libya"), ("Chine", "China"), ("Italie", "Italy"), ("Italien", "Italy"), ("Londres", "London"),
        ("Wien", "Vienna"), ("Vienne", "Vienna"), ("Viena", "Vienna"), ("Moskau", "Moscow"), ("Moscou", "Moscow"),
        ("Europa", "Europe"), ("Afrique", "Africa"), ("Afrika", "Africa"), ("Österreich", "Austria"), ("Suisse", "Switzerland"),
        ("Schweiz", "Switzerland"), ("Suiza", "Switzerland"), ("Bruxelles", "Brussels"), ("Brüssel", "Brussels"),
    ];

    private static readonly string[] ExtraDemonyms =
    [
        "French", "British", "English", "Scottish", "Welsh", "Irish", "German", "Dutch", "Spanish", "Swiss", "Turkish",
        "Chinese", "Japanese", "Greek", "Polish", "Danish", "Swedish", "Finnish", "Norwegian", "Thai", "Arab", "Arabic",
        "Kurdish", "Kurd", "Kurds", "Western", "Eastern", "Northern", "Southern", "European", "African", "Asian",
        "American", "Saudi", "Qatari", "Emirati", "Israeli", "Pakistani", "Afghan", "Yemeni", "Iraqi", "Kuwaiti",
        "Omani", "Bahraini", "Bangladeshi", "Filipino", "Vietnamese", "Lebanese", "Sudanese", "Portuguese",
        "Sunni", "Shia", "Shiite", "Alawite", "Muslim", "Christian", "Jewish", "Islamic", "Islamist", "Arabian",
        "Français", "Française", "Deutsche", "Deutscher", "Español", "Española", "Americano", "Russe", "Russisch",
        "Ukrainian", "Belarusian", "Czech", "Slovak", "Hungarian", "Romanian", "Bulgarian", "Serbian", "Croatian",
        "Levantine", "Middle Eastern", "Latin", "Nordic", "Baltic", "Balkan", "Caucasian", "Soviet",
    ];

    private static readonly FrozenDictionary<string, string> Places = BuildPlaces();

    private static readonly FrozenSet<string> Demonyms = BuildDemonyms();

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> PlaceLookup =
        Places.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DemonymLookup =
        Demonyms.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The canonical name of a place, or null when <paramref name="phrase"/> is not a known place.</summary>
    public static string? Find(ReadOnlySpan<char> phrase) => PlaceLookup.TryGetValue(phrase, out var name) ? name : null;

    /// <summary>True when <paramref name="word"/> is a demonym or a similar adjective ("Syrian", "French", "Western").</summary>
    public static bool IsDemonym(ReadOnlySpan<char> word) => DemonymLookup.Contains(word);

    private static FrozenDictionary<string, string> BuildPlaces()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var list in new[] { Countries, Cities, Regions, MoreRegions })
        {
            foreach (var name in list.Split('|'))
            {
                map.TryAdd(name, name);
            }
        }

        // .NET's own region names complement the list where ICU data is present (not in invariant mode).
        try
        {
            foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
            {
                if (culture.Name.Length > 0 && !culture.Name.Contains("-419", StringComparison.Ordinal))
                {
                    var region = new RegionInfo(culture.Name);
                    if (!region.EnglishName.Contains('(', StringComparison.Ordinal) && !region.EnglishName.Contains(',', StringComparison.Ordinal))
                    {
                        map.TryAdd(region.EnglishName, region.EnglishName);
                    }
                }
            }
        }
        catch (ArgumentException)
        {
            // A culture without a region: the embedded list stands.
        }

        foreach (var (alias, name) in Aliases)
        {
            map[alias] = name;
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenSet<string> BuildDemonyms()
    {
        var set = new HashSet<string>(ExtraDemonyms, StringComparer.Ordinal);
        foreach (var name in Countries.Split('|').Concat(["Europe", "Africa", "Asia", "America", "Arabia", "Russia", "Levant"]))
        {
            if (name.Contains(' ', StringComparison.Ordinal))
            {
                continue;
            }

            var stem = name[..^1];
            foreach (var form in new[] { name + "n", name + "an", name + "ian", name + "i", name + "ese", stem + "an", stem + "ian", stem + "ese", stem + "ish" })
            {
                if (!Places.ContainsKey(form))
                {
                    set.Add(form);
                }
            }
        }

        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}
