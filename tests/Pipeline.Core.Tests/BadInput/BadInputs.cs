using System.Text;

namespace Pipeline.Core.Tests.BadInput;

/// <summary>
/// Generates the hostile and malformed inputs of <see cref="BadInputTests"/>. Every generator is deterministic
/// (seeded randomness only) so a failing case can be reproduced from its name.
/// </summary>
internal static class BadInputs
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>A few sentences of ordinary prose, written for these tests.</summary>
    public const string Prose =
        "The harbour council met on Tuesday to discuss the new ferry timetable. " +
        "Residents asked for an earlier morning crossing and a later evening return. " +
        "The council said it would publish a revised plan before the end of the month.";

    /// <summary>UTF-8 bytes of <paramref name="text"/>, without a BOM.</summary>
    public static byte[] Bytes(string text) => Utf8.GetBytes(text);

    /// <summary>Concatenates byte arrays.</summary>
    public static byte[] Concat(params byte[][] parts)
    {
        var result = new byte[parts.Sum(p => p.Length)];
        var at = 0;
        foreach (var part in parts)
        {
            part.CopyTo(result, at);
            at += part.Length;
        }

        return result;
    }

    /// <summary>Seeded pseudo-random bytes.</summary>
    public static byte[] Random(int length, int seed = 7)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary><paramref name="unit"/> repeated until the text is at least <paramref name="length"/> characters.</summary>
    public static string Repeat(string unit, int length)
    {
        var builder = new StringBuilder(length + unit.Length);
        while (builder.Length < length)
        {
            builder.Append(unit);
        }

        return builder.ToString();
    }

    /// <summary><paramref name="count"/> copies of <paramref name="unit"/>.</summary>
    public static string Times(string unit, int count) => new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();

    /// <summary>Prose with <paramref name="inserted"/> placed after every <paramref name="every"/> characters.</summary>
    public static string Sprinkle(string text, string inserted, int every)
    {
        var builder = new StringBuilder(text.Length * 2);
        for (var i = 0; i < text.Length; i++)
        {
            builder.Append(text[i]);
            if (i % every == every - 1)
            {
                builder.Append(inserted);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Text encoded as UTF-8, then misread as windows-1252 and re-encoded as UTF-8, <paramref name="depth"/> times:
    /// the mojibake of a file that went through several broken pipelines.
    /// </summary>
    public static string Mojibake(string text, int depth)
    {
        var cp1252 = new Windows1252Encoding();
        for (var i = 0; i < depth; i++)
        {
            text = cp1252.GetString(Utf8.GetBytes(text));
        }

        return text;
    }

    // .NET ships windows-1252 only through the code-pages provider package; decoding is all the mojibake needs.
    private sealed class Windows1252Encoding : Encoding
    {
        private static readonly char[] High =
        [
            '€', '\u0081', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u008D', 'Ž', '\u008F',
            '\u0090', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u009D', 'ž', 'Ÿ',
        ];

        public override int GetByteCount(char[] chars, int index, int count) => throw new NotSupportedException();

        public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) => throw new NotSupportedException();

        public override int GetCharCount(byte[] bytes, int index, int count) => count;

        public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex)
        {
            for (var i = 0; i < byteCount; i++)
            {
                var b = bytes[byteIndex + i];
                chars[charIndex + i] = b is >= 0x80 and <= 0x9F ? High[b - 0x80] : (char)b;
            }

            return byteCount;
        }

        public override int GetMaxByteCount(int charCount) => charCount;

        public override int GetMaxCharCount(int byteCount) => byteCount;
    }
}
