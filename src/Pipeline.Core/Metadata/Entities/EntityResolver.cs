using Pipeline.Core.Documents;
using Pipeline.Core.Metadata.Shared;

using static Pipeline.Core.Metadata.Entities.Tokens.TokenText;

namespace Pipeline.Core.Metadata.Entities;

/// <summary>
/// Turns the mentions of a document into its entities: a person needs evidence somewhere (a cue, a first name, an
/// author); a surname or first name alone counts as the one full name it belongs to; a short name that ends a
/// longer one is that person; each list is in order of first mention.
/// </summary>
internal static class EntityResolver
{
    /// <summary>The entities of the mentions in <paramref name="scratch"/>, <paramref name="knownPeople"/> (the authors) among the people.</summary>
    public static NamedEntities Resolve(EntityScratch scratch, IReadOnlyList<string> knownPeople)
    {
        var mentions = scratch.Mentions;
        var singles = scratch.Singles;

        // People: multi-word names with evidence somewhere in the text, and the authors.
        var personEvidence = scratch.PersonEvidence;
        foreach (var person in knownPeople)
        {
            personEvidence.Add(person);
        }

        foreach (var m in mentions)
        {
            if (m.Kind == EntityKind.Person && m.Evidence)
            {
                personEvidence.Add(m.Name);
            }
        }

        var firstSeen = scratch.FirstSeen;
        foreach (var m in mentions)
        {
            if (m.Kind == EntityKind.Person && !personEvidence.Contains(m.Name))
            {
                continue;
            }

            if (m.Kind == EntityKind.Place && !m.Evidence && IsSomeonesSurname(personEvidence, m.Name))
            {
                continue; // "in Herridge's view": a surname, not a place.
            }

            var name = m.Kind == EntityKind.Organization && scratch.AcronymAliases.TryGetValue(m.Name, out var longForm) ? longForm : m.Name;
            See(firstSeen, m.Kind, name, m.Position);
        }

        AddEvidenceFromShortForms(scratch);

        // Surnames alone are mentions of the full name (when only one person has that surname), and so are first names.
        foreach (var (word, position, cue) in singles)
        {
            if ((OnlyPersonWith(personEvidence, word, surname: true) ?? OnlyPersonWith(personEvidence, word, surname: false)) is { } full)
            {
                See(firstSeen, EntityKind.Person, full, position);
            }
            else if (cue && !IsAllCaps(word) && !CommonWords.IsCommon(word) && !firstSeen.ContainsKey((EntityKind.Place, word)) && !firstSeen.ContainsKey((EntityKind.Organization, word)))
            {
                See(firstSeen, EntityKind.Person, word, position);
            }
        }

        foreach (var person in knownPeople)
        {
            if (!firstSeen.ContainsKey((EntityKind.Person, person)))
            {
                See(firstSeen, EntityKind.Person, person, long.MaxValue);
            }
        }

        MergeShortPersonNames(scratch);

        // A single-word "person" that a place or organisation already names is that place or organisation.
        return new NamedEntities(Ordered(scratch, EntityKind.Person), Ordered(scratch, EntityKind.Organization), Ordered(scratch, EntityKind.Place));
    }

    private static void See(Dictionary<(EntityKind, string), long> firstSeen, EntityKind kind, string name, long position)
    {
        ref var seen = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(firstSeen, (kind, name), out var exists);
        if (!exists || position < seen)
        {
            seen = position;
        }
    }

    /// <summary>The names of <paramref name="kind"/> in order of first mention (ties in the order they were first seen).</summary>
    private static string[] Ordered(EntityScratch scratch, EntityKind kind)
    {
        var order = scratch.Order;
        order.Clear();
        foreach (var (key, position) in scratch.FirstSeen)
        {
            if (key.Item1 == kind)
            {
                order.Add((position, order.Count, key.Item2));
            }
        }

        if (order.Count == 0)
        {
            return [];
        }

        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(order).Sort(static (a, b) => a.Position != b.Position ? a.Position.CompareTo(b.Position) : a.Index.CompareTo(b.Index));
        var names = new string[order.Count];
        for (var k = 0; k < names.Length; k++)
        {
            names[k] = order[k].Name;
        }

        return names;
    }

