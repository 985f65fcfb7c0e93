using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using Pipeline.Core.Documents;
using Pipeline.Core.Metadata.Shared;
using Pipeline.Core.Structure;
using Pipeline.Core.Text;

namespace Pipeline.Core.Metadata.Citations;

/// <summary>
/// Articles the text cites by outlet and quoted title: "X reported in its article "T"", "according to an article in X
/// titled "T"", "in a X article headlined "T"", "X's article "T"" (and French, German and Spanish forms).
/// </summary>
internal static partial class CitationExtractor
{
    // An outlet: up to six capitalised words ("The London Guardian", "Fox News", "El País").
    private const string Outlet = @"(?<outlet>\p{Lu}[\p{L}\d&'’-]*(?:\s+(?:\p{Lu}[\p{L}\d&'’-]*|of|de|della|du)){0,5})";
    private const string Open = @"[""“„«]\s*";
    private const string Title = @"(?<title>[^""“”„«»]{3,300}?)";
    private const string Close = @"\s*[""”“»]";
    private const string Piece = @"(?:article|report|piece|op-ed|editorial|story|column|analysis|investigation)";
    private const string Named = @"(?:\s+(?:titled|entitled|headlined|called|intitulé|titulado|mit\s+dem\s+Titel))?,?\s*";

    /// <summary>Citations in order, without repeats.</summary>
    public static IReadOnlyList<Citation> Extract(StructuredText text)
    {
        List<Citation>? found = null;
        Span<byte> present = stackalloc byte[Patterns.Length];
        var blocks = text.Blocks;
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            var s = block.Span;
            if (block.Kind != BlockKind.Paragraph || s.IndexOfAny("\"“„«") < 0)
            {
                continue;
            }

            // One scan for the words of every pattern first: most quoting paragraphs have none of them.
            if (!AnyRequiredWord.OccursIn(s))
            {
                continue;
            }

            // The paragraph as a string, for the captures of a pattern that matches; made at most once, and only then.
            string? paragraph = null;

            // Patterns share word sets; each set is searched once per paragraph (0 unknown, 1 absent, 2 present).
            present.Clear();
            for (var p = 0; p < Patterns.Length; p++)
            {
                var (pattern, required) = Patterns[p];
                if (present[p] == 0)
                {
                    var hasWords = required.OccursIn(s) ? (byte)2 : (byte)1;
                    for (var q = p; q < Patterns.Length; q++)
                    {
                        if (ReferenceEquals(Patterns[q].Required, required))
                        {
                            present[q] = hasWords;
                        }
                    }
                }

                // Each pattern needs one of its words; a paragraph with none of them cannot match, so the regex is not run.
                // A pattern is first tested on the span, which costs no string and no Match object.
                if (present[p] != 2 || !pattern().IsMatch(s))
                {
                    continue;
                }

                paragraph ??= s.ToString();
                foreach (Match m in pattern().Matches(paragraph))
                {
                    var title = CleanTitle(m.Groups["title"].ValueSpan);
                    if (title.Length < 3 || CleanOutlet(m.Groups["outlet"].ValueSpan) is not { } outlet)
                    {
                        continue;
                    }

                    var citation = new Citation(outlet, title.ToString());
                    found ??= [];
                    if (!found.Contains(citation))
                    {
                        found.Add(citation);
                    }
                }
            }
        }

