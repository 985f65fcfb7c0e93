using System.ComponentModel.DataAnnotations;

namespace Pipeline.Core.Structure;

/// <summary>Options of <see cref="DocumentStructurer"/>.</summary>
public sealed class StructureOptions
{
    /// <summary>Longest line, in characters, that can be a heading or the title.</summary>
    /// <value>Defaults to 120. Range 10 to 1000.</value>
    [Range(10, 1000)]
    public int MaxHeadingLength { get; set; } = 120;

    /// <summary>Most words a heading or the title can have.</summary>
    /// <value>Defaults to 15. Range 1 to 100.</value>
    [Range(1, 100)]
    public int MaxHeadingWords { get; set; } = 15;

    /// <summary>
    /// Most heading-like lines in a row that are still headings (a section and a subsection); longer runs of
    /// short lines are lists and stay paragraphs.
    /// </summary>
    /// <value>Defaults to 2. Range 1 to 10.</value>
    [Range(1, 10)]
    public int MaxHeadingRun { get; set; } = 2;

    /// <summary>Whether a headline-like first line followed by body text becomes the <see cref="BlockKind.Title"/>.</summary>
    /// <value>Defaults to true.</value>
    public bool DetectTitle { get; set; } = true;

    /// <summary>Longest line, in characters, that boilerplate rules look at; longer lines are always kept.</summary>
    /// <value>Defaults to 200 (a cookie notice fits). Range 10 to 5000.</value>
    [Range(10, 5000)]
    public int MaxBoilerplateLineLength { get; set; } = 200;

    /// <summary>Whether <see cref="BoilerplateRules.Default"/> apply.</summary>
    /// <value>Defaults to true.</value>
    public bool UseDefaultBoilerplateRules { get; set; } = true;

    /// <summary>Rules tried after the default ones.</summary>
    /// <value>Defaults to none.</value>
    public IList<BoilerplateRule> AdditionalBoilerplateRules { get; } = [];

    /// <summary>
    /// Line prefixes (matched case-insensitively, followed by a colon) that mark an image caption, which is
    /// moved out of the text into <see cref="StructuredText.ImageCaptions"/>.
    /// </summary>
    /// <value>Defaults to Image, Images, Photo, Photos, Picture, Pic, Photograph, Caption, Foto, Bild, and the
    /// credit forms "Image credit", "Photo credit", "Image source" (credits are image furniture too).</value>
    public IList<string> CaptionPrefixes { get; } =
    [
        "Image", "Images", "Photo", "Photos", "Picture", "Pic", "Photograph", "Caption", "Foto", "Bild",
        "Image credit", "Photo credit", "Image source",
    ];

    /// <summary>
    /// Longest line, in characters, still counted as a short hard-wrapped line when deciding whether
    /// blank-line separated blocks are hard-wrapped paragraphs (whose lines are joined).
    /// </summary>
    /// <value>Defaults to 100. Range 20 to 1000.</value>
    [Range(20, 1000)]
    public int MaxWrappedLineLength { get; set; } = 100;

    /// <summary>
    /// Whether blocks are classified as main content or page furniture (menus, teasers, footers, reader comments) in the
    /// manner of jusText, and the furniture removed. A text without furniture is kept whole either way.
    /// </summary>
    /// <value>Defaults to true.</value>
    public bool DetectMainContent { get; set; } = true;

    /// <summary>Blocks shorter than this (in characters, a CJK character counted as three) are judged by their neighbours.</summary>
    /// <value>Defaults to 70 (jusText's <c>length_low</c>). Range 10 to 1000.</value>
    [Range(10, 1000)]
    public int MinParagraphLength { get; set; } = 70;

    /// <summary>Blocks at least this long with enough function words are main content on their own.</summary>
    /// <value>Defaults to 200 (jusText's <c>length_high</c>). Range 20 to 5000; at least <see cref="MinParagraphLength"/>.</value>
    [Range(20, 5000)]
    public int GoodParagraphLength { get; set; } = 200;

    /// <summary>Share of a block's words that are function words below which it is furniture.</summary>
    /// <value>Defaults to 0.22. Range 0 to 1.</value>
    [Range(0.0, 1.0)]
    public double MinStopWordDensity { get; set; } = 0.22;

    /// <summary>Share of a block's words that are function words from which a long block is main content.</summary>
    /// <value>Defaults to 0.26. Range 0 to 1; at least <see cref="MinStopWordDensity"/>.</value>
    [Range(0.0, 1.0)]
    public double GoodStopWordDensity { get; set; } = 0.26;

    /// <summary>Throws <see cref="ValidationException"/> when a value is out of range.</summary>
    public void Validate()
    {
        Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
        if (CaptionPrefixes.Any(string.IsNullOrWhiteSpace))
        {
            throw new ValidationException("Caption prefixes must not be blank.");
        }

        if (GoodParagraphLength < MinParagraphLength || GoodStopWordDensity < MinStopWordDensity)
        {
            throw new ValidationException("The good-paragraph thresholds must be at least the minimum ones.");
        }
    }
}
