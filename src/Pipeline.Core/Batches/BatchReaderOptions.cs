using System.ComponentModel.DataAnnotations;

namespace Pipeline.Core.Batches;

/// <summary>Limits of the batch readers. Memory while reading a batch is bounded by them, whatever the batch's size.</summary>
public sealed class BatchReaderOptions
{
    /// <summary>
    /// The largest record read: a JSON line, a WARC block. A longer one is a rejected record (<c>too-large</c>); the reader
    /// skips to the next line or record with a bounded buffer.
    /// </summary>
    /// <value>Default 4 MiB; 1 KiB to 64 MiB.</value>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxRecordBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Throws when an option is out of range.</summary>
    /// <exception cref="ValidationException">An option is out of range.</exception>
    public void Validate() => Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
}
