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

    /// <summary>How many blocks from the top are searched for a dateline, a byline and a date.</summary>
    /// <value>Defaults to 3. Range 1 to 20.</value>
    [Range(1, 20)]
    public int HeaderBlocks { get; set; } = 3;

    /// <summary>
    /// Characters of paragraph text given to the language detector (half from the start, half from the middle).
    /// Detection cost grows with the sample; 1,500 characters already decide a language reliably.
    /// </summary>
    /// <value>Defaults to 1500. Range 100 to 100000.</value>
    [Range(100, 100_000)]
    public int LanguageSampleCharacters { get; set; } = 1500;

    /// <summary>Fewest letters a text needs before a language is reported.</summary>
    /// <value>Defaults to 20. Range 1 to 10000.</value>
    [Range(1, 10_000)]
    public int MinimumLanguageLetters { get; set; } = 20;

    /// <summary>Lowest detector confidence at which a language is reported; below it the language is null.</summary>
    /// <value>Defaults to 0.5. Range 0 to 1.</value>
    [Range(0.0, 1.0)]
    public double MinimumLanguageConfidence { get; set; } = 0.5;

    /// <summary>Throws <see cref="ValidationException"/> when a property is out of its range.</summary>
    public void Validate() => Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
}
