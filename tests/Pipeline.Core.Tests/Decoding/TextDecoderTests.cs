using System.Diagnostics;
using System.Text;
using Pipeline.Core.Decoding;
using Pipeline.Core.Documents;

namespace Pipeline.Core.Tests.Decoding;

public class TextDecoderTests
{
    private static readonly TextDecoder Decoder = new();

    private static byte[] Bytes(params int[] values) => values.Select(v => (byte)v).ToArray();

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    [Fact]
    public void Plain_ascii_is_utf8_without_bom()
    {
        var result = Decoder.Decode("Hello, world."u8);
        Assert.Equal("Hello, world.", result.Text);
        Assert.Equal("utf-8", result.Encoding);
        Assert.False(result.HadBom);
        Assert.False(result.IsRejected);
    }

    [Fact]
    public void Valid_utf8_multibyte_text_is_decoded_as_utf8()
    {
        var result = Decoder.Decode(Encoding.UTF8.GetBytes("Schrödinger’s cat — 東京 😀"));
        Assert.Equal("Schrödinger’s cat — 東京 😀", result.Text);
        Assert.Equal("utf-8", result.Encoding);
    }

    [Fact]
    public void Utf8_bom_is_stripped_and_recorded()
    {
        var result = Decoder.Decode(Concat(Bytes(0xEF, 0xBB, 0xBF), Encoding.UTF8.GetBytes("Café")));
        Assert.Equal("Café", result.Text);
        Assert.Equal("utf-8", result.Encoding);
        Assert.True(result.HadBom);
    }

    [Fact]
    public void Utf16_le_bom_is_stripped_and_recorded()
    {
        var result = Decoder.Decode(Concat(Bytes(0xFF, 0xFE), Encoding.Unicode.GetBytes("Grüße")));
        Assert.Equal("Grüße", result.Text);
        Assert.Equal("utf-16le", result.Encoding);
        Assert.True(result.HadBom);
    }

    [Fact]
    public void Utf16_be_bom_is_stripped_and_recorded()
    {
        var result = Decoder.Decode(Concat(Bytes(0xFE, 0xFF), Encoding.BigEndianUnicode.GetBytes("Grüße")));
        Assert.Equal("Grüße", result.Text);
        Assert.Equal("utf-16be", result.Encoding);
        Assert.True(result.HadBom);
    }

    [Fact]
    public void Utf32_le_bom_is_stripped_and_recorded()
    {
        var result = Decoder.Decode(Concat(Bytes(0xFF, 0xFE, 0, 0), new UTF32Encoding(false, false).GetBytes("Ok 😀")));
        Assert.Equal("Ok 😀", result.Text);
        Assert.Equal("utf-32le", result.Encoding);
        Assert.True(result.HadBom);
    }

    [Fact]
    public void Utf32_be_bom_is_stripped_and_recorded()
    {
        var result = Decoder.Decode(Concat(Bytes(0, 0, 0xFE, 0xFF), new UTF32Encoding(true, false).GetBytes("Ok 😀")));
        Assert.Equal("Ok 😀", result.Text);
        Assert.Equal("utf-32be", result.Encoding);
        Assert.True(result.HadBom);
    }

    [Fact]
    public void Utf16_le_without_bom_is_detected_from_zero_bytes()
    {
        var result = Decoder.Decode(Encoding.Unicode.GetBytes("The quick brown fox jumps over the lazy dog."));
        Assert.Equal("The quick brown fox jumps over the lazy dog.", result.Text);
        Assert.Equal("utf-16le", result.Encoding);
        Assert.False(result.HadBom);
    }

    [Fact]
    public void Utf16_be_without_bom_is_detected_from_zero_bytes()
    {
        var result = Decoder.Decode(Encoding.BigEndianUnicode.GetBytes("Déjà vu, the quick brown fox."));
        Assert.Equal("Déjà vu, the quick brown fox.", result.Text);
        Assert.Equal("utf-16be", result.Encoding);
    }

