using Lingua;

namespace Pipeline.Core.Metadata.Languages;

/// <summary>
/// <see cref="ILanguageDetector"/> backed by Lingua, with every language it knows except Latin and Esperanto, in
/// low-accuracy mode so that loading is a fraction of a second and a detection costs about a millisecond.
/// </summary>
/// <remarks>
/// An earlier set of the 30 languages with the most web text named a page in any other language after its nearest
/// look-alike in the set (Albanian came out as Indonesian); the whole set costs about 40 MB more once per process.
/// Latin and Esperanto are left out: nobody scrapes news in them, and short texts in other languages look like them.
/// One detector is shared by all instances and built on first use; Lingua's detector is thread-safe.
/// </remarks>
public sealed class LinguaLanguageDetector : ILanguageDetector
{
    private static readonly Lazy<LanguageDetector> Shared = new(
        () => LanguageDetectorBuilder.FromAllLanguagesExcept(Language.Latin, Language.Esperanto).WithLowAccuracyMode().Build(),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <inheritdoc />
    public (string? Code, double Confidence) Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = Shared.Value.ComputeLanguageConfidenceValues(text);
        foreach (var (language, confidence) in values)
        {
            // Entries come sorted by confidence, highest first.
            if (language == Language.Unknown || confidence <= 0)
            {
                return (null, 0);
            }

            var code = language.IsoCode6391();
            return (code == IsoCode6391.None ? null : code.ToString().ToLowerInvariant(), confidence);
        }

        return (null, 0);
    }
}
