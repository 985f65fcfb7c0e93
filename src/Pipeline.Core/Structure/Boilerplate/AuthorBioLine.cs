using System.Buffers;

namespace Pipeline.Core.Structure.Boilerplate;

/// <summary>
/// The author box under an article: a short paragraph that introduces a person ("Meg James is a corporate media reporter
/// for ...", "Markus Reuter beschäftigt sich mit ...", "Schreibt seit 2008 für die taz", "I am a writer, journalist ...").
/// It reads as prose, so only its form and its place (among the last blocks of the article's run) give it away.
/// </summary>
internal static class AuthorBioLine
{
    /// <summary>Longest block taken for a bio, in characters.</summary>
    private const int MaxLength = 500;

    /// <summary>Most capitalised words a name before the verb has.</summary>
    private const int MaxNameWords = 4;

    private static readonly SearchValues<string> Verbs = SearchValues.Create(
        [
            " is a ", " is an ", " is the ", " covers ", " writes ", " reports on ", " has been a ", " ist ", " leitet ",
            " beschäftigt sich ", " schreibt ", " arbeitet ", " berichtet ", " est ", " es ", " é ", " è ", " jest ", " joined ",
        ],
        StringComparison.Ordinal);

    private static readonly string[] Openings = ["Schreibt seit ", "Writes about ", "Writes for ", "I am a ", "I'm a ", "I’m a "];

    /// <summary>True when <paramref name="block"/> has the form of an author bio.</summary>
    public static bool Matches(ReadOnlySpan<char> block)
    {
        if (block.Length > MaxLength || block.Length < 20)
        {
            return false;
        }

        foreach (var opening in Openings)
        {
            if (block.StartsWith(opening, StringComparison.Ordinal))
            {
                return true;
            }
        }

        var verb = block.IndexOfAny(Verbs);
        if (verb <= 0)
        {
            return false;
        }

        // Everything before the verb is a name: two to four capitalised words.
        var name = block[..verb];
        var words = 0;
        foreach (var range in name.Split(' '))
        {
            var word = name[range];
            if (word.IsEmpty || !char.IsUpper(word[0]))
            {
                return false;
            }

            words++;
        }

        // "Emiliano joined pv magazine in March 2017": a bio may give the first name alone before how the author came.
        return words is >= 2 and <= MaxNameWords || (words == 1 && block[verb..].StartsWith(" joined ", StringComparison.Ordinal));
    }
}
