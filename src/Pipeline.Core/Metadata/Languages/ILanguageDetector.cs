namespace Pipeline.Core.Metadata.Languages;

/// <summary>Tells the language of a text.</summary>
public interface ILanguageDetector
{
    /// <summary>Detects the language of <paramref name="text"/>.</summary>
    /// <param name="text">A sample of the document's text.</param>
    /// <returns>The ISO 639-1 code (null when unknown) and a confidence in [0, 1].</returns>
    (string? Code, double Confidence) Detect(string text);
}
