using System.ComponentModel.DataAnnotations;

namespace Pipeline.Core.Deduplication;

/// <summary>
/// Options of document fingerprinting and near-duplicate detection: shingles, MinHash + LSH candidates, and the
/// verification of candidates on their shingle sketches.
/// </summary>
/// <remarks>
/// <para>How a near duplicate is found (docs/design.md, "Dedup across documents"): the shingles are word
/// <see cref="ShingleSize"/>-grams inside paragraphs of at least <see cref="MinParagraphWords"/> words (so headlines,
/// bylines and outlet boilerplate lines do not count, and moving a paragraph changes no shingle). A MinHash
/// signature of <see cref="Bands"/> × <see cref="RowsPerBand"/> permutations, cut into LSH bands, finds candidates:
/// a pair with Jaccard similarity <c>s</c> shares a band with probability <c>1 - (1 - s^r)^b</c>. At most
/// <see cref="MaxCandidates"/> candidates (most bands shared first) are then verified on their
/// <see cref="ShingleSketch"/>: the similarity is the containment of the smaller shingle set in the larger when the
/// larger is at most <see cref="MaxContainmentRatio"/> times the smaller, else their Jaccard similarity, and a candidate
/// is a near duplicate when it reaches <see cref="SimilarityThreshold"/>.</para>
/// <para>Changing <see cref="ShingleSize"/>, <see cref="MinParagraphWords"/>, <see cref="Bands"/>,
/// <see cref="RowsPerBand"/>, <see cref="SketchSize"/> or <see cref="Seed"/> changes the stored fingerprints: an index
/// built with other values must be rebuilt. <see cref="SimilarityThreshold"/>, <see cref="MaxContainmentRatio"/> and
/// <see cref="MaxCandidates"/> only change decisions from then on.</para>
/// </remarks>
public sealed record FingerprintOptions
{
    /// <summary>Words per near-duplicate shingle.</summary>
    /// <value>
    /// Defaults to 10. Range 1 to 16. Longer shingles tell a copy (long runs of the same words) from another article
    /// written to the same pattern about the same people and places (the same phrases, other figures and details):
    /// on the near-duplicate set, the hardest negative's containment is 0.76 with 5-word shingles, 0.66 with 8 and 0.62
    /// with 10, while copies stay at 0.67 or more. The price: each edited word inside a paragraph removes up to this
    /// many shingles, so a copy edited word by word (rather than paragraph by paragraph) scores lower than with short
    /// shingles.
    /// </value>
    [Range(1, 16)]
    public int ShingleSize { get; init; } = 10;

    /// <summary>Paragraphs with fewer words than this are left out of the near-duplicate shingles.</summary>
    /// <value>
    /// Defaults to 10. Range 0 to 100. Headlines, bylines, datelines on their own line and the lines outlets add
    /// (copyright, "originally published by", newsletter prompts) are short: leaving them out keeps a copy's new
    /// headline and footer from counting against it, and an outlet's footer from counting for two different stories.
    /// A document with no paragraph this long uses all of its paragraphs. Higher values also drop short real
    /// paragraphs (one-line quotes); 0 keeps everything.
    /// </value>
    [Range(0, 100)]
    public int MinParagraphWords { get; init; } = 10;

    /// <summary>Words per SimHash feature shingle (the SimHash is recorded, not used for decisions).</summary>
    /// <value>Defaults to 3. Range 1 to 16.</value>
    [Range(1, 16)]
    public int SimHashShingleSize { get; init; } = 3;

    /// <summary>Number of LSH bands.</summary>
    /// <value>
    /// Defaults to 28. Range 1 to 64. With <see cref="RowsPerBand"/> 4 (112 permutations, as many as datatrove's
    /// 14 × 8), the LSH threshold is about 0.43: a pair with Jaccard 0.5 becomes a candidate with probability 0.83,
    /// 0.6 with 0.98, 0.3 with 0.2. More bands find more low-Jaccard copies (short versions) but make more documents
    /// take the slower claim path (a band key shared by another document); each band is one more entity in the claim's
    /// batch (at most 98 with the exact claim and the state).
    /// </value>
    [Range(1, 98)]
    public int Bands { get; init; } = 28;

