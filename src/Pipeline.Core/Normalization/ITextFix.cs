namespace Pipeline.Core.Normalization;

/// <summary>One normalisation fix. Implementations are stateless and thread-safe.</summary>
public interface ITextFix
{
    /// <summary>The fix's name in camelCase (e.g. <c>htmlEntities</c>), used as the key in <see cref="NormalizedText.Fixes"/>.</summary>
    string Name { get; }

    /// <summary>Applies the fix.</summary>
    /// <param name="text">The text.</param>
    /// <param name="changes">How many places were changed.</param>
    /// <returns>The fixed text; the same instance as <paramref name="text"/> when nothing changed.</returns>
    string Apply(string text, out int changes);
}
