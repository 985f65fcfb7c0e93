namespace Pipeline.Core.Metadata.Bylines;

/// <summary>
/// Authors from the dateline and byline; a wire credit line ("Reporting by ...") and then a closing bio name the
/// author only when those say nothing.
/// </summary>
internal static class AuthorExtractor
{
    /// <summary>The document's authors, case-normalised, generic bylines left out.</summary>
    public static IReadOnlyList<string> Extract(Byline byline)
    {
        if (byline.Authors.Count > 0)
        {
            return byline.Authors;
        }

        if (byline.FooterAuthors.Count > 0)
        {
            return byline.FooterAuthors;
        }

        return byline.BioName is { } bio ? [bio] : [];
    }
}
