namespace Pipeline.Core.Decoding;

/// <summary>
/// The windows-1252 code page, as the WHATWG Encoding Standard decodes it: bytes 0x80-0x9F through a table,
/// the five undefined ones (0x81, 0x8D, 0x8F, 0x90, 0x9D) to the C1 control of the same value, everything else as Latin-1.
/// Implemented here so that the core needs no code-pages provider.
/// </summary>
internal static class Windows1252
{
    private static readonly char[] High = // 0x80-0x9F
    [
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    ];

    /// <summary>The character a byte decodes to.</summary>
    public static char ToChar(byte b) => b is >= 0x80 and <= 0x9F ? High[b - 0x80] : (char)b;

    /// <summary>
    /// The byte a character came from when text was decoded as windows-1252 or as Latin-1 (both are accepted, so that the
    /// C1 controls Latin-1 produces map back too), or -1 when the character is in neither.
    /// </summary>
    public static int ToByte(char c)
    {
        if (c <= '\u00FF')
        {
            return c;
        }

        return c switch
        {
            '\u20AC' => 0x80, '\u201A' => 0x82, '\u0192' => 0x83, '\u201E' => 0x84, '\u2026' => 0x85, '\u2020' => 0x86,
            '\u2021' => 0x87, '\u02C6' => 0x88, '\u2030' => 0x89, '\u0160' => 0x8A, '\u2039' => 0x8B, '\u0152' => 0x8C,
            '\u017D' => 0x8E, '\u2018' => 0x91, '\u2019' => 0x92, '\u201C' => 0x93, '\u201D' => 0x94, '\u2022' => 0x95,
            '\u2013' => 0x96, '\u2014' => 0x97, '\u02DC' => 0x98, '\u2122' => 0x99, '\u0161' => 0x9A, '\u203A' => 0x9B,
            '\u0153' => 0x9C, '\u017E' => 0x9E, '\u0178' => 0x9F,
            _ => -1,
        };
    }

    /// <summary>Decodes bytes one to one into characters.</summary>
    public static void Decode(ReadOnlySpan<byte> bytes, Span<char> destination)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            destination[i] = ToChar(bytes[i]);
        }
    }
}
