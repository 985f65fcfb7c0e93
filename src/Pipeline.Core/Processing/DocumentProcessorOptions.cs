using Pipeline.Core.Decoding;
using Pipeline.Core.Deduplication;
using Pipeline.Core.Html;
using Pipeline.Core.Metadata;
using Pipeline.Core.Normalization;
using Pipeline.Core.Structure;

namespace Pipeline.Core.Processing;

/// <summary>The options of every core stage, in one place (bound from the <c>Pipeline</c> configuration section by the hosts).</summary>
public sealed class DocumentProcessorOptions
{
    /// <summary>Bytes to text.</summary>
    /// <value>Defaults to <see cref="DecodingOptions"/> defaults (16 MiB size limit).</value>
    public DecodingOptions Decoding { get; set; } = new();

    /// <summary>Text fixes.</summary>
    /// <value>Defaults to every fix enabled.</value>
    public NormalizationOptions Normalization { get; set; } = new();

    /// <summary>Paragraphs, headings, boilerplate and captions.</summary>
    /// <value>Defaults to <see cref="StructureOptions"/> defaults.</value>
    public StructureOptions Structure { get; set; } = new();

    /// <summary>SHA-256, SimHash and MinHash parameters, and how near-duplicate candidates are verified.</summary>
    /// <value>Defaults to 10-word shingles inside paragraphs of 10 words or more, 28 bands x 4 rows, containment (or Jaccard) 0.65.</value>
    public FingerprintOptions Fingerprints { get; set; } = new();

    /// <summary>HTML pages: how much markup is parsed, how deep it is walked, what counts as a paragraph.</summary>
    /// <value>Defaults to <see cref="HtmlOptions"/> defaults (8 Mi characters, depth 256).</value>
    public HtmlOptions Html { get; set; } = new();

    /// <summary>Metadata extraction.</summary>
    /// <value>Defaults to <see cref="MetadataOptions"/> defaults.</value>
    public MetadataOptions Metadata { get; set; } = new();
}
