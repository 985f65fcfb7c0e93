using System.Text.RegularExpressions;

namespace Pipeline.Core.Metadata.Bylines;

/// <summary>
/// Byline leads that a dump has bent out of the "By A" shape: glued to the name ("ByAlex Roe", "vonElisa Roe"), or after a
/// word that says what was written ("Geschrieben von A", "Kommentar von", "Posted by A"). Rewritten to "By A" so the
/// byline reader reads them as any other.
/// </summary>
internal static partial class BylineLead
{
    /// <summary>
    /// <paramref name="line"/> as a plain "By ..." byline, or null when it is none of the bent forms. A lone lead phrase
    /// ("Kommentar von") comes back as "By", for the caller to join with the name on the next line.
    /// </summary>
    public static string? Straighten(ReadOnlySpan<char> line)
    {
        if (line.Length > 120 || line.IsEmpty || !char.IsLetter(line[0]))
        {
            return null;
        }

        var match = BentLead().Match(line.ToString());
        return match.Success ? ("By " + match.Groups["rest"].Value).TrimEnd() : null;
    }

    // Words that say a text was written, before the lead word; a photo or video credit ("Photo by") is not a byline.
    // Glued: the lead word (or phrase) directly followed by a capital letter ("ByAlex"), which no word in these languages starts with.
    [GeneratedRegex(
        @"^(?:(?i:(?:(?:ein|eine|un|une|a|an)\s+)?(?:written|posted|story|article|analysis|commentary|comment|column|report|interview|text|geschrieben|verfasst|kommentar|analyse|reportage|gastbeitrag|beitrag|artikel|essay|écrit|publié|publicado|escrito|columna|análisis|crónica|tribune)\s+(?:by|von|par|por))(?:\s+(?<rest>.*)|(?<rest>\p{Lu}\p{Ll}.*))?|(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or)(?<rest>\p{Lu}\p{Ll}.*))$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.NonBacktracking)]
    private static partial Regex BentLead();
}
