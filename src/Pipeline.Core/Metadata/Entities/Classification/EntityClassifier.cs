using Pipeline.Core.Metadata.Entities.Tokens;
using Pipeline.Core.Metadata.Shared;

using static Pipeline.Core.Metadata.Entities.Tokens.TokenText;

namespace Pipeline.Core.Metadata.Entities.Classification;

/// <summary>
/// Decides what a candidate run is, person, organisation, place or nothing, and records it as a mention: by the
/// gazetteers first, then by shape (<see cref="ShapeRules"/>), then by the words around it (<see cref="ContextRules"/>).
/// A single capitalised common word that starts a sentence is ordinary text.
/// </summary>
internal static class EntityClassifier
{
    /// <summary>
    /// Classifies tokens <paramref name="first"/>..<paramref name="last"/> of block <paramref name="s"/> and adds what
    /// they name to <paramref name="scratch"/>'s mentions (or a lone word to its singles, for the resolver); with
    /// <paramref name="gazetteerOnly"/> only names the gazetteers or the run's shape tell count.
    /// </summary>
    public static void Classify(ReadOnlySpan<char> s, List<EntityToken> tokens, int first, int last, long basePosition, bool gazetteerOnly, EntityScratch scratch)
    {
        var mentions = scratch.Mentions;

        // A leading demonym describes the name that follows ("Libyan Abdelhakim Belhadj"), unless a gazetteer
        // names the whole phrase ("Saudi Arabia").
        var demonymBefore = false;
        Span<char> buffer = stackalloc char[PhraseBufferLength];
        var full = PhraseSpan(s, tokens, first, last, buffer);
        while (PlaceGazetteer.Find(full) is null && OrganizationGazetteer.Find(full) is null &&
               first < last && PlaceGazetteer.IsDemonym(TokenText.Text(s, tokens[first])) && !OrganizationGazetteer.IsSuffix(TokenText.Text(s, tokens[last])))
        {
            first++;
            demonymBefore = true;
        }

        if (ShapeRules.ClassifyByShape(s, tokens, first, last, basePosition, demonymBefore, scratch))
        {
            return;
        }

        // A leading role is context, not name ("Ambassador Lena Varga", "Battalion Chief Ana Ruiz", "Sprecherin X").
        var roleBefore = false;
        while (first < last && (EntityCues.IsPersonCueBefore(TokenText.Text(s, tokens[first])) || EntityCues.IsRole(TokenText.Text(s, tokens[first]))) && char.IsUpper(TokenText.Text(s, tokens[first])[0]))
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
            mentions.Add(new EntityMention(org, EntityKind.Organization, position, true));
            return;
        }

        if (OutletGazetteer.Canonicalise(phrase) is { } outlet)
        {
            mentions.Add(new EntityMention(outlet, EntityKind.Organization, position, true));
            return;
        }

        if (PlaceGazetteer.Find(phrase) is { } place)
        {
            mentions.Add(new EntityMention(place, EntityKind.Place, position, true));
            return;
        }

