namespace Pipeline.Core.Documents;

/// <summary>Named entities found in the text, each list distinct and in order of first mention.</summary>
/// <param name="People">People, by their fullest name in the text.</param>
/// <param name="Organizations">Organisations (companies, agencies, outlets, groups).</param>
/// <param name="Places">Countries, cities and regions.</param>
public sealed record NamedEntities(IReadOnlyList<string> People, IReadOnlyList<string> Organizations, IReadOnlyList<string> Places)
{
    /// <summary>No entities.</summary>
    public static NamedEntities Empty { get; } = new([], [], []);
}