    [Fact]
    public void Odd_length_utf16_ends_with_a_replacement_character()
    {
        var bytes = Concat(Bytes(0xFF, 0xFE), Encoding.Unicode.GetBytes("Hello there"), Bytes(0x41));
        var result = Decoder.Decode(bytes);
        Assert.Equal("Hello there\uFFFD", result.Text);
        Assert.Equal("utf-16le", result.Encoding);
    }

    [Fact]
    public void Lone_surrogate_in_utf16_becomes_a_replacement_character()
    {
        var bytes = Concat(Bytes(0xFF, 0xFE), Encoding.Unicode.GetBytes("Hello "), Bytes(0x00, 0xD8), Encoding.Unicode.GetBytes(" world, a longer text"));
        var result = Decoder.Decode(bytes);
        Assert.Equal("Hello \uFFFD world, a longer text", result.Text);
    }

    [Fact]
    public void Utf16_that_is_mostly_invalid_is_rejected_as_undecodable()
    {
        var units = Enumerable.Repeat(new byte[] { 0x00, 0xDC }, 20).SelectMany(b => b).ToArray();
        var result = Decoder.Decode(Concat(Bytes(0xFF, 0xFE), units, Encoding.Unicode.GetBytes("ab")));
        Assert.Equal(RejectionReasons.Undecodable, result.Rejection?.Reason);
        Assert.Equal("utf-16le", result.Encoding);
    }

    [Fact]
    public void Cp1252_curly_quotes_are_decoded()
    {
        var result = Decoder.Decode(Bytes(0x93, (byte)'H', (byte)'i', 0x94, (byte)' ', (byte)'s', (byte)'h', (byte)'e', (byte)' ', (byte)'s', (byte)'a', (byte)'i', (byte)'d'));
        Assert.Equal("“Hi” she said", result.Text);
        Assert.Equal("windows-1252", result.Encoding);
    }

    [Fact]
    public void Cp1252_euro_sign_is_decoded()
    {
        var result = Decoder.Decode(Concat(Encoding.ASCII.GetBytes("Price: "), Bytes(0x80), Encoding.ASCII.GetBytes("5")));
        Assert.Equal("Price: €5", result.Text);
        Assert.Equal("windows-1252", result.Encoding);
    }

    [Fact]
    public void Cp1252_e_acute_is_decoded()
    {
        var result = Decoder.Decode(Concat(Encoding.ASCII.GetBytes("caf"), Bytes(0xE9), Encoding.ASCII.GetBytes(" au lait")));
        Assert.Equal("café au lait", result.Text);
        Assert.Equal("windows-1252", result.Encoding);
    }

    [Fact]
    public void Cp1252_text_ending_in_a_lead_byte_is_not_treated_as_truncated_utf8()
    {
        var result = Decoder.Decode(Concat(Encoding.ASCII.GetBytes("un caf"), Bytes(0xE9)));
        Assert.Equal("un café", result.Text);
        Assert.Equal("windows-1252", result.Encoding);
    }

    [Fact]
    public void Cp1252_undefined_bytes_decode_to_c1_controls_like_whatwg()
    {
        var result = Decoder.Decode(Concat(Encoding.ASCII.GetBytes("abc def ghi "), Bytes(0x81)));
        Assert.Equal("abc def ghi \u0081", result.Text);
    }

    [Fact]
    public void Utf8_with_a_stray_cp1252_byte_keeps_its_utf8_and_decodes_the_stray_byte()
    {
        var bytes = Concat(Encoding.UTF8.GetBytes("Zoë said “yes” and "), Bytes(0x93), Encoding.ASCII.GetBytes("no"), Bytes(0x94));
        var result = Decoder.Decode(bytes);
        Assert.Equal("Zoë said “yes” and “no”", result.Text);
        Assert.Equal("utf-8", result.Encoding);
    }

