using System.Collections.Frozen;

namespace Pipeline.Core.Metadata.Shared;

/// <summary>Tells whether a phrase looks like a person's name, and case-normalises names written in capitals.</summary>
internal static class PersonNames
{
    /// <summary>Lower-case particles allowed inside a name ("Ludwig van Beethoven", "Bashar al-Assad").</summary>
    public static readonly FrozenSet<string> Particles = FrozenSet.Create(
        StringComparer.Ordinal,
        "al", "el", "bin", "ibn", "ben", "de", "del", "della", "der", "di", "da", "das", "do", "dos", "du", "la", "le",
        "van", "von", "den", "ter", "y", "zu", "af", "bint", "abu");

    /// <summary>Common first names (English, French, German, Spanish, Arabic and others): a run that opens with one is a person's.</summary>
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
        "Hillary", "Barack", "Vladimir", "Sergei", "Sergey", "Dmitry", "Emmanuel", "Francois", "François",
        "Jean", "Pierre", "Marie", "Michel", "Nicolas", "Jacques", "Philippe", "Alain", "Marine", "Olaf", "Helmut",
        "Hans", "Klaus", "Wolfgang", "Jürgen", "Stefan", "Markus", "Ursula", "Juan", "José", "Carlos", "Luis",
        "Pedro", "Pablo", "Miguel", "Javier", "María", "Carmen", "Ana", "Mohammed", "Muhammad", "Mohamed", "Ahmed",
        "Ali", "Hassan", "Hussein", "Omar", "Abdullah", "Bashar", "Recep", "Xi", "Boris", "Theresa",
        "Joe", "Kamala", "Mike", "Bill", "Bob", "Tom", "Jim", "Tim", "Sam", "Ben", "Dan", "Nick", "Alex", "Sophie",
        "Julia", "Anne", "Isabelle", "Giovanni", "Giuseppe", "Marco", "Matteo", "Li", "Wang", "Zhang", "Kim");

    /// <summary>Bylines that name a role or a team, not a person.</summary>
    private static readonly FrozenSet<string> GenericWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "admin", "administrator", "staff", "editor", "editors", "editorial", "newsroom", "news", "desk", "writer",
        "writers", "reporter", "reporters", "correspondent", "guest", "anonymous", "webmaster", "team", "contributor",
        "contributors", "author", "redaction", "rédaction", "redaktion", "redacción", "redaccion", "agency", "agencies",
        "wire", "wires", "press", "associated", "reuters", "afp", "ap", "dpa", "efe", "ansa", "bloomberg", "unknown",
        "user", "moderator", "the", "and", "our", "your", "post", "times", "daily", "online", "media", "magazine",
        "journal", "tribune", "herald", "group", "inc", "ltd", "service", "services", "bureau", "office", "department",
        "correspondents", "sources", "source", "report", "update", "updated", "published", "posted", "on", "in", "at",
        "for", "with", "from", "via", "edition", "le", "la", "les", "el", "los", "las", "der", "die", "das",
        "monde", "figaro", "spiegel", "zeit", "país", "pais", "mundo", "guardian", "telegraph", "observer",
        "times", "network", "channel", "radio", "tv", "television", "broadcasting", "corporation", "company");

    /// <summary>True when <paramref name="word"/> names a role, team or outlet in a byline ("STAFF", "Newsroom").</summary>
    public static bool IsGenericWord(ReadOnlySpan<char> word) => GenericLookup.Contains(word);

    /// <summary>True when <paramref name="word"/> is one of <see cref="Particles"/> ("al", "van").</summary>
    public static bool IsParticle(ReadOnlySpan<char> word) => ParticleLookup.Contains(word);

    /// <summary>True when <paramref name="word"/> is a common first name ("Sergei", "María").</summary>
    public static bool IsFirstName(ReadOnlySpan<char> word) => FirstNameLookup.Contains(word);

    /// <summary>True when <paramref name="phrase"/> is 2 to 4 name tokens (capitalised words, initials, particles).</summary>
    public static bool LooksLikePersonName(ReadOnlySpan<char> phrase)
    {
        if (OutletWords.HasOutletWord(phrase))
        {
            return false; // "Harbour Gazette", "Valley Courier": an outlet
        }

        // Space-separated, trimmed, non-empty tokens, read in place (this runs for every capitalised run of a document).
        var count = 0;
        var nameTokens = 0;
        var firstUpper = false;
        foreach (var range in phrase.Split(' '))
        {
            var token = phrase[range].Trim();
            if (token.IsEmpty)
            {
                continue;
            }

            if (count++ == 0)
            {
                firstUpper = char.IsUpper(token[0]);
            }

            // Inside a name a particle may be capitalised ("Loïc Le Clerc"); at its start it is an outlet's article ("Le Monde").
            if (ParticleLookup.Contains(token) || (count > 1 && IsCapitalisedParticle(token)))
            {
                continue;
            }

            if (token.Length > 3 && (token.StartsWith("al-", StringComparison.Ordinal) || token.StartsWith("el-", StringComparison.Ordinal)) && char.IsUpper(token[3]))
            {
                nameTokens++;
                continue;
            }

            if (!IsNameToken(token) || GenericLookup.Contains(token.TrimEnd('.')))
            {
                return false;
            }

            nameTokens++;
        }

        return nameTokens is >= 2 and <= 4 && count <= 5 && firstUpper;
    }

    /// <summary><paramref name="name"/> once when a dump printed it twice in a row ("Jane Roe Jane Roe": an image's alt text and the caption).</summary>
    public static ReadOnlySpan<char> Undoubled(ReadOnlySpan<char> name)
    {
        var half = name.Length / 2;
        return name.Length % 2 == 1 && name[half] == ' ' && name[..half].SequenceEqual(name[(half + 1)..]) ? name[..half] : name;
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ParticleLookup = Particles.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FirstNameLookup = FirstNames.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> GenericLookup = GenericWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsCapitalisedParticle(ReadOnlySpan<char> token)
    {
        if (token.Length > 4)
        {
            return false;
        }

        Span<char> lower = stackalloc char[token.Length];
        token.ToLowerInvariant(lower);
        return ParticleLookup.Contains(lower);
    }

    private static bool IsNameToken(ReadOnlySpan<char> token)
    {
        if (!char.IsUpper(token[0]))
        {
            return false;
        }

        // An initial: "J." or "J.R.".
        if (token.Length <= 4 && token[^1] == '.')
        {
            foreach (var c in token)
            {
                if (!(char.IsUpper(c) || c == '.'))
                {
                    return false;
                }
            }

            return true;
        }

        var letters = 0;
        foreach (var c in token)
        {
            if (char.IsLetter(c))
            {
                letters++;
            }
            else if (c is not ('-' or '\'' or '’' or '.'))
            {
                return false;
            }
        }

        return letters >= 2;
    }

    /// <summary>"JOHN SMITH" -> "John Smith", "MARY O'NEIL" -> "Mary O'Neil", "JEAN-LUC" -> "Jean-Luc"; mixed case is kept.</summary>
    /// <remarks>Runs of spaces become one and the name is trimmed of spaces; <paramref name="name"/> itself is returned when nothing changes.</remarks>
    public static string NormaliseCase(string name)
    {
        Span<char> buffer = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        var written = NormaliseCase(name, buffer);
        return buffer[..written].SequenceEqual(name) ? name : new string(buffer[..written]);
    }

    /// <summary>The same as <see cref="NormaliseCase(string)"/> on a span.</summary>
    public static string NormaliseCase(ReadOnlySpan<char> name)
    {
        Span<char> buffer = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        return new string(buffer[..NormaliseCase(name, buffer)]);
    }

    /// <summary>Writes the normalised <paramref name="name"/> into <paramref name="target"/> (at least as long) and returns its length.</summary>
    private static int NormaliseCase(ReadOnlySpan<char> name, Span<char> target)
    {
        var hasLower = false;
        foreach (var c in name)
        {
            if (char.IsLower(c))
            {
                hasLower = true;
                break;
            }
        }

        var length = 0;
        foreach (var range in name.Split(' '))
        {
            var token = name[range];
            if (token.IsEmpty)
            {
                continue;
            }

            if (length > 0)
            {
                target[length++] = ' ';
            }

            // Mixed-case names are the author's own spelling; only all-capital tokens of 2+ letters are recased.
            if (hasLower || token.Length < 2 || (token.Length <= 3 && token[^1] == '.'))
            {
                token.CopyTo(target[length..]);
                length += token.Length;
                continue;
            }

            var startOfPart = true;
            for (var i = 0; i < token.Length; i++)
            {
                var c = token[i];
                target[length++] = startOfPart ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c);
                startOfPart = c is '-' or '\'' or '’' || (c is 'C' or 'c' && i == 1 && (token[0] is 'M' or 'm') && token.Length > 3);
            }
        }

        return length;
    }
}
