namespace Pipeline.Core.Structure;

/// <summary>
/// One kind of page furniture to drop (share buttons, newsletter prompts, cookie notices...). A rule only
/// sees lines of at most <paramref name="MaxWords"/> words, so it cannot delete a real paragraph that
/// merely contains its words.
/// </summary>
/// <param name="Name">A short name for diagnostics, e.g. <c>share</c>.</param>
/// <param name="MaxWords">Longest line (in words) the rule applies to.</param>
/// <param name="Matches">True when the line is this kind of boilerplate.</param>
public sealed record BoilerplateRule(string Name, int MaxWords, Func<BoilerplateLine, bool> Matches)
{
    /// <summary>A rule matching lines whose key equals one of <paramref name="phrases"/> (canonical form).</summary>
    /// <param name="name">The rule's name.</param>
    /// <param name="phrases">Whole-line phrases, lower case, punctuation-free.</param>
    /// <returns>The rule.</returns>
    public static BoilerplateRule Phrases(string name, params string[] phrases)
    {
        var set = new HashSet<string>(phrases, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var maxWords = phrases.Max(p => p.Split(' ').Length);
        return new BoilerplateRule(name, maxWords, line => set.Contains(line.Key));
    }

    /// <summary>A rule matching lines whose key starts with one of <paramref name="prefixes"/> as whole words.</summary>
    /// <param name="name">The rule's name.</param>
    /// <param name="maxWords">Longest line (in words) the rule applies to.</param>
    /// <param name="prefixes">Leading words, lower case, punctuation-free.</param>
    /// <returns>The rule.</returns>
    public static BoilerplateRule StartsWith(string name, int maxWords, params string[] prefixes) =>
        new(name, maxWords, line => StartsWithAny(line.Key, prefixes));

    /// <summary>True when <paramref name="key"/> begins with the whole words of <paramref name="prefix"/>.</summary>
    /// <param name="key">A canonical line.</param>
    /// <param name="prefix">Leading words.</param>
    /// <returns>Whether it starts with them.</returns>
    public static bool StartsWithWords(ReadOnlySpan<char> key, string prefix) =>
        key.StartsWith(prefix, StringComparison.Ordinal) && (key.Length == prefix.Length || key[prefix.Length] == ' ');

    // A loop rather than LINQ: rules run on every short line, and a closure per call would allocate for each.
    private static bool StartsWithAny(ReadOnlySpan<char> key, string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (StartsWithWords(key, prefix))
            {
                return true;
            }
        }

        return false;
    }
}
