using System.ComponentModel.DataAnnotations;

namespace Pipeline.Core.Metadata;

/// <summary>Options of the metadata extraction stage.</summary>
public sealed class MetadataOptions
{
    /// <summary>
    /// Reading speed used for <see cref="Documents.DocumentMetadata.ReadingTimeMinutes"/>, in words a minute.
    /// </summary>
    /// <value>Defaults to 238, the average silent reading rate for English non-fiction (Brysbaert, 2019). Range 50 to 1000.</value>
    [Range(50, 1000)]
    public int WordsPerMinute { get; set; } = 238;
}
