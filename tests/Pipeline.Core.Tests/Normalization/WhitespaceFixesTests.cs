using Pipeline.Core.Normalization.Fixes;

namespace Pipeline.Core.Tests.Normalization;

public class WhitespaceFixesTests
{
    [Theory]
    [InlineData("a\r\nb", "a\nb", 1)]
    [InlineData("a\rb\rc", "a\nb\nc", 2)]
    [InlineData("a\u2028b", "a\nb", 1)]
    [InlineData("a\u2029b", "a\n\nb", 1)]
    [InlineData("a\u0085b\fc\vd", "a\nb\nc\nd", 3)]
    [InlineData("a\r\n\r\nb", "a\n\nb", 2)]
    public void Line_endings_become_line_feeds(string input, string expected, int count)
    {
        Assert.Equal(expected, new LineEndingsFix().Apply(input, out var changes));
        Assert.Equal(count, changes);
    }

    [Fact]
    public void Line_feeds_only_are_left_alone()
    {
        var text = "a\nb\n\nc";
        Assert.Same(text, new LineEndingsFix().Apply(text, out _));
    }

    [Theory]
    [InlineData("a\u00A0b", "a b", 1)]
    [InlineData("a\u2009b\u202Fc\u3000d\te\u205Ff\u2003g", "a b c d e f g", 6)]
    public void Odd_spaces_become_plain_spaces(string input, string expected, int count)
    {
        Assert.Equal(expected, new OddSpacesFix().Apply(input, out var changes));
        Assert.Equal(count, changes);
    }

    [Theory]
    [InlineData("a   b", "a b", 1)]
    [InlineData("line one   \n   line two", "line one\nline two", 1)]
    [InlineData("p1\n\n\n\n\np2", "p1\n\np2", 1)]
    [InlineData("p1\n \n \np2", "p1\n\np2", 1)]
    [InlineData("  \n lead and trail \n\n ", "lead and trail", 2)]
    [InlineData("a\t\tb", "a b", 1)]
    public void Whitespace_runs_are_collapsed(string input, string expected, int count)
    {
        Assert.Equal(expected, new WhitespaceFix().Apply(input, out var changes));
        Assert.Equal(count, changes);
    }

    [Fact]
    public void Whitespace_runs_are_collapsed_wherever_they_fall_in_a_long_line()
    {
        // Runs at every offset, so each lands in every lane of the vectorised search and on its block edges.
        for (var at = 1; at < 40; at++)
        {
            var words = new string('w', at) + "  \t x" + new string('y', 40) + " \n z";
            Assert.Equal(new string('w', at) + " x" + new string('y', 40) + "\nz", new WhitespaceFix().Apply(words, out var changes));
            Assert.Equal(2, changes);
        }
    }

    [Fact]
    public void Single_newlines_and_blank_lines_are_kept()
    {
        var text = "Title\nline two\n\nNext paragraph.";
        Assert.Same(text, new WhitespaceFix().Apply(text, out var changes));
        Assert.Equal(0, changes);
    }

    [Theory]
    [InlineData("a\u200Bb\u00ADc\uFEFFd\u2060e", "abcde", 4)]
    [InlineData("x\u0000y\u0007z\u001Bw\u007F", "xyzw", 4)]
    [InlineData("c1\u0080\u009F", "c1", 2)]
    [InlineData("\u202Eevil\u202C \u2066iso\u2069", "evil iso", 4)]
    public void Control_and_invisible_characters_are_removed(string input, string expected, int count)
    {
        Assert.Equal(expected, new ControlCharactersFix().Apply(input, out var changes));
        Assert.Equal(count, changes);
    }

    [Fact]
    public void Control_characters_after_many_non_ascii_letters_are_removed()
    {
        // Past the non-ASCII letters the search stops hopping character by character and searches the rest at once.
        var text = string.Concat(Enumerable.Repeat("жé", 40)) + "\u0007end\u200B";
        Assert.Equal(string.Concat(Enumerable.Repeat("жé", 40)) + "end", new ControlCharactersFix().Apply(text, out var changes));
        Assert.Equal(2, changes);
    }

    [Fact]
    public void Lone_surrogate_becomes_a_replacement_character()
    {
        var input = "lone " + (char)0xD800 + " surrogate";
        Assert.Equal("lone \uFFFD surrogate", new ControlCharactersFix().Apply(input, out var changes));
        Assert.Equal(1, changes);
    }

    [Theory]
    [InlineData("family 👨\u200D👩\u200D👧")]
    [InlineData("tab\tand\nnewline")]
    [InlineData("persian می\u200Cخواهم")]
    [InlineData("astral 😀 pair")]
    public void Meaningful_characters_are_kept(string input)
    {
        Assert.Same(input, new ControlCharactersFix().Apply(input, out var changes));
        Assert.Equal(0, changes);
    }

    [Fact]
    public void Decomposed_characters_are_composed()
    {
        Assert.Equal("café", new UnicodeNormalizationFix().Apply("cafe\u0301", out var changes));
        Assert.Equal(1, changes);
    }

    [Fact]
    public void Angstrom_sign_becomes_a_ring_and_is_counted()
    {
        Assert.Equal("\u00C5", new UnicodeNormalizationFix().Apply("\u212B", out var changes));
        Assert.Equal(1, changes);
    }

    [Theory]
    [InlineData("inter-\nnational law", "international law")]
    [InlineData("a well-\nknown fact", "a well-known fact")]
    [InlineData("state-of-\nthe-art", "state-of-the-art")]
    [InlineData("two re-\nports and co-\noperation", "two reports and cooperation")]
    public void Words_hyphenated_across_lines_are_joined(string input, string expected)
    {
        Assert.Equal(expected, new HyphenatedLineBreaksFix().Apply(input, out var changes));
        Assert.True(changes > 0);
    }

    [Theory]
    [InlineData("Paris -\nthe capital")]
    [InlineData("anti-\nAmerican")]
    [InlineData("list-\n\nnext paragraph")]
    [InlineData("COVID-\n19")]
    public void Line_end_hyphens_that_are_not_word_breaks_are_kept(string input)
    {
        Assert.Same(input, new HyphenatedLineBreaksFix().Apply(input, out _));
    }

    [Theory]
    [InlineData("the online magazine“New Eastern Outlook”", "the online magazine “New Eastern Outlook”")]
    [InlineData("called‘The Times’", "called ‘The Times’")]
    [InlineData("dit«Bonjour»", "dit «Bonjour»")]
    public void Opening_quote_glued_to_a_word_gets_a_space(string input, string expected)
    {
        Assert.Equal(expected, new SpaceBeforeOpeningQuoteFix().Apply(input, out var changes));
        Assert.Equal(1, changes);
    }

    [Theory]
    [InlineData("don’t say “no”")]
    [InlineData("sloppy don‘t")]
    [InlineData("Er sagte „Hallo“ und ging")]
    [InlineData("Er sagte „Hallo“Welt")]
    [InlineData("»Hej«, sagde han")]
    [InlineData("word“ ends")]
    public void Quotes_that_do_not_open_a_glued_quotation_are_left_alone(string input)
    {
        Assert.Same(input, new SpaceBeforeOpeningQuoteFix().Apply(input, out _));
    }
}
