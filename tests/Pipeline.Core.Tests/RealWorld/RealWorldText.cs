using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Core.Tests.RealWorld;

/// <summary>
/// The comparison form of <c>../shared/realworld/score.py</c>'s <c>norm</c>: NFKC, curly quotes, dashes, NBSP, soft hyphens
/// and the ellipsis folded, whitespace runs to one space, trimmed, case-folded, and spaces between two CJK characters dropped.
/// </summary>
internal static partial class RealWorldText
{
    private const string Cjk = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\u3000-\u303f";

    private static readonly Dictionary<char, string> Folds = BuildFolds();

    public static string Norm(string? s)
    {
        var text = (s ?? string.Empty).Normalize(NormalizationForm.FormKC);
        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (Folds.TryGetValue(c, out var replacement))
            {
                folded.Append(replacement);
            }
            else
            {
                folded.Append(c);
            }
        }

        var spaced = Whitespace().Replace(folded.ToString(), " ").Trim();
        return CjkGap().Replace(CaseFold(spaced), string.Empty);
    }

    /// <summary>Python's <c>str.casefold</c> for the scripts of the set: lower case, with ß, ſ and final sigma folded too.</summary>
    private static string CaseFold(string s) =>
        s.ToLower(CultureInfo.InvariantCulture).Replace("ß", "ss", StringComparison.Ordinal).Replace('ſ', 's').Replace('ς', 'σ');

    private static Dictionary<char, string> BuildFolds()
    {
        var folds = new Dictionary<char, string>();
        foreach (var c in "\u2018\u2019\u201a\u201b\u2032\u00b4`\u2039\u203a")
        {
            folds[c] = "'";
        }

        foreach (var c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u301d\u301e")
        {
            folds[c] = "\"";
        }

        foreach (var c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212")
        {
            folds[c] = "-";
        }

        folds['\u00a0'] = " ";
        folds['\u2009'] = " ";
        folds['\u202f'] = " ";
        folds['\u200b'] = string.Empty;
        folds['\u00ad'] = string.Empty;
        folds['\u2026'] = "...";
        return folds;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("(?<=[" + Cjk + "]) (?=[" + Cjk + "])")]
    private static partial Regex CjkGap();
}
