using System.ComponentModel.DataAnnotations;

namespace Pipeline.Core.Decoding;

/// <summary>Options of the decoding stage (bytes to text), including the binary-detection thresholds.</summary>
public sealed class DecodingOptions
{
    /// <summary>The largest input accepted, in bytes. Larger inputs are rejected before anything is decoded.</summary>
    /// <value>Defaults to 16 MiB (16,777,216). Range 1 to 1 GiB.</value>
    [Range(1L, 1L << 30)]
    public long MaxInputBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>How many bytes at the start of the input are inspected for control characters and UTF-16 zero-byte patterns.</summary>
    /// <value>Defaults to 8192. Range 64 to 1,048,576. NUL bytes are always counted over the whole input.</value>
    [Range(64, 1 << 20)]
    public int SampleBytes { get; set; } = 8192;

    /// <summary>
    /// The largest fraction of the sample that may be C0 control characters (other than tab, line feed,
    /// carriage return and form feed) or DEL before the input is rejected as binary.
    /// </summary>
    /// <value>Defaults to 0.10. Range 0 to 1. Ordinary text has none; random binary data has about 12.5%.</value>
    [Range(0.0, 1.0)]
    public double MaxControlCharacterFraction { get; set; } = 0.10;

    /// <summary>
    /// The largest fraction of the whole input that may be NUL bytes (NUL code units for UTF-16/32) before it is rejected as binary.
    /// A few stray NULs are tolerated; the normaliser removes them.
    /// </summary>
    /// <value>Defaults to 0.001 (one per KiB). Range 0 to 1. Random binary data has about 0.4%.</value>
    [Range(0.0, 1.0)]
    public double MaxNulFraction { get; set; } = 0.001;

    /// <summary>
    /// The largest fraction of the input's bytes that may be invalid UTF-8 (decoded one byte at a time as windows-1252)
    /// before the input is rejected as undecodable. Text in an unsupported legacy encoding (e.g. windows-1251) fails this.
    /// </summary>
    /// <value>Defaults to 0.30. Range 0 to 1. Western European windows-1252 text usually has under 10%.</value>
    [Range(0.0, 1.0)]
    public double MaxFallbackByteFraction { get; set; } = 0.30;

    /// <summary>
    /// The largest fraction of decoded characters that may be U+FFFD (from invalid UTF-16/UTF-32, or invalid bytes after a UTF-8 BOM)
    /// before the input is rejected as undecodable.
    /// </summary>
    /// <value>Defaults to 0.10. Range 0 to 1.</value>
    [Range(0.0, 1.0)]
    public double MaxReplacementCharacterFraction { get; set; } = 0.10;

    /// <summary>
    /// The smallest fraction of code-unit pairs in the sample that must have a zero byte on the same side (odd positions for
    /// little-endian, even for big-endian) for BOM-less input to be read as UTF-16. The other side must have almost none.
    /// </summary>
    /// <value>Defaults to 0.40. Range 0.05 to 1. Mostly-ASCII UTF-16 has close to 1.</value>
    [Range(0.05, 1.0)]
    public double MinUtf16ZeroByteFraction { get; set; } = 0.40;

    /// <summary>
    /// The largest fraction of the decoded text's non-whitespace code points that may be non-text (unassigned, private
    /// use, noncharacters, U+FFFD, binary controls) before the input is rejected as binary: random bytes behind a UTF-16
    /// BOM, or read by any other path, become text of that kind. Long texts are judged on three windows of
    /// <see cref="SampleBytes"/> characters (start, middle, end).
    /// </summary>
    /// <value>Defaults to 0.10. Range 0 to 1. Real text in any script has next to none; random UTF-16 about 20%.</value>
    [Range(0.0, 1.0)]
    public double MaxNonTextCharacterFraction { get; set; } = 0.10;

    /// <summary>Throws <see cref="ValidationException"/> when a property is outside its documented range.</summary>
    public void Validate() => Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
}
