namespace Pipeline.Core.Metadata.Entities;

/// <summary>What a mention names.</summary>
internal enum EntityKind
{
    Person,
    Organization,
    Place,
}
