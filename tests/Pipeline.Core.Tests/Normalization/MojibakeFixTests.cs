using Pipeline.Core.Normalization.Fixes;

namespace Pipeline.Core.Tests.Normalization;

public class MojibakeFixTests
{
    private static readonly MojibakeFix Fix = new();

    [Theory]
    [InlineData("Itâ€™s here", "It’s here")]
    [InlineData("cafÃ©", "café")]
    [InlineData("â€œQuotedâ€\u009D", "“Quoted”")]
    [InlineData("a â€” b", "a — b")]
    [InlineData("costs â‚¬5", "costs €5")]
    [InlineData("BrandÂ® and Â£5", "Brand® and £5")]
    [InlineData("MÃ¼nchen und KÃ¶ln", "München und Köln")]
    [InlineData("SÃ£o Paulo", "São Paulo")]
    [InlineData("Tiáº¿ng Viá»‡t", "Tiếng Việt")]
    [InlineData("ÐŸÑ€Ð¸Ð²ÐµÑ‚", "Привет")]
    [InlineData("Ð\u00A0ÑƒÑ\u0081Ñ\u0081ÐºÐ¸Ð¹", "Русский")]
    [InlineData("ä¸­æ–‡", "中文")]
    [InlineData("smile ðŸ˜€", "smile 😀")]
    [InlineData("ï»¿Title", "\uFEFFTitle")]
    public void Utf8_read_as_cp1252_is_repaired(string input, string expected)
    {
        Assert.Equal(expected, Fix.Apply(input, out var changes));
        Assert.Equal(input != expected, changes > 0);
    }

    [Fact]
    public void Utf8_read_as_latin1_with_c1_controls_is_repaired()
    {
        Assert.Equal("It’s", Fix.Apply("It\u00E2\u0080\u0099s", out var changes));
        Assert.Equal(1, changes);
    }

    [Fact]
    public void Right_quote_whose_last_byte_became_a_replacement_character_is_guessed()
    {
        Assert.Equal("“Hi” she said", Fix.Apply("â€œHiâ€\uFFFD she said", out _));
    }

    [Fact]
    public void Right_quote_whose_last_byte_was_dropped_is_guessed()
    {
        Assert.Equal("“Hi” she said", Fix.Apply("â€œHiâ€ she said", out _));
    }

    [Fact]
    public void Two_byte_sequence_ending_in_a_replacement_character_becomes_one_replacement_character()
    {
        Assert.Equal("Gr\uFFFDnd", Fix.Apply("GrÃ\uFFFDnd", out var changes));
        Assert.Equal(1, changes);
    }

    [Fact]
    public void Double_encoded_mojibake_is_repaired_in_several_passes()
    {
        Assert.Equal("It’s", Fix.Apply("ItÃ¢â‚¬â„¢s", out var changes));
        Assert.True(changes >= 2);
    }

    [Theory]
    [InlineData("Ångström")]
    [InlineData("naïve")]
    [InlineData("Schrödinger")]
    [InlineData("São Paulo")]
    [InlineData("¿Qué?")]
    [InlineData("£5")]
    [InlineData("© 2024")]
    [InlineData("Crème brûlée à la carte")]
    [InlineData("Gruß“ und Fuß”")]
    [InlineData("un café…” dit-il")]
    [InlineData("Zoë’s déjà vu")]
    [InlineData("ÀÉÎÕÜ are capitals")]
    [InlineData("Ölçü, İstanbul, Ağrı")]
    [InlineData("Ñandú — año")]
    [InlineData("ÆØÅ æøå")]
    public void Legitimate_text_is_left_alone(string input)
    {
        Assert.Same(input, Fix.Apply(input, out var changes));
        Assert.Equal(0, changes);
    }

    [Fact]
    public void Text_without_candidate_characters_is_returned_as_the_same_instance()
    {
        var text = "Plain English — with “curly” quotes.";
        Assert.Same(text, Fix.Apply(text, out var changes));
        Assert.Equal(0, changes);
    }
}
