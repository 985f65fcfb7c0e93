using Pipeline.Core.Documents;

namespace Pipeline.Core.Processing;

/// <summary>An input after decoding: its text, or why it has none.</summary>
/// <param name="Source">What is known about the input.</param>
/// <param name="RawId">The id derived from the raw bytes (used when the input ends without clean text).</param>
/// <param name="Text">The decoded text, when decoding succeeded.</param>
/// <param name="Rejection">Why the input was rejected, when it was.</param>
public sealed record DecodedInput(SourceInfo Source, string RawId, string? Text, Rejection? Rejection);