    [Fact]
    public void Truncated_utf8_at_the_end_of_utf8_text_becomes_a_replacement_character()
    {
        var bytes = Concat(Encoding.UTF8.GetBytes("naïve text"), Bytes(0xE2, 0x80));
        var result = Decoder.Decode(bytes);
        Assert.Equal("naïve text\uFFFD", result.Text);
        Assert.Equal("utf-8", result.Encoding);
    }

    [Fact]
    public void Truncated_utf8_in_the_middle_is_read_as_cp1252()
    {
        var bytes = Concat(Encoding.ASCII.GetBytes("a "), Bytes(0xC3), Encoding.ASCII.GetBytes(" b"));
        var result = Decoder.Decode(bytes);
        Assert.Equal("a Ã b", result.Text);
        Assert.Equal("windows-1252", result.Encoding);
    }

    [Fact]
    public void Overlong_utf8_is_not_accepted_as_utf8()
    {
        // C0 AF is an overlong '/', a classic validation bypass; it must not become '/'.
        var result = Decoder.Decode(Concat(Encoding.ASCII.GetBytes("path "), Bytes(0xC0, 0xAF), Encoding.ASCII.GetBytes(" etc")));
        Assert.Equal("path À¯ etc", result.Text);
        Assert.DoesNotContain("/", result.Text!);
    }

    [Fact]
    public void Encoded_surrogate_in_utf8_is_not_accepted_as_utf8()
    {
        var result = Decoder.Decode(Concat(Encoding.ASCII.GetBytes("x "), Bytes(0xED, 0xA0, 0x80), Encoding.ASCII.GetBytes(" y and more text")));
        Assert.False(result.IsRejected);
        Assert.Equal("x í\u00A0€ y and more text", result.Text);
    }

    [Fact]
    public void Utf8_bom_with_invalid_bytes_keeps_utf8_and_replaces_them()
    {
        var bytes = Concat(Bytes(0xEF, 0xBB, 0xBF), Encoding.UTF8.GetBytes("Größe is a long enough word list"), Bytes(0xFF));
        var result = Decoder.Decode(bytes);
        Assert.Equal("Größe is a long enough word list\uFFFD", result.Text);
        Assert.Equal("utf-8", result.Encoding);
        Assert.True(result.HadBom);
    }

    [Fact]
    public void Empty_input_is_rejected_as_empty()
    {
        var result = Decoder.Decode([]);
        Assert.Equal(RejectionReasons.Empty, result.Rejection?.Reason);
        Assert.Null(result.Text);
    }

    [Fact]
    public void Bom_only_input_is_rejected_as_whitespace_only()
    {
        var result = Decoder.Decode(Bytes(0xEF, 0xBB, 0xBF));
        Assert.Equal(RejectionReasons.WhitespaceOnly, result.Rejection?.Reason);
        Assert.True(result.HadBom);
    }

    [Fact]
    public void Whitespace_and_invisible_characters_only_is_rejected_as_whitespace_only()
    {
        var result = Decoder.Decode(Encoding.UTF8.GetBytes(" \t\r\n\u00A0\u200B\u2060\uFEFF \u3000\n"));
        Assert.Equal(RejectionReasons.WhitespaceOnly, result.Rejection?.Reason);
        Assert.Contains("whitespace", result.Rejection!.Detail);
    }

    [Fact]
    public void Nul_laden_input_is_rejected_as_binary()
    {
        var bytes = Enumerable.Range(0, 4000).Select(i => i % 3 == 0 ? (byte)0 : (byte)'a').ToArray();
        var result = Decoder.Decode(bytes);
        Assert.Equal(RejectionReasons.Binary, result.Rejection?.Reason);
        Assert.Contains("NUL", result.Rejection!.Detail);
    }

