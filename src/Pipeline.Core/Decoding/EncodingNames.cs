namespace Pipeline.Core.Decoding;

/// <summary>The encoding names recorded in <see cref="DecodeResult.Encoding"/>.</summary>
public static class EncodingNames
{
    /// <summary>UTF-8 (with or without a BOM; see <see cref="DecodeResult.HadBom"/>).</summary>
    public const string Utf8 = "utf-8";

    /// <summary>UTF-16, little-endian.</summary>
    public const string Utf16LittleEndian = "utf-16le";

    /// <summary>UTF-16, big-endian.</summary>
    public const string Utf16BigEndian = "utf-16be";

    /// <summary>UTF-32, little-endian.</summary>
    public const string Utf32LittleEndian = "utf-32le";

    /// <summary>UTF-32, big-endian.</summary>
    public const string Utf32BigEndian = "utf-32be";

    /// <summary>Windows code page 1252 (a superset of ISO-8859-1 for printable characters).</summary>
    public const string Windows1252 = "windows-1252";
}
