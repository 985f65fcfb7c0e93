using Pipeline.Core.Documents;

namespace Pipeline.Core.Html;

/// <summary>
/// Merges what a page's markup says into the metadata its text gives: markup first, text rules second, field by field.
/// The language is the exception: the text decides, because templates declare one <c>lang</c> for a whole multilingual
/// site; the declared language serves when the text is too short or too mixed to tell.
/// </summary>
internal static class MarkupMerge
{
    /// <summary>Confidence given to a language that only the markup declares.</summary>
    private const double DeclaredLanguageConfidence = 0.5;

    /// <summary>Fewest words of clean text whose detected language overrules the declared one: below it, detection is a guess.</summary>
    private const int MinWordsToOverrule = 30;

    /// <summary>The merged metadata; <paramref name="fromText"/> itself when there is no markup.</summary>
    public static DocumentMetadata Merge(MarkupMetadata? markup, DocumentMetadata fromText)
    {
        if (markup is null)
        {
            return fromText;
        }

        var (language, confidence) = markup.Language is not null && (fromText.Language is null || fromText.WordCount < MinWordsToOverrule)
            ? (markup.Language, DeclaredLanguageConfidence)
            : (fromText.Language, fromText.LanguageConfidence);
        return fromText with
        {
            Title = markup.Title ?? fromText.Title,
            PublishedAt = markup.PublishedAt ?? fromText.PublishedAt,
            Authors = markup.Authors.Count > 0 ? markup.Authors : fromText.Authors,
            Publisher = markup.Publisher ?? fromText.Publisher,
            Language = language,
            LanguageConfidence = confidence,
            ImageCaptions = markup.ImageCaptions.Count == 0 ? fromText.ImageCaptions : [.. markup.ImageCaptions.Union(fromText.ImageCaptions)],
        };
    }
}
