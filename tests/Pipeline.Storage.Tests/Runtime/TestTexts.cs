using System.Text;

namespace Pipeline.Storage.Tests.Runtime;

/// <summary>Small articles written for these tests.</summary>
internal static class TestTexts
{
    public static byte[] Article(string topic) => Encoding.UTF8.GetBytes(
        $"Council approves new plan for {topic}\n\n" +
        $"The town council voted on Monday to approve a long debated plan for {topic}, ending months of argument between residents and planners.\n\n" +
        $"Supporters said the plan for {topic} would bring jobs and visitors, while critics warned that the costs had been badly underestimated.\n\n" +
        "The first phase is expected to begin next spring and to last around eighteen months, the council's finance officer said after the vote.\n");

    public static byte[] Sample(string fileName) =>
        File.ReadAllBytes(Pipeline.Tests.Shared.RepositoryPaths.File("samples", "inputs", fileName));

    public static IReadOnlyList<string> SampleNames() =>
        Directory.EnumerateFiles(Pipeline.Tests.Shared.RepositoryPaths.File("samples", "inputs"))
            .Select(Path.GetFileName)
            .Where(n => n is not null && !n.StartsWith('.'))
            .Select(n => n!)
            .Order(StringComparer.Ordinal)
            .ToList();
}
