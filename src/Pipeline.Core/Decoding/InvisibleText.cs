using System.Buffers;

namespace Pipeline.Core.Decoding;

/// <summary>Decides whether decoded text has anything visible in it.</summary>
internal static class InvisibleText
{
    // Whitespace, C0/C1 controls, zero-width and bidi formatting characters, soft hyphen, BOM.
    private static readonly SearchValues<char> Invisible = SearchValues.Create(Build());

    public static bool IsInvisible(ReadOnlySpan<char> text) => !text.ContainsAnyExcept(Invisible);

    private static string Build()
    {
        var chars = new List<char>();
        for (var c = 0; c <= 0x9F; c++)
        {
            if (c < 0x21 || c >= 0x7F)
            {
                chars.Add((char)c);
            }
        }

        for (var c = 0x2000; c <= 0x200F; c++) { chars.Add((char)c); }
        for (var c = 0x2028; c <= 0x202F; c++) { chars.Add((char)c); }
        for (var c = 0x205F; c <= 0x206F; c++) { chars.Add((char)c); }
        chars.AddRange(['\u00A0', '\u00AD', '\u1680', '\u180E', '\u3000', '\uFEFF']);
        return new string(chars.ToArray());
    }
}
