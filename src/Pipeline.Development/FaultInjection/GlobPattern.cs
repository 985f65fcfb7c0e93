using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Development.FaultInjection;

/// <summary>Glob patterns (<c>*</c>, <c>?</c>) of the fault-injection options, matched against untrusted names.</summary>
public static class GlobPattern
{
    /// <summary>
    /// The regex of a glob, anchored at both ends. Names are untrusted input, so it is non-backtracking:
    /// matching stays linear in the name's length whatever the pattern.
    /// </summary>
    /// <param name="glob">The pattern: <c>*</c> any run of characters, <c>?</c> any one, everything else literal.</param>
    public static Regex ToRegex(string glob)
    {
        ArgumentNullException.ThrowIfNull(glob);
        var pattern = new StringBuilder("^");
        foreach (var c in glob)
        {
            pattern.Append(c switch
            {
                '*' => ".*",
                '?' => ".",
                _ => Regex.Escape(c.ToString()),
            });
        }

        return new Regex(pattern.Append('$').ToString(), RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }
}
