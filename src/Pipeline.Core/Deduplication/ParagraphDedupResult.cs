using Pipeline.Core.Structure;

namespace Pipeline.Core.Deduplication;

/// <summary>The blocks left after paragraph dedup.</summary>
/// <param name="Blocks">Each paragraph once, in reading order.</param>
/// <param name="DuplicatesRemoved">How many input blocks were repeats (exact, near or contained) and merged away.</param>
public sealed record ParagraphDedupResult(IReadOnlyList<TextBlock> Blocks, int DuplicatesRemoved);
