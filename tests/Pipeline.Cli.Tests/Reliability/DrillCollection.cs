namespace Pipeline.Cli.Tests.Reliability;

/// <summary>
/// Tests that stop storage and kill workers on their own Azurite run in this collection, alone (after the
/// parallel ones): their bounds are stated for a machine that is not also running the rest of the suite.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DrillCollection
{
    public const string Name = "Drills";
}
