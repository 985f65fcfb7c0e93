using System.Collections.Frozen;

namespace Pipeline.Core.Structure;

/// <summary>
/// Recognises the short lines above an article that credit or date it, which read like headings but are not:
/// bylines ("By Jane Doe", "Von Max Muster", "Par Anne Roy", "Por Ana Gil", "Door Piet Smit") and published/updated
/// lines ("Posted on 2022-01-05", "Veröffentlicht am 1.2.2020", "Publié le 3 mars", "Publicado el 4 de mayo").
/// </summary>
internal static class BylineOrDatelineLine
{
    // Bylines: the word that introduces the author in English, German, French, Spanish, Portuguese, Italian, Dutch.
    private static readonly FrozenSet<string> BylineWords = FrozenSet.Create(
        StringComparer.Ordinal, "By", "BY", "Von", "VON", "Par", "PAR", "Por", "POR", "Door", "DOOR");

    // Dateline leads: the first word of a "published/updated" line.
    private static readonly FrozenSet<string> DatelineWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "published", "posted", "updated", "modified", "created", "dated", "publié", "publiée", "mis", "modifié",
        "actualisé", "veröffentlicht", "aktualisiert", "erschienen", "publicado",
        "publicada", "actualizado", "actualizada", "fecha", "pubblicato", "aggiornato", "gepubliceerd", "bijgewerkt");

    /// <summary>The most words a byline or dateline line has.</summary>
    private const int MaxWords = 8;

    /// <summary>
    /// True when <paramref name="line"/> is a byline (the byline word, then a capitalised name or a single user name:
    /// "By the Numbers" is a heading) or a published/updated line (the lead word and a digit somewhere: "Updated Rules for Tenants" is a
    /// heading).
    /// </summary>
    public static bool Matches(ReadOnlySpan<char> line)
    {
        var space = line.IndexOf(' ');
        if (space <= 0 || space + 1 >= line.Length || line.Count(' ') >= MaxWords)
        {
            return false;
        }

        var first = line[..space].TrimEnd(':');
        if (BylineWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(first))
        {
            return char.IsUpper(line[space + 1]) || line[(space + 1)..].IndexOf(' ') < 0; // "By Ana Ruiz", "By admin"
        }

        return DatelineWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(first) && line.IndexOfAnyInRange('0', '9') >= 0;
    }
}
