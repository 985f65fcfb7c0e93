using Pipeline.Core.Metadata.Languages;

namespace Pipeline.Core.Tests.Metadata;

/// <summary>A language detector that always answers <paramref name="code"/>, so tests do not depend on detection.</summary>
internal sealed class FixedLanguageDetector(string? code) : ILanguageDetector
{
    public (string? Code, double Confidence) Detect(string text) => (code, code is null ? 0 : 1);
}
