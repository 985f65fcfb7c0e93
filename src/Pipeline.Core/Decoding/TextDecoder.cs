using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Pipeline.Core.Documents;

namespace Pipeline.Core.Decoding;

/// <summary>
/// Turns the bytes of an input into text. Recognises byte order marks (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE), detects
/// BOM-less UTF-16 from its zero bytes, validates UTF-8 strictly and falls back to windows-1252 for bytes that are not
/// valid UTF-8. Rejects empty, oversized, binary, undecodable and whitespace-only inputs. Never throws on bad input.
/// Immutable and thread-safe.
/// </summary>
public sealed class TextDecoder
{
    /// <summary>The characters <see cref="ByteSampleStatistics.IsBinaryControl"/> counts, NUL left out (counted on its own).</summary>
    private static readonly SearchValues<char> BinaryControls = SearchValues.Create(
        Enumerable.Range(1, 0x7F).Where(ByteSampleStatistics.IsBinaryControl).Select(c => (char)c).ToArray());

    private static readonly UTF8Encoding Utf8Replacing = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private static readonly UnicodeEncoding Utf16Le = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: false);
    private static readonly UnicodeEncoding Utf16Be = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: false);
    private static readonly UTF32Encoding Utf32Le = new(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: false);
    private static readonly UTF32Encoding Utf32Be = new(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: false);

    private static readonly string[] Encodings =
    [
        EncodingNames.Utf8, EncodingNames.Utf16LittleEndian, EncodingNames.Utf16BigEndian,
        EncodingNames.Utf32LittleEndian, EncodingNames.Utf32BigEndian, EncodingNames.Windows1252,
    ];

    private static readonly DecodeResult[] Successes =
        [.. Encodings.SelectMany(e => new[] { new DecodeResult(null, e, false, null), new DecodeResult(null, e, true, null) })];

    private readonly DecodingOptions _options;

    /// <summary>Creates a decoder.</summary>
    /// <param name="options">The options; defaults when <see langword="null"/>. Validated here.</param>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">An option is out of range.</exception>
    public TextDecoder(DecodingOptions? options = null)
    {
        options ??= new DecodingOptions();
        options.Validate();

        // Copy so that later changes to the caller's instance do not affect this (immutable) decoder.
        _options = new DecodingOptions
        {
            MaxInputBytes = options.MaxInputBytes,
            SampleBytes = options.SampleBytes,
            MaxControlCharacterFraction = options.MaxControlCharacterFraction,
            MaxNulFraction = options.MaxNulFraction,
            MaxFallbackByteFraction = options.MaxFallbackByteFraction,
            MaxReplacementCharacterFraction = options.MaxReplacementCharacterFraction,
            MinUtf16ZeroByteFraction = options.MinUtf16ZeroByteFraction,
            MaxNonTextCharacterFraction = options.MaxNonTextCharacterFraction,
        };
    }

    /// <summary>Decodes the bytes of one input.</summary>
    /// <param name="bytes">The raw input.</param>
    /// <returns>The text and encoding, or a rejection.</returns>
    public DecodeResult Decode(ReadOnlySpan<byte> bytes)
    {
        var result = DecodePooled(bytes, out var rented, out var length);
        if (rented is null)
        {
            return result;
        }

        var text = new string(rented, 0, length);
        ArrayPool<char>.Shared.Return(rented);
        return DecodeResult.Decoded(text, result.Encoding!, result.HadBom);
    }

    /// <summary>
    /// Decodes into a buffer rented from <see cref="ArrayPool{T}.Shared"/> rather than a string, for the processing path
    /// that normalises straight from it. On success the result's <see cref="DecodeResult.Text"/> is null and the text is
    /// the first <paramref name="length"/> characters of <paramref name="rented"/>, which the caller returns to the pool;
    /// on rejection <paramref name="rented"/> is null.
    /// </summary>
    internal DecodeResult DecodePooled(ReadOnlySpan<byte> bytes, out char[]? rented, out int length)
    {
        rented = null;
        length = 0;
        var result = DecodeInto(bytes, ref rented, ref length);
        if (result.IsRejected && rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
            rented = null;
            length = 0;
        }

        return result;
    }

    private DecodeResult DecodeInto(ReadOnlySpan<byte> bytes, ref char[]? rented, ref int length)
    {
        if (bytes.IsEmpty)
        {
            return DecodeResult.Rejected(RejectionReasons.Empty, "The input has no bytes.");
        }

        if (bytes.Length > _options.MaxInputBytes)
        {
            return DecodeResult.Rejected(
                RejectionReasons.TooLarge,
                $"The input is {Count(bytes.Length)} bytes; the limit is {Count(_options.MaxInputBytes)} bytes.");
        }

        var bom = ByteOrderMark.Detect(bytes);
        if (bom is { } mark)
        {
            return mark.Encoding == EncodingNames.Utf8
                ? DecodeUtf8WithBom(bytes[mark.Length..], ref rented, ref length)
                : DecodeWide(bytes[mark.Length..], mark.Encoding, hadBom: true, ref rented, ref length);
        }

        var sample = bytes[..Math.Min(bytes.Length, _options.SampleBytes)];
        var stats = ByteSampleStatistics.Measure(sample);
        if (LooksLikeUtf16(stats, out var utf16))
        {
            return DecodeWide(bytes, utf16, hadBom: false, ref rented, ref length);
        }

        // NULs are counted over everything (vectorised): a text header must not hide a binary body.
        var nuls = bytes.Count((byte)0);
        if (nuls > _options.MaxNulFraction * bytes.Length)
        {
            return DecodeResult.Rejected(
                RejectionReasons.Binary,
                $"{Count(nuls)} of {Count(bytes.Length)} bytes are NUL ({Percent(nuls, bytes.Length)}); this looks like binary data.");
        }

        if (stats.ControlBytes > _options.MaxControlCharacterFraction * sample.Length)
        {
            return DecodeResult.Rejected(
                RejectionReasons.Binary,
                $"{Count(stats.ControlBytes)} of {Count(sample.Length)} sampled bytes are control characters ({Percent(stats.ControlBytes, sample.Length)}); this looks like binary data.");
        }

        // Never more UTF-16 units than UTF-8 bytes, so the byte count is room enough for both paths below.
        rented = ArrayPool<char>.Shared.Rent(bytes.Length);
        if (Utf8.IsValid(bytes))
        {
            length = Encoding.UTF8.GetChars(bytes, rented);
            return Finish(rented.AsSpan(0, length), EncodingNames.Utf8, hadBom: false);
        }

        var lenient = LenientUtf8Decoder.Decode(bytes, rented);
        length = lenient.Length;
        if (lenient.FallbackBytes > _options.MaxFallbackByteFraction * bytes.Length)
        {
            return DecodeResult.Rejected(
                RejectionReasons.Undecodable,
                $"{Count(lenient.FallbackBytes)} of {Count(bytes.Length)} bytes are not valid UTF-8 ({Percent(lenient.FallbackBytes, bytes.Length)}); " +
                "too many for windows-1252 text, so this is an unsupported encoding or not text.");
        }

        // Mostly UTF-8 with a few stray legacy bytes is still UTF-8; no valid multi-byte sequences means windows-1252.
        var encoding = lenient.MultiByteExcess > lenient.FallbackBytes || lenient.ReplacedTail ? EncodingNames.Utf8 : EncodingNames.Windows1252;
        return Finish(rented.AsSpan(0, length), encoding, hadBom: false);
    }

    private bool LooksLikeUtf16(ByteSampleStatistics stats, out string encoding)
    {
        encoding = EncodingNames.Utf16LittleEndian;
        if (stats.Pairs == 0)
        {
            return false;
        }

        // Mostly-ASCII UTF-16 has a zero in every pair on one side and (almost) none on the other.
        var high = _options.MinUtf16ZeroByteFraction * stats.Pairs;
        var low = 0.05 * stats.Pairs;
        if (stats.ZeroBytesAtOdd >= high && stats.ZeroBytesAtEven <= low)
        {
            return true;
        }

        if (stats.ZeroBytesAtEven >= high && stats.ZeroBytesAtOdd <= low)
        {
            encoding = EncodingNames.Utf16BigEndian;
            return true;
        }

        return false;
    }

    private DecodeResult DecodeUtf8WithBom(ReadOnlySpan<byte> body, ref char[]? rented, ref int length)
    {
        // The BOM is strong evidence of UTF-8: invalid bytes become U+FFFD rather than switching the whole file to windows-1252.
        var decoder = Utf8.IsValid(body) ? Encoding.UTF8 : Utf8Replacing;
        return CheckDecodedText(DecodeWith(decoder, body, ref rented, ref length), EncodingNames.Utf8, hadBom: true);
    }

    private static ReadOnlySpan<char> DecodeWith(Encoding decoder, ReadOnlySpan<byte> body, ref char[]? rented, ref int length)
    {
        rented = ArrayPool<char>.Shared.Rent(Math.Max(1, decoder.GetCharCount(body)));
        length = decoder.GetChars(body, rented);
        return rented.AsSpan(0, length);
    }

    private DecodeResult DecodeWide(ReadOnlySpan<byte> body, string encoding, bool hadBom, ref char[]? rented, ref int length)
    {
        // Odd trailing bytes and lone surrogates become U+FFFD (these encodings never throw).
        Encoding decoder = encoding switch
        {
            EncodingNames.Utf16LittleEndian => Utf16Le,
            EncodingNames.Utf16BigEndian => Utf16Be,
            EncodingNames.Utf32LittleEndian => Utf32Le,
            _ => Utf32Be,
        };
        return CheckDecodedText(DecodeWith(decoder, body, ref rented, ref length), encoding, hadBom);
    }

    /// <summary>Binary and undecodable checks for text decoded from a BOM or UTF-16 detection, where byte counts do not apply.</summary>
    private DecodeResult CheckDecodedText(ReadOnlySpan<char> text, string encoding, bool hadBom)
    {
        var span = text;
        var nuls = span.Count('\0');
        if (nuls > _options.MaxNulFraction * span.Length)
        {
            return DecodeResult.Rejected(
                RejectionReasons.Binary,
                $"{Count(nuls)} of {Count(span.Length)} characters decoded as {encoding} are NUL ({Percent(nuls, span.Length)}); this looks like binary data.",
                encoding, hadBom);
        }

        var replacements = span.Count('\uFFFD');
        if (replacements > _options.MaxReplacementCharacterFraction * span.Length)
        {
            return DecodeResult.Rejected(
                RejectionReasons.Undecodable,
                $"{Count(replacements)} of {Count(span.Length)} characters could not be decoded as {encoding} ({Percent(replacements, span.Length)}).",
                encoding, hadBom);
        }

        var sample = span[..Math.Min(span.Length, _options.SampleBytes)];
        // A vectorised search from one control to the next rather than a test per character.
        var controls = 0;
        var rest = sample;
        for (var at = rest.IndexOfAny(BinaryControls); at >= 0; at = rest.IndexOfAny(BinaryControls))
        {
            controls++;
            rest = rest[(at + 1)..];
        }

        if (controls > _options.MaxControlCharacterFraction * sample.Length)
        {
            return DecodeResult.Rejected(
                RejectionReasons.Binary,
                $"{Count(controls)} of {Count(sample.Length)} sampled characters are control characters ({Percent(controls, sample.Length)}); this looks like binary data.",
                encoding, hadBom);
        }

        return Finish(text, encoding, hadBom);
    }

    private DecodeResult Finish(ReadOnlySpan<char> text, string encoding, bool hadBom)
    {
        if (InvisibleText.IsInvisible(text))
        {
            var detail = text.Length == 0
                ? "The input contains only a byte order mark."
                : $"The input decodes to {Count(text.Length)} characters, all whitespace, control or invisible formatting characters.";
            return DecodeResult.Rejected(RejectionReasons.WhitespaceOnly, detail, encoding, hadBom);
        }

        // Whatever path decoded it: random bytes decode "successfully" to unassigned and private-use characters.
        NonTextCharacters.Measure(text, _options.SampleBytes, out var nonText, out var counted);
        if (nonText > _options.MaxNonTextCharacterFraction * counted)
        {
            return DecodeResult.Rejected(
                RejectionReasons.Binary,
                $"{Count(nonText)} of {Count(counted)} sampled characters decoded as {encoding} are unassigned, private-use, undecodable or control characters ({Percent(nonText, counted)}); this looks like binary data, not text.",
                encoding, hadBom);
        }

        return Success(encoding, hadBom); // the text is in the caller's buffer
    }

    /// <summary>The text-less success result for an encoding, one shared instance per encoding and BOM (records are immutable).</summary>
    private static DecodeResult Success(string encoding, bool hadBom)
    {
        var index = Array.IndexOf(Encodings, encoding);
        return index < 0 ? new DecodeResult(null, encoding, hadBom, null) : Successes[(index * 2) + (hadBom ? 1 : 0)];
    }

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Percent(long part, long whole) =>
        (100.0 * part / Math.Max(1, whole)).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
