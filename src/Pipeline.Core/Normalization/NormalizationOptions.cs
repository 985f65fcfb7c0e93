using System.ComponentModel.DataAnnotations;

namespace Pipeline.Core.Normalization;

/// <summary>Which normalisation fixes run. Every fix is on by default; the order is fixed (see <see cref="TextNormalizer.DefaultFixes"/>).</summary>
public sealed class NormalizationOptions
{
    /// <summary>Decode HTML character references (<c>&amp;amp;</c>, <c>&amp;#8217;</c>), including double-encoded ones.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool HtmlEntities { get; set; } = true;

    /// <summary>Repair UTF-8 that was decoded as windows-1252 or Latin-1 (<c>â€™</c> to <c>’</c>).</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool Mojibake { get; set; } = true;

    /// <summary>How many times mojibake repair may be applied to text encoded wrongly more than once.</summary>
    /// <value>Defaults to 3. Range 1 to 5.</value>
    [Range(1, 5)]
    public int MaxMojibakePasses { get; set; } = 3;

    /// <summary>Turn every line break form into <c>\n</c>.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool LineEndings { get; set; } = true;

    /// <summary>Remove control, zero-width and bidi formatting characters.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool ControlCharacters { get; set; } = true;

    /// <summary>Apply Unicode normalisation form C.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool UnicodeNormalization { get; set; } = true;

    /// <summary>Turn no-break and other odd spaces and tabs into plain spaces.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool OddSpaces { get; set; } = true;

    /// <summary>Collapse runs of spaces, trim lines, and collapse three or more line breaks into two.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool Whitespace { get; set; } = true;

    /// <summary>Join words hyphenated across line breaks.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool HyphenatedLineBreaks { get; set; } = true;

    /// <summary>Insert the missing space between glued sentences.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool GluedSentences { get; set; } = true;

    /// <summary>Insert the missing space between a word and an opening quote.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool SpaceBeforeOpeningQuote { get; set; } = true;

    /// <summary>Throws <see cref="ValidationException"/> when a property is outside its documented range.</summary>
    public void Validate() => Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
}
