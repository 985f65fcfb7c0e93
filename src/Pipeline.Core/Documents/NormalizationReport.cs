namespace Pipeline.Core.Documents;

/// <summary>What normalisation changed: counts per fix, and counts per kind of removed content.</summary>
/// <param name="Fixes">Per fix name (e.g. <c>htmlEntities</c>, <c>gluedSentences</c>), how many places it changed. Only fixes that changed something appear.</param>
/// <param name="Removed">Per kind of removed content (e.g. <c>boilerplateLines</c>, <c>duplicateParagraphs</c>, <c>imageCaptions</c>), how many were removed.</param>
public sealed record NormalizationReport(IReadOnlyDictionary<string, int> Fixes, IReadOnlyDictionary<string, int> Removed);
