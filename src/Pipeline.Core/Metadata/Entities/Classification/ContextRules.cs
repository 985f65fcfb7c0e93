using Pipeline.Core.Metadata.Entities.Tokens;
using Pipeline.Core.Metadata.Shared;

using static Pipeline.Core.Metadata.Entities.Tokens.TokenText;

namespace Pipeline.Core.Metadata.Entities.Classification;

/// <summary>
/// What the words around a run say it is: a role after a comma (a person), a place or settlement noun before or
/// after it (a place), an organisation noun before it, a list of places it continues.
/// </summary>
internal static class ContextRules
{
    /// <summary>"X, the mayor of", "X, ancienne adjointe", "X, who": a role (or "who") in the three words after a comma.</summary>
    public static bool RoleAfterComma(ReadOnlySpan<char> s, List<EntityToken> tokens, int last)
    {
        var k = tokens[last].End;
        if (k >= s.Length || s[k] != ',')
        {
            return false;
        }

        for (var t = last + 1; t < tokens.Count && t <= last + 4; t++)
        {
            var word = TokenText.Text(s, tokens[t]);
            if (word is "who" || (!tokens[t].Capitalised && EntityCues.IsRole(word)))
            {
                return true;
            }

            if (t > last + 1 && s[tokens[t - 1].End..tokens[t].Start].IndexOfAny(".;:!?") >= 0)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>"in X", "near X", "the town of X", "la commune de X", "train to X", "cerca de X".</summary>
    public static bool PlaceContextBefore(ReadOnlySpan<char> s, List<EntityToken> tokens, int first)
    {
        if (first == 0 || tokens[first - 1].Capitalised || !OnlySpace(s, tokens[first - 1].End, tokens[first].Start))
        {
            return false;
        }

        var before = TokenText.Text(s, tokens[first - 1]);
        var beforeThat = first > 1 && !tokens[first - 2].Capitalised && OnlySpace(s, tokens[first - 2].End, tokens[first - 1].Start) ? TokenText.Text(s, tokens[first - 2]) : default;
        return EntityCues.IsPlaceContext(before, beforeThat);
    }

    /// <summary>"X, a fishing town in", "X, petite commune de": a settlement noun in the three words after a comma.</summary>
    public static bool SettlementAfterComma(ReadOnlySpan<char> s, List<EntityToken> tokens, int last)
    {
        var k = tokens[last].End;
        if (k >= s.Length || s[k] != ',')
        {
            return false;
        }

        for (var t = last + 1; t < tokens.Count && t <= last + 3 && !tokens[t].Capitalised; t++)
        {
            if (EntityCues.IsSettlementNoun(TokenText.Text(s, tokens[t])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"the company X", "la asociación agraria X", "le collectif X": an organisation noun right before the name.</summary>
    public static bool OrganizationNounBefore(ReadOnlySpan<char> s, List<EntityToken> tokens, int first)
    {
        if (first == 0 || tokens[first - 1].Capitalised || !OnlySpace(s, tokens[first - 1].End, tokens[first].Start))
        {
            return false;
        }

        if (EntityCues.IsOrganizationNoun(TokenText.Text(s, tokens[first - 1])))
        {
            return true;
        }

        // One unknown lower-case word between (an adjective after the noun in French and Spanish).
        return first > 1 && TokenText.Text(s, tokens[first - 1]).Length == 0 && !tokens[first - 2].Capitalised &&
               OnlySpace(s, tokens[first - 2].End, tokens[first - 1].Start) && EntityCues.IsOrganizationNoun(TokenText.Text(s, tokens[first - 2])) &&
               TokenText.Text(s, tokens[first - 2]) is not ("group" or "company" or "firm" or "party" or "union" or "club");
    }

    /// <summary>
    /// "between Zwolle, Tilburg and the coast": a lone capitalised word right after a place and a comma, with "and"
    /// or another comma after it, continues the list of places.
    /// </summary>
    public static bool IsNextInPlaceList(ReadOnlySpan<char> s, List<EntityToken> tokens, int index, int lastPlaceEnd)
    {
        var token = tokens[index];
        var text = TokenText.Text(s, token);
        if (lastPlaceEnd < 0 || token.Start - lastPlaceEnd != 2 || s[lastPlaceEnd] != ',' || IsAllCaps(text) ||
            EntityClassifier.IsCommonWord(text) || PersonNames.IsFirstName(text))
        {
            return false;
        }

        var end = token.End;
        return (end < s.Length && s[end] == ',') ||
               (index + 1 < tokens.Count && EntityCues.IsPlaceListConjunction(TokenText.Text(s, tokens[index + 1])) && OnlySpace(s, end, tokens[index + 1].Start));
    }
}