    [Fact]
    public void Nul_bytes_after_a_long_text_header_are_still_found()
    {
        var bytes = Concat(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("plain text header ", 2000))), new byte[5000]);
        var result = Decoder.Decode(bytes);
        Assert.Equal(RejectionReasons.Binary, result.Rejection?.Reason);
    }

    [Fact]
    public void A_single_stray_nul_in_long_text_is_tolerated()
    {
        var text = string.Concat(Enumerable.Repeat("Some ordinary sentence. ", 100));
        var bytes = Concat(Encoding.ASCII.GetBytes(text), Bytes(0), Encoding.ASCII.GetBytes(text));
        Assert.False(Decoder.Decode(bytes).IsRejected);
    }

    [Fact]
    public void Control_character_heavy_input_is_rejected_as_binary_with_a_readable_detail()
    {
        var bytes = Enumerable.Range(0, 8192).Select(i => i % 2 == 0 ? (byte)0x01 : (byte)'x').ToArray();
        var result = Decoder.Decode(bytes);
        Assert.Equal(RejectionReasons.Binary, result.Rejection?.Reason);
        Assert.Equal("4,096 of 8,192 sampled bytes are control characters (50.0%); this looks like binary data.", result.Rejection!.Detail);
    }

    [Fact]
    public void Random_bytes_are_rejected()
    {
        var random = new Random(42);
        var bytes = new byte[50_000];
        random.NextBytes(bytes);
        var result = Decoder.Decode(bytes);
        Assert.True(result.IsRejected);
        Assert.Contains(result.Rejection!.Reason, new[] { RejectionReasons.Binary, RejectionReasons.Undecodable });
    }

    [Fact]
    public void Png_header_is_rejected_as_binary()
    {
        var png = Concat(Bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0));
        Assert.Equal(RejectionReasons.Binary, Decoder.Decode(png).Rejection?.Reason);
    }

    [Fact]
    public void Text_in_an_unsupported_legacy_encoding_is_rejected_as_undecodable()
    {
        // "Привет мир, это текст" in windows-1251: almost every byte is high and not valid UTF-8.
        var cp1251 = Bytes(0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2, 0x20, 0xEC, 0xE8, 0xF0, 0x2C, 0x20, 0xFD, 0xF2, 0xEE, 0x20, 0xF2, 0xE5, 0xEA, 0xF1, 0xF2);
        var result = Decoder.Decode(cp1251);
        Assert.Equal(RejectionReasons.Undecodable, result.Rejection?.Reason);
    }

    [Fact]
    public void Input_over_the_limit_is_rejected_before_decoding()
    {
        var decoder = new TextDecoder(new DecodingOptions { MaxInputBytes = 10 });
        var result = decoder.Decode(new byte[11]);
        Assert.Equal(RejectionReasons.TooLarge, result.Rejection?.Reason);
        Assert.Equal("The input is 11 bytes; the limit is 10 bytes.", result.Rejection!.Detail);
    }

    [Fact]
    public void Input_at_the_limit_is_accepted()
    {
        var decoder = new TextDecoder(new DecodingOptions { MaxInputBytes = 10 });
        Assert.False(decoder.Decode("0123456789"u8).IsRejected);
    }

    [Fact]
    public void Twenty_megabyte_single_line_decodes_when_the_limit_allows_it()
    {
        var bytes = new byte[20 * 1024 * 1024];
        bytes.AsSpan().Fill((byte)'a');
        var decoder = new TextDecoder(new DecodingOptions { MaxInputBytes = 32 * 1024 * 1024 });
        var result = decoder.Decode(bytes);
        Assert.Equal(bytes.Length, result.Text!.Length);
        Assert.Equal("utf-8", result.Encoding);
    }

    [Fact]
    public void Twenty_megabyte_input_is_rejected_as_too_large_by_default()
    {
        Assert.Equal(RejectionReasons.TooLarge, Decoder.Decode(new byte[20 * 1024 * 1024]).Rejection?.Reason);
    }

    [Fact]
    public void Options_out_of_range_are_refused()
    {
        Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(() => new TextDecoder(new DecodingOptions { MaxControlCharacterFraction = 2 }));
        Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(() => new TextDecoder(new DecodingOptions { MaxInputBytes = 0 }));
    }

    [Fact]
    public void Shared_corpus_article_decodes_as_utf8()
    {
        var result = Decoder.Decode(SharedCorpus.ReadBytes("scraped-news-article.txt"));
        Assert.Equal("utf-8", result.Encoding);
        Assert.False(result.IsRejected);
        Assert.Contains("’", result.Text);
    }
}

