using Pipeline.Core.Documents;

namespace Pipeline.Core.Decoding;

/// <summary>The outcome of decoding an input: its text and encoding, or why it was rejected.</summary>
/// <param name="Text">The decoded text, without a byte order mark; <see langword="null"/> when rejected.</param>
/// <param name="Encoding">
/// The encoding used: <c>utf-8</c>, <c>utf-16le</c>, <c>utf-16be</c>, <c>utf-32le</c>, <c>utf-32be</c> or <c>windows-1252</c>;
/// <see langword="null"/> when rejected before an encoding was chosen.
/// </param>
/// <param name="HadBom">Whether the input started with a byte order mark (which is not part of <paramref name="Text"/>).</param>
/// <param name="Rejection">Why the input was rejected, or <see langword="null"/> when it was decoded.</param>
public sealed record DecodeResult(string? Text, string? Encoding, bool HadBom, Rejection? Rejection)
{
    /// <summary>Whether the input was rejected (then <see cref="Rejection"/> says why).</summary>
    public bool IsRejected => Rejection is not null;

    /// <summary>A successful decode.</summary>
    /// <param name="text">The decoded text.</param>
    /// <param name="encoding">The encoding name (see <see cref="Encoding"/>).</param>
    /// <param name="hadBom">Whether a byte order mark was present.</param>
    /// <returns>The result.</returns>
    public static DecodeResult Decoded(string text, string encoding, bool hadBom) => new(text, encoding, hadBom, null);

    /// <summary>A rejection.</summary>
    /// <param name="reason">One of the <see cref="RejectionReasons"/> codes.</param>
    /// <param name="detail">A human-readable explanation.</param>
    /// <param name="encoding">The encoding chosen before the rejection, if any.</param>
    /// <param name="hadBom">Whether a byte order mark was present.</param>
    /// <returns>The result.</returns>
    public static DecodeResult Rejected(string reason, string detail, string? encoding = null, bool hadBom = false) =>
        new(null, encoding, hadBom, new Rejection(reason, detail));
}
