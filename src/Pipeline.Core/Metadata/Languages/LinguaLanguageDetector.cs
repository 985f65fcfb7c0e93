using Lingua;

namespace Pipeline.Core.Metadata.Languages;

/// <summary>
/// <see cref="ILanguageDetector"/> backed by Lingua, limited to common web languages and in low-accuracy mode
/// so that loading is a fraction of a second and a detection costs about a millisecond.
/// </summary>
/// <remarks>
/// The language set is the ~30 languages that cover most of the web's text (W3Techs content-language ranking):
/// fewer models load faster and leave fewer look-alike languages to confuse. One detector is shared by all
/// instances and built on first use; Lingua's detector is thread-safe.
/// </remarks>
public sealed class LinguaLanguageDetector : ILanguageDetector
{
    private static readonly Language[] CommonWebLanguages =
    [
        Language.English, Language.Spanish, Language.French, Language.German, Language.Portuguese,
        Language.Italian, Language.Dutch, Language.Russian, Language.Polish, Language.Turkish,
        Language.Arabic, Language.Chinese, Language.Japanese, Language.Korean, Language.Persian,
        Language.Indonesian, Language.Vietnamese, Language.Ukrainian, Language.Swedish, Language.Czech,
        Language.Romanian, Language.Greek, Language.Hungarian, Language.Hebrew, Language.Danish,
        Language.Bokmal, Language.Finnish, Language.Hindi, Language.Thai, Language.Catalan,
    ];

    private static readonly Lazy<LanguageDetector> Shared = new(
        () => LanguageDetectorBuilder.FromLanguages(CommonWebLanguages).WithLowAccuracyMode().Build(),
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
