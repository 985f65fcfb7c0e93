namespace Pipeline.Core.Decoding;

/// <summary>Recognises byte order marks.</summary>
internal static class ByteOrderMark
{
    /// <summary>
    /// The encoding a byte order mark announces and the mark's length, or <see langword="null"/> when there is none.
    /// <c>FF FE 00 00</c> is read as UTF-32 LE only when the length is a multiple of four; otherwise it is a UTF-16 LE
    /// mark followed by a NUL character.
    /// </summary>
    public static (string Encoding, int Length)? Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (EncodingNames.Utf8, 3);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]) && bytes.Length % 4 == 0)
        {
            return (EncodingNames.Utf32LittleEndian, 4);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return (EncodingNames.Utf32BigEndian, 4);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (EncodingNames.Utf16LittleEndian, 2);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (EncodingNames.Utf16BigEndian, 2);
        }

        return null;
    }
}
