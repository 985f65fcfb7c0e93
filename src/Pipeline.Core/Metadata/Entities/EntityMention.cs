namespace Pipeline.Core.Metadata.Entities;

/// <summary>
/// A name found in the text, with where (the block in the high bits, the character in the low 20) and whether
/// something beside the name's shape backs it (a cue, a gazetteer, a first name); a person needs that somewhere.
/// </summary>
internal readonly record struct EntityMention(string Name, EntityKind Kind, long Position, bool Evidence);
