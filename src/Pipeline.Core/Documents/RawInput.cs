namespace Pipeline.Core.Documents;

/// <summary>
/// One raw input as it arrived: the bytes of a scraped file and the name it was stored under.
/// The bytes are never modified by the pipeline.
/// </summary>
/// <param name="Name">The input's name (a file path or a blob name). Untrusted: used only as data.</param>
/// <param name="Content">The raw bytes.</param>
public sealed record RawInput(string Name, ReadOnlyMemory<byte> Content);
