using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Pipeline.Core.Decoding;

/// <summary>
/// Decodes bytes that are not entirely valid UTF-8: valid sequences as UTF-8, each byte of an invalid sequence
/// (truncated, overlong, surrogate, out of range, stray continuation) as windows-1252. This reads pure windows-1252
/// text correctly and also rescues UTF-8 files with a few windows-1252 bytes pasted in. A sequence cut off at the very
/// end of otherwise valid UTF-8 that has other non-ASCII sequences becomes U+FFFD (a truncated download); without such
/// evidence of UTF-8 (e.g. windows-1252 text ending in "caf\xE9") the tail is read as windows-1252.
/// </summary>
internal static class LenientUtf8Decoder
{
    /// <summary>What <see cref="Decode"/> found.</summary>
    /// <param name="Length">Characters written.</param>
    /// <param name="FallbackBytes">Bytes decoded as windows-1252.</param>
    /// <param name="MultiByteExcess">UTF-8 bytes beyond one per character in the valid parts; above zero when there were valid non-ASCII sequences.</param>
    /// <param name="ReplacedTail">Whether a truncated final sequence became U+FFFD.</param>
    public readonly record struct Outcome(int Length, int FallbackBytes, long MultiByteExcess, bool ReplacedTail);

    /// <summary>Decodes <paramref name="bytes"/> into <paramref name="buffer"/>, which must hold at least as many characters as there are bytes.</summary>
    public static Outcome Decode(ReadOnlySpan<byte> bytes, Span<char> buffer)
    {
        // Never more characters than bytes: valid UTF-8 gives at most one UTF-16 unit per byte, fallback exactly one.
        var written = 0;
        var fallback = 0;
        long excess = 0;
        var replacedTail = false;
        var source = bytes;
        while (!source.IsEmpty)
        {
            var status = Utf8.ToUtf16(source, buffer[written..], out var read, out var produced, replaceInvalidSequences: false, isFinalBlock: true);
            written += produced;
            excess += read - produced;
            source = source[read..];
            if (status == OperationStatus.Done)
            {
                break;
            }

            // InvalidData: source starts with an ill-formed subsequence; its length is what Rune reports as consumed.
            var runeStatus = Rune.DecodeFromUtf8(source, out _, out var consumed);
            consumed = Math.Max(1, consumed);
            if (runeStatus == OperationStatus.NeedMoreData && consumed == source.Length && fallback == 0 && excess > 0)
            {
                buffer[written++] = '\uFFFD';
                replacedTail = true;
                break;
            }

            Windows1252.Decode(source[..consumed], buffer[written..]);
            written += consumed;
            fallback += consumed;
            source = source[consumed..];
        }

        return new Outcome(written, fallback, excess, replacedTail);
    }
}