        var lastText = TokenText.Text(s, tokens[last]);
        if (count >= 2 && OrganizationGazetteer.IsSuffix(lastText))
        {
            var orgName = scratch.Intern(demonymBefore && first > 0 ? PhraseSpan(s, tokens, first - 1, last, buffer) : phrase);

            mentions.Add(new EntityMention(orgName, EntityKind.Organization, position, true));
            if (AcronymAfter(s, tokens[last].End) is var (acronymStart, acronymLength))
            {
                scratch.AcronymAliases.TryAdd(scratch.Intern(s.Slice(acronymStart, acronymLength)), orgName);
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

        var hasBefore = first > 0;
        var before = hasBefore ? tokens[first - 1] : default;
        var beforeText = hasBefore ? TokenText.Text(s, before) : default;
        var hasAfter = last + 1 < tokens.Count;
        var after = hasAfter ? tokens[last + 1] : default;
        var cueBefore = hasBefore &&
                        (EntityCues.IsPersonCueBefore(beforeText) || EntityCues.IsSpeechCueBefore(beforeText) || (!before.Capitalised && EntityCues.IsRole(beforeText))) &&
                        OnlySpaceOrComma(s, before.End, tokens[first].Start);
        cueBefore |= demonymBefore || roleBefore;
        var cueAfter = hasAfter && EntityCues.IsPersonCueAfter(TokenText.Text(s, after)) && OnlySpaceOrComma(s, tokens[last].End, after.Start);
        cueAfter |= ContextRules.RoleAfterComma(s, tokens, last);
        var sentenceStart = tokens[first].SentenceStart;
        var placeContext = ContextRules.PlaceContextBefore(s, tokens, first) || ContextRules.SettlementAfterComma(s, tokens, last);
        var firstText = TokenText.Text(s, tokens[first]);
        if (placeContext && !cueBefore && !cueAfter && count > 1 && !PersonNames.IsFirstName(firstText))
        {
            mentions.Add(new EntityMention(scratch.Intern(phrase), EntityKind.Place, position, false));
            return;
        }

        if (ContextRules.OrganizationNounBefore(s, tokens, first) && !cueBefore && !cueAfter)
        {
            mentions.Add(new EntityMention(scratch.Intern(phrase), EntityKind.Organization, position, true));
            return;
        }

        if (count == 1)
        {
            var word = firstText;
            if (tokens[first].BasedSuffix)
            {
                mentions.Add(new EntityMention(scratch.Intern(word), EntityKind.Place, position, true));
                return;
            }

            if (scratch.AcronymAliasLookup.TryGetValue(word, out var longForm))
            {
                mentions.Add(new EntityMention(longForm, EntityKind.Organization, position, true));
                return;
            }

            if (sentenceStart && IsCommonWord(word))
            {
                return;
            }

            var placeCue = placeContext || (hasBefore && EntityCues.IsPlaceCueBefore(beforeText) && OnlySpaceOrComma(s, before.End, tokens[first].Start));
            var single = scratch.Intern(word);
            scratch.Singles.Add((single, position, (cueBefore || cueAfter) && !placeCue));
            if (placeCue && !IsAllCaps(word) && !(cueAfter && !placeContext) && !EntityCues.LooksLikeGermanNoun(word) && !NumberAfter(s, tokens[first].End))
            {
                mentions.Add(new EntityMention(single, EntityKind.Place, position, false));
            }
            else if (IsAllCaps(word) && word.Length is >= 2 and <= 6 && AllLetters(word) && !sentenceStart && AcronymAfter(s, tokens[first].End) is null &&
                     !IsPartOfAmpersandName(s, tokens[first]) && !PersonNames.IsGenericWord(word) && !(hasBefore && beforeText is "By" or "BY"))
            {
                mentions.Add(new EntityMention(single, EntityKind.Organization, position, false));
            }

            return;
        }

        if (count > 4 || !PersonNames.LooksLikePersonName(phrase))
        {
            return;
        }

        var firstName = PersonNames.IsFirstName(firstText);
        var particle = false;
        var plain = true;
        for (var k = first; k <= last; k++)
        {
            var t = TokenText.Text(s, tokens[k]);
            particle |= PersonNames.IsParticle(t) || (t.Length > 3 && t[2] == '-' && t[0] is 'a' or 'e');
            plain &= (!IsCommonWord(t) || IsTrailingSurname(s, tokens, first, last, k)) && !PlaceGazetteer.IsDemonym(t) && PlaceGazetteer.Find(t) is null && OrganizationGazetteer.Find(t) is null && !IsAllCaps(t);
        }

        if (!plain)
        {
            return;
        }

        mentions.Add(new EntityMention(scratch.Intern(phrase), EntityKind.Person, position, cueBefore || cueAfter || firstName || particle));
    }

    // Acronyms in capitals are never common words ("US" is not "us").
    public static bool IsCommonWord(ReadOnlySpan<char> word) => !IsAllCaps(word) && CommonWords.IsCommon(word);

    /// <summary>True when a gazetteer (places, organisations, outlets) names <paramref name="phrase"/>.</summary>
    public static bool IsGazetteerName(ReadOnlySpan<char> phrase) =>
        PlaceGazetteer.Find(phrase) is not null || OrganizationGazetteer.Find(phrase) is not null || OutletGazetteer.Canonicalise(phrase) is not null;

    /// <summary>
    /// A capitalised common word that ends a two-word run after a name-shaped word, mid-sentence, is a surname
    /// ("Ineke Vos", "Ana Mai"), not a word of the sentence.
    /// </summary>
    public static bool IsTrailingSurname(ReadOnlySpan<char> s, List<EntityToken> tokens, int first, int last, int k)
    {
        if (k != last || k != first + 1 || tokens[first].SentenceStart)
        {
            return false;
        }

        var firstText = TokenText.Text(s, tokens[first]);
        var text = TokenText.Text(s, tokens[k]);
        return !IsCommonWord(firstText) && !EntityCues.IsFunctionWord(text) && !IsAllCaps(text) && !IsAllCaps(firstText) &&
               PlaceGazetteer.Find(firstText) is null && !PlaceGazetteer.IsDemonym(firstText);
    }
}
