namespace Pipeline.Core.Normalization;

/// <summary>Normalised text and what normalisation changed.</summary>
/// <param name="Text">The normalised text.</param>
/// <param name="Fixes">Per fix name, how many places it changed; only fixes that changed something appear.</param>
public sealed record NormalizedText(string Text, IReadOnlyDictionary<string, int> Fixes);
