using Pipeline.Core.Documents;

namespace Pipeline.Core.Metadata.Bylines;

/// <summary>
/// The outlet's own abbreviation in a dateline ("(Jane Roe - WKR)" when the publisher is "Westfield Kilnworth
/// Review") is the publisher written short, not a further organisation of the story.
/// </summary>
internal static class PublisherAbbreviation
{
    /// <summary><paramref name="entities"/> without an organisation that abbreviates <paramref name="publisher"/>.</summary>
    public static NamedEntities Remove(NamedEntities entities, string? publisher)
    {
        if (publisher is null || entities.Organizations.Count == 0)
        {
            return entities;
        }

        var initials = Initials(publisher);
        if (initials.Length < 2)
        {
            return entities;
        }

        var kept = entities.Organizations.Where(o => !o.Replace(".", "", StringComparison.Ordinal).Equals(initials, StringComparison.Ordinal)).ToArray();
        return kept.Length == entities.Organizations.Count ? entities : entities with { Organizations = kept };
    }

    private static string Initials(string name)
    {
        Span<char> buffer = stackalloc char[16];
        var n = 0;
        foreach (var range in name.AsSpan().Split(' '))
        {
            var word = name.AsSpan(range);
            if (word.Length > 0 && char.IsUpper(word[0]) && n < buffer.Length)
            {
                buffer[n++] = word[0];
            }
        }

        return new string(buffer[..n]);
    }
}
