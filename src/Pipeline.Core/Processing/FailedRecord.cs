using Pipeline.Core.Documents;

namespace Pipeline.Core.Processing;

/// <summary>Builds the <c>failed</c> record of an input whose processing threw.</summary>
public static class FailedRecord
{
    /// <summary>Creates the record of a failed input.</summary>
    /// <param name="name">The input's name.</param>
    /// <param name="bytes">The raw bytes, when they were read (empty otherwise).</param>
    /// <param name="error">The last error.</param>
    /// <param name="attempts">How many times the input was tried.</param>
    public static DocumentRecord Create(string name, ReadOnlySpan<byte> bytes, Exception error, int attempts)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Create(name, bytes, error.GetType().Name, error.Message, attempts);
    }

    /// <summary>Creates the record of a failed input from an error's type name and message.</summary>
    public static DocumentRecord Create(string name, ReadOnlySpan<byte> bytes, string errorType, string message, int attempts) => new()
    {
        Id = ContentId.ForBytes(bytes),
        Status = ResultStatus.Failed,
        Source = new SourceInfo(name, bytes.Length, Encoding: null, HadBom: false, ContentId.Sha256Hex(bytes)),
        Error = new ProcessingError(errorType, message, attempts),
    };

    /// <summary>Creates the record of a run that failed before or without reading its input.</summary>
    /// <param name="runId">The run's id (used as the record id: there are no bytes to derive one from).</param>
    /// <param name="name">The input's name.</param>
    /// <param name="eTag">The input version.</param>
    /// <param name="error">The last error.</param>
    public static DocumentRecord ForRun(string runId, string name, string? eTag, ProcessingError error) => new()
    {
        Id = runId,
        Status = ResultStatus.Failed,
        Source = new SourceInfo(name, Size: null, Encoding: null, HadBom: false, Sha256: null) { ETag = eTag },
        Error = error,
    };
}