    /// <summary>The last name of <paramref name="fullName"/>, an "al-"/"el-" left off ("Bashar al-Assad" -> "Assad").</summary>
    private static ReadOnlySpan<char> LastName(string fullName)
    {
        var last = fullName.AsSpan(fullName.LastIndexOf(' ') + 1);
        return last.Length > 3 && last[2] == '-' && last[0] is 'a' or 'e' ? last[3..] : last;
    }

    /// <summary>
    /// A full name met without a cue is still a person when its surname or first name appears alone with one
    /// ("Bram Oosterhuis" ... "Oosterhuis said").
    /// </summary>
    private static void AddEvidenceFromShortForms(EntityScratch scratch)
    {
        var cued = scratch.Cued;
        foreach (var (word, _, cue) in scratch.Singles)
        {
            if (cue)
            {
                cued.Add(word);
            }
        }

        if (cued.Count == 0)
        {
            return;
        }

        var lookup = scratch.CuedLookup;
        foreach (var m in scratch.Mentions)
        {
            if (m.Kind == EntityKind.Person && !m.Evidence && (lookup.Contains(LastName(m.Name)) || lookup.Contains(m.Name.AsSpan(0, Math.Max(0, m.Name.IndexOf(' '))))))
            {
                scratch.PersonEvidence.Add(m.Name);
            }
        }
    }

    /// <summary>
    /// The one person of <paramref name="people"/> whose surname (or first name, of a name in several words) is
    /// <paramref name="word"/>; null when none or several are.
    /// </summary>
    private static string? OnlyPersonWith(HashSet<string> people, string word, bool surname)
    {
        string? found = null;
        foreach (var person in people)
        {
            ReadOnlySpan<char> part;
            if (surname)
            {
                part = LastName(person);
            }
            else
            {
                var space = person.IndexOf(' ');
                if (space <= 0)
                {
                    continue;
                }

                part = person.AsSpan(0, space);
            }

            if (part.SequenceEqual(word))
            {
                if (found is not null)
                {
                    return null;
                }

                found = person;
            }
        }

        return found;
    }

    /// <summary>True when <paramref name="name"/> is the surname of one of <paramref name="people"/>.</summary>
    private static bool IsSomeonesSurname(HashSet<string> people, string name)
    {
        foreach (var person in people)
        {
            if (LastName(person).SequenceEqual(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A multi-word person name that ends another's ("Da Costa" of "Sophie Da Costa") is that person; a person's name
    /// that a place or an organisation also bears is the place or organisation.
    /// </summary>
    private static void MergeShortPersonNames(EntityScratch scratch)
    {
        var firstSeen = scratch.FirstSeen;
        var people = scratch.People;
        foreach (var key in firstSeen.Keys)
        {
            if (key.Item1 == EntityKind.Person)
            {
                people.Add(key.Item2);
            }
        }

        foreach (var name in people)
        {
            if (firstSeen.ContainsKey((EntityKind.Place, name)) || firstSeen.ContainsKey((EntityKind.Organization, name)))
            {
                firstSeen.Remove((EntityKind.Person, name));
                continue;
            }

            foreach (var other in people)
            {
                if (other.Length > name.Length && other.EndsWith(name, StringComparison.Ordinal) && other[other.Length - name.Length - 1] == ' ' &&
                    firstSeen.TryGetValue((EntityKind.Person, name), out var seen))
                {
                    firstSeen.Remove((EntityKind.Person, name));
                    if (firstSeen.TryGetValue((EntityKind.Person, other), out var otherSeen) && seen < otherSeen)
                    {
                        firstSeen[(EntityKind.Person, other)] = seen;
                    }

                    break;
                }
            }
        }
    }
}
