using Pipeline.Core.Text;

namespace Pipeline.Core.Structure.Boilerplate;

/// <summary>
/// Picture captions and credits that a page dump leaves in the text without an <c>Image:</c> prefix: a short block carrying a
/// credit mark ("Photograph: Guy Smallman/Getty Images", "(Foto: dpa)", "Bild: Gregory Batardon", "Imagen: Télam"), or
/// ending in the name of a news agency after its last sentence ("... on 11 February. EFE", "... search. (The Associated Press)").
/// </summary>
internal static class PhotoCreditLine
{
    /// <summary>Longest block, in characters, taken for a caption; a paragraph that mentions a credit is longer.</summary>
    private const int MaxLength = 250;

    private static readonly OrdinalWordSet Marks = new(
        [
            "Photograph:", "Photograph by", "Photo:", "Photos:", "Photo by", "Photo credit", "Credit:", "Foto:", "Fotos:", "Fotó:",
            "Bild:", "Bildquelle:", "Bildrechte:", "Image:", "Imagen:", "Crédit", "Crédito:", "Źródło:", "Fot.", "photo:",
            "Getty Images", "iStock", "Shutterstock", "AP Photo", "picture alliance", "picture-alliance", "Pixabay", "Symbolbild",
        ]);

    // Agencies whose pictures newspapers print with the agency's name as the whole credit; case matters ("AP", not "ap").
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Agencies = new HashSet<string>(StringComparer.Ordinal)
    {
        "AP", "The Associated Press", "Associated Press", "Reuters", "REUTERS", "AFP", "EFE", "dpa", "DPA", "ANSA", "EPA", "Xinhua",
        "Europa Press", "Keystone", "Yonhap", "Kyodo", "AAP", "Getty", "TASS", "PAP", "CTK", "APA",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when <paramref name="line"/> is a short block with a picture credit in it.</summary>
    public static bool Matches(ReadOnlySpan<char> line) => line.Length <= MaxLength && (Marks.OccursIn(line) || EndsWithAgencyCredit(line));

    // A credit is a name or two: "Reed Saxon / Associated Press", "STEVE GSCHMEISSNER/SCIENCE PHOTO LIBRARY".
    private const int MaxCreditWords = 6;

    private static bool EndsWithAgencyCredit(ReadOnlySpan<char> line)
    {
        line = line.TrimEnd();
        if (!line.EndsWith(')'))
        {
            // "... on 11 February. EFE": the agency after the caption's last full stop.
            var stop = line.LastIndexOf(". ", StringComparison.Ordinal);
            return stop >= 0 && NamesAgency(line[(stop + 2)..]);
        }

        var open = line.LastIndexOf('(');
        if (open < 0)
        {
            return false;
        }

        var credit = line[(open + 1)..^1].Trim();
        var before = line[..open].TrimEnd();

        // In brackets after the caption's sentence, or on a line of its own: an agency, a photographer and an agency or
        // outlet ("Name / Outlet"), or the site a picture came from.
        return (before.IsEmpty || before[^1] is '.' or '!' or '?') &&
            (NamesAgency(credit) || IsNamedCredit(credit) || (!before.IsEmpty && IsSiteName(credit)));
    }

    /// <summary>"EFE", "EFE/Juan Pérez", "Reed Saxon / Associated Press": one of its parts is an agency.</summary>
    private static bool NamesAgency(ReadOnlySpan<char> credit)
    {
        foreach (var part in credit.Split('/'))
        {
            if (Agencies.Contains(credit[part].Trim()))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Name / Outlet": a few capitalised words either side of a slash.</summary>
    private static bool IsNamedCredit(ReadOnlySpan<char> credit)
    {
        if (!credit.Contains('/') || credit.Count(' ') >= MaxCreditWords + 2)
        {
            return false;
        }

        foreach (var part in credit.Split('/'))
        {
            var name = credit[part].Trim();
            if (name.IsEmpty || !char.IsUpper(name[0]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"onmeth.com": one word with a dot in it, ending in letters.</summary>
    private static bool IsSiteName(ReadOnlySpan<char> credit) =>
        credit.Length > 4 && !credit.Contains(' ') && credit.IndexOf('.') is > 0 and var dot && dot < credit.Length - 2 &&
        char.IsAsciiLetter(credit[^1]);
}
