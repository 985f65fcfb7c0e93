using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Pipeline.Core.Metadata.Shared;
using Pipeline.Core.Structure;

namespace Pipeline.Core.Metadata.Bylines;

/// <summary>
/// What the header and the closing bio say about who wrote a document and for whom: a dateline
/// "(Name - OUTLET)", a byline "By A and B, Outlet", a "Name | Outlet" line, and a bio "Name, a writer for “Outlet”".
/// </summary>
/// <param name="Authors">Authors named by the dateline or byline, case-normalised, in order.</param>
/// <param name="Publisher">The outlet named by the dateline or byline, as written.</param>
/// <param name="BioName">The person a closing bio is about.</param>
/// <param name="BioPublisher">The outlet a closing bio names.</param>
/// <param name="FooterAuthors">The reporters a wire credit line at the end names ("Reporting by ...").</param>
internal sealed partial record Byline(IReadOnlyList<string> Authors, string? Publisher, string? BioName, string? BioPublisher, IReadOnlyList<string> FooterAuthors)
{
    private const int MaxBylineLength = 200;

    /// <summary>Words that make a byline piece a role or a team rather than an author or an outlet.</summary>
    private static readonly FrozenSet<string> RoleWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "admin", "administrator", "staff", "editor", "editors", "newsroom", "desk", "writer", "writers", "reporter",
        "reporters", "correspondent", "correspondents", "guest", "anonymous", "webmaster", "team", "contributor",
        "contributors", "moderator", "user", "unknown", "rédaction", "redaction", "redaktion", "redacción", "redaccion",
        "author", "autor", "auteur", "editorial", "personal", "équipe", "staffer");

    private static readonly string[] BioRoles =
    [
        "writer", "journalist", "researcher", "correspondent", "editor", "reporter", "author", "analyst", "contributor",
        "columnist", "professor", "fellow", "-based", "journaliste", "chercheur", "écrivain", "rédacteur", "autor",
        "journalistin", "korrespondent", "periodista", "escritor", "investigador", "corresponsal", "blogger", "commentator",
    ];

    /// <summary>Reads the byline information of <paramref name="text"/>.</summary>
    /// <remarks>
    /// Blocks are read as spans; a pattern with captures is run on a string only when it was seen to match the span,
    /// and only the header and the last blocks are read at all.
    /// </remarks>
    public static Byline Parse(StructuredText text, int headerBlocks)
    {
        List<string>? authors = null;
        string? publisher = null;
        var blocks = text.Blocks;
        var top = Math.Min(headerBlocks, blocks.Count);
        for (var i = 0; i < top; i++)
        {
            var block = blocks[i].Span;
            var head = block.Length > MaxBylineLength ? block[..MaxBylineLength] : block;
            if (ReadDatelineCredit(head, out var pre, out var inner) && IsDatelinePrefix(pre))
            {
                ReadPieces(inner, ref authors, ref publisher);
            }

            if (block.Length <= MaxBylineLength)
            {
                if (ReadBylineRest(block, out var rest))
                {
                    ReadPieces(CutAtDate(rest), ref authors, ref publisher);
                }
                else if (block.Length <= 80 && block.Contains('|') && blocks[i].Kind != BlockKind.Title)
                {
                    List<string>? pieces = null;
                    string? outlet = null;
                    ReadPieces(CutAtDate(block), ref pieces, ref outlet);
                    if (pieces is not null)
                    {
                        (authors ??= []).AddRange(pieces);
                        publisher ??= outlet;
                    }
                }
            }
        }

        var (bioName, bioPublisher) = ReadBio(text, top);
        return new Byline(Distinct(authors), publisher, bioName, bioPublisher, WireFooterCredit.Authors(text));
    }

    /// <summary>
    /// The authors (and outlet) one header line names as a byline ("By A and B | Outlet", "Von A, 3. Mai 2020"); false
    /// when the line is no byline or names no person.
    /// </summary>
    internal static bool TryReadBylineLine(ReadOnlySpan<char> line, out List<string>? authors, out string? publisher)
    {
        authors = null;
        publisher = null;
        if (line.Length > MaxBylineLength || !ReadBylineRest(line, out var rest))
        {
            return false;
        }

        ReadPieces(CutAtDate(rest), ref authors, ref publisher);
        return authors is not null;
    }

    /// <summary>Whether <paramref name="line"/> opens like a byline ("By ...", "Von ...", "Par ...").</summary>
    internal static bool IsBylineLine(ReadOnlySpan<char> line) => line.Length <= MaxBylineLength && ReadBylineRest(line, out _);

    /// <summary><paramref name="names"/> without repeats, in order.</summary>
    internal static IReadOnlyList<string> Distinct(List<string>? names)
    {
        if (names is null)
        {
            return [];
        }

        var kept = new List<string>(names.Count);
        foreach (var name in names)
        {
            if (!kept.Contains(name, StringComparer.Ordinal))
            {
                kept.Add(name);
            }
        }

        return kept.ToArray();
    }

    private static (string? Name, string? Publisher) ReadBio(StructuredText text, int top)
    {
        var blocks = text.Blocks;
        for (var i = blocks.Count - 1; i >= Math.Max(top, blocks.Count - 2); i--)
        {
            var span = blocks[i].Span;

            // A bio names a role after the name; a block with no role word anywhere cannot be one, and costs no string.
            if (span.Length > 600 || !HasBioRole(span) || !MayHaveRoleAfterName(span) || !Bio().IsMatch(span))
            {
                continue;
            }

            var block = span.ToString();
            var bio = Bio().Match(block);
            var name = bio.Groups["name"].ValueSpan.Trim();
            var rest = bio.Groups["rest"].ValueSpan;
            var roleZone = rest[..Math.Min(rest.Length, 80)];
            if (!HasBioRole(roleZone) || !PersonNames.LooksLikePersonName(name))
            {
                continue;
            }

            string? outlet = null;
            if (QuotedName().Match(block, bio.Groups["rest"].Index) is { Success: true } quoted)
            {
                outlet = quoted.Groups["q"].Value.Trim();
            }
            else if (ForOutlet().Match(block, bio.Groups["rest"].Index) is { Success: true } forOutlet)
            {
                outlet = forOutlet.Groups["o"].Value.Trim();
            }

            return (PersonNames.NormaliseCase(name), outlet);
        }

        return (null, null);
    }

    /// <summary>
    /// False when no role word can be in the 80 characters after <see cref="Bio"/>'s name and separator, so the match
    /// (whose captures cost the NonBacktracking engine ~15 us) need not be made. Without a run of two spaces, the rest
    /// starts by character 70 (a name of at most 60, the longest separator " est une " and one more space), so a role
    /// ends by character 150; with such a run the bound does not hold, and the block is left to the pattern.
    /// </summary>
    private static bool MayHaveRoleAfterName(ReadOnlySpan<char> block)
    {
        const int RoleZoneEnd = 150;
        if (block.Length <= RoleZoneEnd)
        {
            return true;
        }

        for (var i = 1; i < block.Length; i++)
        {
            if (char.IsWhiteSpace(block[i]) && char.IsWhiteSpace(block[i - 1]))
            {
                return true;
            }
        }

        return HasBioRole(block[..RoleZoneEnd]);
    }

    private static bool HasBioRole(ReadOnlySpan<char> zone)
    {
        foreach (var role in BioRoles)
        {
            if (zone.Contains(role, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Splits "A, B and C | Outlet" into authors (person-like pieces) and an outlet (the first other capitalised piece).</summary>
    private static void ReadPieces(ReadOnlySpan<char> list, ref List<string>? authors, ref string? publisher)
    {
        foreach (var range in Separators().EnumerateSplits(list))
        {
            var piece = list[range].Trim().Trim(".:,;()*_");
            if (piece.Length < 2 || HasDigit(piece))
            {
                continue;
            }

            if (PersonNames.LooksLikePersonName(piece))
            {
                (authors ??= []).Add(PersonNames.NormaliseCase(piece));
            }
            else if (OutletWords.HasOutletWord(piece) && !HasRoleWord(piece) && char.IsUpper(piece[0]))
            {
                publisher ??= piece.ToString(); // "By Jane Roe, Valley Courier"
            }
            else if (publisher is null && !HasRoleWord(piece) && char.IsUpper(piece[0]) && piece.Length <= 60 && !piece.Contains(". ", StringComparison.Ordinal))
            {
                publisher = piece.ToString();
            }
        }
    }

    private static bool HasDigit(ReadOnlySpan<char> piece)
    {
        foreach (var c in piece)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What follows the lead word of a byline ("By", "Von", "Written by"), as <see cref="BylinePrefix"/> captures it.</summary>
    private static bool ReadBylineRest(ReadOnlySpan<char> block, out ReadOnlySpan<char> rest)
    {
        if (!block.Contains('\n'))
        {
            return BylinePrefixReader.TryRead(block, out rest);
        }

        // Not for a block's text, which is one line; the pattern itself reads any other.
        var m = BylinePrefix().Match(block.ToString());
        rest = m.Success ? m.Groups["rest"].ValueSpan : default;
        return m.Success;
    }

    /// <summary>
    /// The groups of <see cref="DatelineCredit"/> in <paramref name="head"/>, read without a Match object (whose
    /// captures cost the NonBacktracking engine ~15 us): the pattern can match in one way only, as neither group may
    /// hold a bracket. "pre" is the text before the first bracket, which must open; "inner" runs to the next bracket,
    /// which must close; a dash or colon follows after spaces.
    /// </summary>
    internal static bool ReadDatelineCredit(ReadOnlySpan<char> head, out ReadOnlySpan<char> pre, out ReadOnlySpan<char> inner)
    {
        pre = inner = default;
        var open = head.IndexOfAny('(', ')');
        if (open < 0 || open > 80 || head[open] != '(')
        {
            return false;
        }

        var length = head[(open + 1)..].IndexOfAny('(', ')');
        if (length is < 2 or > 80 || head[open + 1 + length] != ')')
        {
            return false;
        }

        var after = open + 2 + length;
        while (after < head.Length && char.IsWhiteSpace(head[after]))
        {
            after++;
        }

        if (after >= head.Length || head[after] is not ('-' or '–' or '—' or ':'))
        {
            return false;
        }

        pre = head[..open];
        inner = head.Slice(open + 1, length);
        return true;
    }

    /// <summary>A dateline starts with a date or a place in capitals ("PARIS"), not with running text.</summary>
    private static bool IsDatelinePrefix(ReadOnlySpan<char> pre)
    {
        var hasDigit = pre.IndexOfAnyInRange('0', '9') >= 0;
        var hasLower = false;
        foreach (var c in pre)
        {
            hasLower |= char.IsLower(c);
        }

        return hasDigit || !hasLower;
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RoleWordLookup = RoleWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether <paramref name="piece"/> holds a word naming a role or a team ("editor", "Redaktion").</summary>
    internal static bool HasRoleWord(ReadOnlySpan<char> piece)
    {
        foreach (var range in piece.Split(' '))
        {
            var token = piece[range];
            if (!token.IsEmpty && RoleWordLookup.Contains(token.Trim(".,:")))
            {
                return true;
            }
        }

        return false;
    }

    private static ReadOnlySpan<char> CutAtDate(ReadOnlySpan<char> s)
    {
        foreach (var m in DateTail().EnumerateMatches(s))
        {
            return s[..m.Index];
        }

        return s;
    }

    // "November 18, 2015 (Name - OUTLET) -", "PARIS (Reuters) -", "WASHINGTON, Nov 18 (AP) —".
    [GeneratedRegex(@"^(?<pre>[^()]{0,80})\((?<inner>[^()]{2,80})\)\s*[-–—:]", RegexOptions.NonBacktracking)]
    internal static partial Regex DatelineCredit();

    [GeneratedRegex(
        @"^(?:[Bb]y|BY|[Ww]ritten\s+by|WRITTEN\s+BY|[Ww]ords\s+by|[Aa]uthors?|AUTHORS?|[Aa]utor(?:a|in)?|[Aa]uteur|[Pp]ar|PAR|[Vv]on|VON|[Pp]or|POR|[Tt]exte?|[Rr]eported\s+by)\s*:?\s+(?<rest>.+)$",
        RegexOptions.NonBacktracking)]
    internal static partial Regex BylinePrefix();

    // Where a byline turns into a date or time: "on Nov 18", "| 18 November", "le 18", "am 18.", "- 2 hours ago".
    [GeneratedRegex(
        @"\s(?:on|le|am|el|the|published|updated|posted|publié|veröffentlicht|publicado)\s+\p{L}*\.?\s*\d|\s[|•·—–-]\s*\p{L}*\.?\s*\d|\d",
        RegexOptions.NonBacktracking | RegexOptions.IgnoreCase)]
    private static partial Regex DateTail();

    [GeneratedRegex(@"\s*(?:,|;|\||•|·|\s[-–—]\s|\sand\s|\s&\s|\set\s|\sund\s|\sy\s|\sfor\s|\spour\s|\sfür\s|\spara\s|\sAND\s|\sET\s|\sUND\s|\sY\s|\sFOR\s)\s*", RegexOptions.NonBacktracking)]
    private static partial Regex Separators();

    [GeneratedRegex(@"^(?<name>[^,]{3,60}?)(?:,|\s+is\s+(?:a|an|the)\s|\s+est\s+(?:un|une)\s|\s+ist\s|\s+es\s+(?:un|una)\s)\s*(?<rest>.*)$", RegexOptions.NonBacktracking)]
    private static partial Regex Bio();

    [GeneratedRegex(@"[“""«„]\s*(?<q>\p{Lu}[^”""»“]{1,60}?)\s*[”""»“]", RegexOptions.NonBacktracking)]
    private static partial Regex QuotedName();

    [GeneratedRegex(@"\b(?:for|at|with|pour|für|para)\s+(?:the\s+)?(?:online\s+)?(?:magazine|newspaper|journal|website|site|outlet|news\s+site)?\s*(?<o>\p{Lu}[\p{L}&'’]*(?:\s+\p{Lu}[\p{L}&'’]*){0,4})", RegexOptions.NonBacktracking)]
    private static partial Regex ForOutlet();
}