    /// <summary>MinHash rows (permutations) per LSH band.</summary>
    /// <value>
    /// Defaults to 4. Range 1 to 32. Fewer rows make a band shared more easily (more candidates, lower LSH
    /// threshold); more rows fewer. With fewer than 3, stock phrases shared by unrelated documents start to collide.
    /// </value>
    [Range(1, 32)]
    public int RowsPerBand { get; init; } = 4;

    /// <summary>The similarity (containment or Jaccard, see <see cref="MaxContainmentRatio"/>) at or above which a candidate is a near duplicate.</summary>
    /// <value>
    /// Defaults to 0.65. Range 0.3 to 1. On the near-duplicate set (10-word shingles), copies score 0.67 or more and the
    /// hardest negatives 0.62 or less. Lower values catch copies with more rewritten paragraphs and take follow-ups
    /// that repeat much background for copies; higher values the reverse.
    /// </value>
    [Range(0.3, 1.0)]
    public double SimilarityThreshold { get; init; } = 0.65;

    /// <summary>
    /// The largest size ratio (larger shingle set over smaller) at which the similarity is containment; beyond it,
    /// Jaccard.
    /// </summary>
    /// <value>
    /// Defaults to 3. Range 1 to 1000. Containment catches a short version of a story (the top 40% of it, say) inside
    /// the full one, whose Jaccard is only about 0.4. A bound is needed because a page that holds a whole article and
    /// much else (a digest, a live blog) contains it too, and should not be its duplicate: 1 is Jaccard whenever the
    /// sizes differ; a large value is containment always.
    /// </value>
    [Range(1.0, 1000.0)]
    public double MaxContainmentRatio { get; init; } = 3.0;

    /// <summary>The most LSH candidates verified for one document: those sharing the most bands, then the smallest ids.</summary>
    /// <value>
    /// Defaults to 8. Range 1 to 64. Bounds the reads of a claim in storage (one point read per candidate verified),
    /// whatever the number of documents sharing a band. A true copy shares far more bands than other articles on the
    /// same story, so it is almost always among the first few; a smaller bound risks missing it in a large cluster
    /// of related articles.
    /// </value>
    [Range(1, 64)]
    public int MaxCandidates { get; init; } = 8;

    /// <summary>The most shingle hashes a document's sketch holds (4 bytes each).</summary>
    /// <value>
    /// Defaults to 2048 (8 KB), which holds every shingle of a document of about 2,000 words; a longer one keeps a
    /// hash-value sample of at least half this many, and its similarity is estimated (standard error about 0.01).
    /// Range 64 to 16,000 (a Table property holds at most 64 KB).
    /// </value>
    [Range(64, 16_000)]
    public int SketchSize { get; init; } = 2048;

    /// <summary>Seed of the MinHash permutations. Fixed so signatures are stable across processes and versions.</summary>
    /// <value>Defaults to 0x5EED_D0C5_2015_0001. Any value.</value>
    public ulong Seed { get; init; } = 0x5EED_D0C5_2015_0001UL;

    /// <summary>Number of MinHash permutations: <see cref="Bands"/> × <see cref="RowsPerBand"/>.</summary>
    public int Permutations => Bands * RowsPerBand;

    /// <summary>The similarity at the LSH S-curve's steepest point, (1/b)^(1/r).</summary>
    public double LshThreshold => Math.Pow(1.0 / Bands, 1.0 / RowsPerBand);

    /// <summary>The defaults.</summary>
    public static FingerprintOptions Default { get; } = new();

    /// <summary>Throws <see cref="ValidationException"/> when a value is out of range.</summary>
    public void Validate() => Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
}