        return found is null ? [] : found;
    }

    // Words each pattern cannot match without (the patterns are case-sensitive, so is the search): the kinds of
    // piece for the English patterns, the verbs for the others.
    private static readonly string[] PieceWords = ["article", "report", "piece", "op-ed", "editorial", "story", "column", "analysis", "investigation"];

    private static readonly OrdinalWordSet EnglishWords = new(PieceWords);

    private static readonly OrdinalWordSet AccordingToWords = new([.. PieceWords, "Artikel", "Bericht", "artículo", "informe"]);

    private static readonly OrdinalWordSet FrenchWords = new(["écrit", "écrivait", "rapport", "publié", "affirmé", "indiqué", "expliqué", "révélé", "titrait"]);

    private static readonly OrdinalWordSet GermanWords = new(["schrieb", "berichtet", "meldete", "titelte", "schreibt"]);

    private static readonly OrdinalWordSet SpanishWords = new(["publicó", "informó", "escribió", "afirmó", "señaló", "reveló"]);

    private static readonly OrdinalWordSet AnyRequiredWord = new(
        [.. PieceWords, "Artikel", "Bericht", "artículo", "informe",
            "écrit", "écrivait", "rapport", "publié", "affirmé", "indiqué", "expliqué", "révélé", "titrait",
            "schrieb", "berichtet", "meldete", "titelte", "schreibt",
            "publicó", "informó", "escribió", "afirmó", "señaló", "reveló"]);

    private static readonly (Func<Regex> Pattern, OrdinalWordSet Required)[] Patterns =
    [
        (Verb, EnglishWords), (AccordingTo, AccordingToWords), (InAnOutletArticle, EnglishWords), (Possessive, EnglishWords),
        (FrenchVerb, FrenchWords), (GermanVerb, GermanWords), (SpanishVerb, SpanishWords),
    ];

    private static string? CleanOutlet(ReadOnlySpan<char> raw)
    {
        var trimmed = raw.Trim().TrimEnd(".,’'");
        if (OutletGazetteer.FindQualified(trimmed) is { } known)
        {
            return known; // A known outlet, maybe behind a qualifier ("The London Guardian").
        }

        // Drop sentence-initial words that are not part of a name ("However The Guardian", "Meanwhile, Reuters").
        var count = 0;
        foreach (var range in trimmed.Split(' '))
        {
            count += trimmed[range].IsEmpty ? 0 : 1;
        }

        var rest = trimmed;
        while (count > 1)
        {
            rest = rest.TrimStart(' ');
            var space = rest.IndexOf(' ');
            var first = space < 0 ? rest : rest[..space];
            if (!CommonWords.IsCommon(first) || first.Equals("The", StringComparison.Ordinal))
            {
                break;
            }

            rest = rest[first.Length..];
            count--;
        }

        rest = rest.TrimStart(' ');
        if (count == 0 || (count == 1 && CommonWords.IsCommon(rest.TrimEnd(' '))))
        {
            return null;
        }

        // The remaining words joined by single spaces, as the outlet's name.
        Span<char> buffer = rest.Length <= 256 ? stackalloc char[rest.Length] : new char[rest.Length];
        var length = SpanWords.JoinSingleSpaced(rest, buffer);

        var name = buffer[..length].TrimEnd(".,’'");
        return OutletGazetteer.FindQualified(name) ?? name.ToString();
    }

    private static ReadOnlySpan<char> CleanTitle(ReadOnlySpan<char> raw)
    {
        var title = raw.Trim().TrimEnd(",;:");
        if (title.Length > 1 && title[^1] == '.' && !char.IsUpper(title[^2]) && title[^2] != '.')
        {
            title = title[..^1];
        }

        return title.Trim();
    }

    [GeneratedRegex(
        Outlet + @"\s+(?:would\s+|had\s+|has\s+|also\s+|later\s+|recently\s+|once\s+|even\s+)*(?:stated|reported|wrote|said|claimed|noted|explained|argued|revealed|admitted|asserted|published|report|state|write|claim|note|say|explain|reveal|admit)\s+in\s+(?:its|an|a|their|his|her|one)\s+(?:own\s+|recent\s+|latest\s+)?(?:of\s+its\s+)?" + Piece + @"s?" + Named + Open + Title + Close,
        RegexOptions.NonBacktracking)]
    private static partial Regex Verb();

    [GeneratedRegex(
        @"(?:[Aa]ccording\s+to\s+(?:an|a|the)\s+(?:recent\s+)?" + Piece + @"\s+(?:in|by|from|on)(?:\s+the)?|[Ss]elon\s+un\s+article\s+(?:du|de|de\s+la|des)|[Ll]aut\s+einem\s+(?:Artikel|Bericht)\s+(?:der|des|von)|[Ss]egún\s+un\s+(?:artículo|informe)\s+(?:de|del))\s+" + Outlet + Named + Open + Title + Close,
        RegexOptions.NonBacktracking)]
    private static partial Regex AccordingTo();

    [GeneratedRegex(
        @"\b[Ii]n\s+(?:an|a|the|its)\s+(?:recent\s+)?" + Outlet + @"\s+" + Piece + Named + Open + Title + Close,
        RegexOptions.NonBacktracking)]
    private static partial Regex InAnOutletArticle();

    [GeneratedRegex(
        Outlet + @"['’]s?\s+(?:recent\s+|latest\s+)?" + Piece + Named + Open + Title + Close,
        RegexOptions.NonBacktracking)]
    private static partial Regex Possessive();

    [GeneratedRegex(
        Outlet + @"\s+(?:a\s+)?(?:écrit|rapporté|publié|affirmé|indiqué|expliqué|révélé|écrivait|rapportait|titrait)\s+(?:dans\s+(?:son|un)\s+article(?:\s+intitulé)?)?,?\s*" + Open + Title + Close,
        RegexOptions.NonBacktracking)]
    private static partial Regex FrenchVerb();

    [GeneratedRegex(
        Outlet + @"\s+(?:schrieb|berichtete|meldete|titelte|schreibt|berichtet)\s+(?:in\s+(?:seinem|ihrem|einem)\s+(?:Artikel|Bericht|Beitrag)(?:\s+mit\s+dem\s+Titel)?)?,?\s*" + Open + Title + Close,
        RegexOptions.NonBacktracking)]
    private static partial Regex GermanVerb();

    [GeneratedRegex(
        Outlet + @"\s+(?:publicó|informó|escribió|afirmó|señaló|reveló)\s+(?:en\s+(?:su|un)\s+(?:artículo|informe|reportaje)(?:\s+titulado)?)?,?\s*" + Open + Title + Close,
        RegexOptions.NonBacktracking)]
    private static partial Regex SpanishVerb();
}