/// <summary>Text that decodes without error but is not text (random bytes behind a BOM) is rejected; real scripts pass.</summary>
public class NonTextRejectionTests
{
    private static readonly TextDecoder Decoder = new();

    private static byte[] RandomBytes(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_bytes_behind_a_utf16_le_bom_are_rejected_as_binary_with_the_share(int seed)
    {
        var result = Decoder.Decode([0xFF, 0xFE, .. RandomBytes(seed, 4096)]);

        Assert.True(result.IsRejected);
        Assert.Contains(result.Rejection!.Reason, new[] { RejectionReasons.Binary, RejectionReasons.Undecodable });
        Assert.Matches(@"\d+(\.\d)?%", result.Rejection.Detail);
    }

    [Fact]
    public void Random_bytes_behind_a_utf16_be_bom_are_rejected()
    {
        var result = Decoder.Decode([0xFE, 0xFF, .. RandomBytes(9, 4096)]);

        Assert.True(result.IsRejected);
    }

    [Fact]
    public void Text_made_of_private_use_characters_is_rejected_as_binary()
    {
        var text = string.Concat(Enumerable.Range(0, 500).Select(i => (char)(0xE000 + (i * 7 % 6000))));

        var result = Decoder.Decode(Encoding.UTF8.GetBytes(text));

        Assert.Equal(RejectionReasons.Binary, result.Rejection?.Reason);
        Assert.Contains("private-use", result.Rejection!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_body_behind_a_long_text_header_is_rejected()
    {
        var header = string.Concat(Enumerable.Repeat("A plain line of text at the top of the file.\n", 400));
        var body = string.Concat(Enumerable.Range(0, 40_000).Select(i => (char)(0xE000 + (i % 6000))));

        var result = Decoder.Decode(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(header + body)).ToArray());

        Assert.Equal(RejectionReasons.Binary, result.Rejection?.Reason);
    }

    [Theory]
    [InlineData("青石镇的新图书馆于周五上午正式向公众开放。这座三层建筑位于老火车站旁边，藏书约四万册。")]
    [InlineData("新しい図書館は金曜日の朝に開館し、初日から多くの家族連れでにぎわった。")]
    [InlineData("새 도서관은 금요일 아침 문을 열었고 첫날부터 많은 가족이 찾았다.")]
    [InlineData("افتتحت بلدية مدينة الواحة يوم الخميس سوقا أسبوعيا جديدا للمزارعين في الساحة القديمة.")]
    [InlineData("เทศบาลเมืองริมน้ำได้เปิดสะพานคนเดินแห่งใหม่ข้ามแม่น้ำสายหลักอย่างเป็นทางการ")]
    [InlineData("Harbour Day was a blast 🎉🎉 the kids' boat race 🚣‍♀️🚣‍♂️ had a record ☀️❤️⚓🌊 🧥🔑🐰📅")]
    [InlineData("Новая библиотека открылась в пятницу утром, и уже в первый день там было много посетителей.")]
    public void Real_text_in_any_script_passes_in_utf8_and_utf16(string text)
    {
        var utf8 = Decoder.Decode(Encoding.UTF8.GetBytes(text));
        var utf16 = Decoder.Decode(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray());

        Assert.Equal(text, utf8.Text);
        Assert.Equal(text, utf16.Text);
    }
}
