using Pipeline.Core.Metadata.Entities.Tokens;
using Pipeline.Core.Metadata.Shared;

using static Pipeline.Core.Metadata.Entities.Tokens.TokenText;

namespace Pipeline.Core.Metadata.Entities.Classification;

/// <summary>
/// Organisations and places told by the shape of their run: the first or last word ("Asociación de X", "X Networks",
/// "Port X", "X County"), an acronym defined in brackets after the name, a sports club with a founding number.
/// </summary>
internal static class ShapeRules
{
    /// <summary>True when tokens <paramref name="first"/>..<paramref name="last"/> (two or more) are shaped like an organisation.</summary>
    public static bool IsOrganizationRun(ReadOnlySpan<char> s, List<EntityToken> tokens, int first, int last)
    {
        if (last <= first)
        {
            return false;
        }

        var hasOf = false;
        for (var k = first + 1; k < last; k++)
        {
            hasOf |= TokenText.Text(s, tokens[k]) is "of";
        }

        return EntityCues.IsOrganizationShape(TokenText.Text(s, tokens[first]), TokenText.Text(s, tokens[last]), hasOf);
    }

    /// <summary>
    /// Classifies a run by its shape alone: an organisation by its first or last word or by an acronym defined right
    /// after it, a place by its first or last word. Returns false when the shape says nothing.
    /// </summary>
    public static bool ClassifyByShape(ReadOnlySpan<char> s, List<EntityToken> tokens, int first, int last, long basePosition, bool demonymBefore, EntityScratch scratch)
    {
        if (first == last || EntityCues.IsFunctionWord(TokenText.Text(s, tokens[first])))
        {
            return false; // "Der Verein" is "the club", not a name
        }

        var acronym = AcronymAfter(s, tokens[last].End);
        var definesAcronym = acronym is var (acronymStart, acronymLength) && InitialsMatch(s, tokens, first, last, s.Slice(acronymStart, acronymLength));
        var organization = IsOrganizationRun(s, tokens, first, last) || definesAcronym;
        var place = !organization && EntityCues.IsPlaceShape(TokenText.Text(s, tokens[first]), TokenText.Text(s, tokens[last])) && !PersonNames.IsFirstName(TokenText.Text(s, tokens[first]));
        if (!organization && !place)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[PhraseBufferLength];
        var whole = PhraseSpan(s, tokens, first, last, buffer);
        if (EntityClassifier.IsGazetteerName(whole))
        {
            return false; // the gazetteers name it
        }

        if (organization)
        {
            var start = demonymBefore && first > 0 ? first - 1 : first;
            var phrase = PhraseSpan(s, tokens, start, last, buffer);
            var startChar = tokens[start].Start;
            string name;
            if (EntityCues.IsClubAbbreviation(TokenText.Text(s, tokens[start])) && FoundingNumberBefore(s, startChar) is { } numberStart)
            {
                name = string.Concat(s[numberStart..startChar], phrase); // "1. FC Example"
                startChar = numberStart;
            }
            else
            {
                name = scratch.Intern(phrase);
            }

            scratch.Mentions.Add(new EntityMention(name, EntityKind.Organization, basePosition + startChar, true));
            if (acronym is var (at, length))
            {
                scratch.AcronymAliases.TryAdd(scratch.Intern(s.Slice(at, length)), name);
            }

            return true;
        }

        scratch.Mentions.Add(new EntityMention(scratch.Intern(whole), EntityKind.Place, basePosition + tokens[first].Start, true));
        return true;
    }

    /// <summary>Where "1. " (a club's founding number) starts before <paramref name="at"/>, or null.</summary>
    private static int? FoundingNumberBefore(ReadOnlySpan<char> s, int at)
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
    private static bool InitialsMatch(ReadOnlySpan<char> s, List<EntityToken> tokens, int first, int last, ReadOnlySpan<char> acronym)
    {
        // The acronym's letters, its periods left out ("D.F.L." spells "DFL").
        Span<char> letters = stackalloc char[acronym.Length];
        var count = 0;
        foreach (var c in acronym)
        {
            if (c != '.')
            {
                letters[count++] = c;
            }
        }

        var n = 0;
        for (var k = first; k <= last; k++)
        {
            var word = TokenText.Text(s, tokens[k]);
            if (EntityCues.IsOrganizationConnector(word) || PersonNames.IsParticle(word))
            {
                continue;
            }

            if (n >= count || char.ToUpperInvariant(word[0]) != letters[n])
            {
                return false;
            }

            n++;
        }

        return n == count;
    }
}
