using System.Text;
using Pipeline.Core.Decoding;
using Pipeline.Core.Normalization;

namespace Pipeline.Core.Tests.Normalization;

public class TextNormalizerTests
{
    private static readonly TextNormalizer Normalizer = new();

    public static TheoryData<string> VariedSamples() => new()
    {
        "Plain text.",
        "  Itâ€™s a  cafÃ©\r\nwith &amp;amp; and&nbsp;more\u200B.\r\n\r\n\r\nNext.It works!  ",
        "the online magazine“New Eastern Outlook” said.”The rest",
        "inter-\nnational and well-\nknown; \u2028 &#8220;quoted&#8221;",
        "e.g. U.S. 3.5 www.Example.org john.Smith@Example.com Amazon.com",
        "ItÃ¢â‚¬â„¢s double\tencoded\u00A0text\u0085next line",
        "cafe\u0301 \uFEFF\u202Ebidi\u202C \u3000 end.The end",
        "&lt;p&gt;R&D and AT&T&lt;/p&gt;",
        "Gruß“ und „Hallo“Welt — naïve Ångström",
        "\n\n\nonly\n\n\n\nparagraphs\n\n\n",
    };

    [Theory]
    [MemberData(nameof(VariedSamples))]
    public void Normalising_twice_changes_nothing_the_second_time(string sample)
    {
        var once = Normalizer.Normalize(sample);
        var twice = Normalizer.Normalize(once.Text);
        Assert.Equal(once.Text, twice.Text);
        Assert.Empty(twice.Fixes);
    }

    [Fact]
    public void Fixes_are_counted_by_name_and_only_when_they_changed_something()
    {
        var result = Normalizer.Normalize("Tom &amp; Jerry  said.It works");
        Assert.Equal("Tom & Jerry said. It works", result.Text);
        Assert.Equal(1, result.Fixes["htmlEntities"]);
        Assert.Equal(1, result.Fixes["whitespace"]);
        Assert.Equal(1, result.Fixes["gluedSentences"]);
        Assert.Equal(3, result.Fixes.Count);
    }

    [Fact]
    public void Clean_text_comes_back_as_the_same_instance_with_no_fixes()
    {
        var text = "A clean paragraph with “curly quotes” — and dashes.\n\nAnother one, café included.";
        var result = Normalizer.Normalize(text);
        Assert.Same(text, result.Text);
        Assert.Empty(result.Fixes);
    }

    [Fact]
    public void Entity_encoded_mojibake_is_decoded_then_repaired()
    {
        Assert.Equal("It’s", Normalizer.Normalize("It&acirc;&euro;&trade;s").Text);
    }

    [Fact]
    public void Mojibake_of_a_line_separator_becomes_a_line_feed()
    {
        Assert.Equal("a\nb", Normalizer.Normalize("a\u00E2\u0080\u00A8b").Text);
    }

    [Fact]
    public void Mojibake_of_a_no_break_space_becomes_a_plain_space()
    {
        Assert.Equal("10 km", Normalizer.Normalize("10Â\u00A0km").Text);
    }

    [Fact]
    public void Disabled_fixes_do_not_run()
    {
        var normalizer = new TextNormalizer(new NormalizationOptions { GluedSentences = false, HtmlEntities = false });
        Assert.Equal("end.Next &amp;", normalizer.Normalize("end.Next &amp;").Text);
    }

    [Fact]
    public void Custom_fix_lists_run_in_the_given_order()
    {
        var normalizer = new TextNormalizer([new Pipeline.Core.Normalization.Fixes.WhitespaceFix()]);
        var result = normalizer.Normalize("a  b&amp;");
        Assert.Equal("a b&amp;", result.Text);
        Assert.Equal(["whitespace"], result.Fixes.Keys);
    }

    [Fact]
    public void Default_fix_order_is_documented_order()
    {
        var names = TextNormalizer.DefaultFixes(new NormalizationOptions()).Select(f => f.Name);
        Assert.Equal(
            ["htmlEntities", "mojibake", "lineEndings", "controlCharacters", "unicodeNormalization", "oddSpaces", "whitespace",
             "hyphenatedLineBreaks", "gluedSentences", "spaceBeforeOpeningQuote"],
            names);
    }

    [Fact]
    public void Options_out_of_range_are_refused()
    {
        Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(() => new TextNormalizer(new NormalizationOptions { MaxMojibakePasses = 0 }));
    }

    [Fact]
    public void Shared_corpus_article_gets_its_glued_sentences_and_quote_fixed()
    {
        var text = new TextDecoder().Decode(SharedCorpus.ReadBytes("scraped-news-article.txt")).Text!;
        var result = Normalizer.Normalize(text);
        Assert.Equal(2, result.Fixes["gluedSentences"]);
        Assert.Equal(2, result.Fixes["spaceBeforeOpeningQuote"]);
        Assert.DoesNotContain("magazine“", result.Text);
        Assert.Empty(Normalizer.Normalize(result.Text).Fixes);
    }

    [Fact]
    public void Large_single_line_is_normalised()
    {
        var text = new StringBuilder().Insert(0, "word word.Word ", 100_000).ToString();
        var result = Normalizer.Normalize(text);
        Assert.Equal(100_000, result.Fixes["gluedSentences"]);
    }

    [Fact]
    public void Custom_fix_between_built_in_fixes_sees_what_the_earlier_ones_made_and_feeds_the_later_ones()
    {
        var normalizer = new TextNormalizer(
            [new Pipeline.Core.Normalization.Fixes.HtmlEntitiesFix(), new UpperCaseFix(),
             new Pipeline.Core.Normalization.Fixes.WhitespaceFix(), new Pipeline.Core.Normalization.Fixes.GluedSentencesFix()]);
        var result = normalizer.Normalize("caf&eacute;  ok.next");
        Assert.Equal("CAFÉ OK.NEXT", result.Text);
        Assert.Equal(1, result.Fixes["htmlEntities"]);
        Assert.Equal(1, result.Fixes["upperCase"]);
        Assert.Equal(1, result.Fixes["whitespace"]);
        Assert.False(result.Fixes.ContainsKey("gluedSentences"));
    }

    [Fact]
    public void Several_fixes_in_a_row_each_see_the_previous_result()
    {
        var result = Normalizer.Normalize("  caf&eacute;\r\n\r\n\r\nend.Next\u00A0\u00A0word  ");
        Assert.Equal("café\n\nend. Next word", result.Text);
        Assert.Equal(
            ["gluedSentences", "htmlEntities", "lineEndings", "oddSpaces", "whitespace"],
            result.Fixes.Keys.Order(StringComparer.Ordinal));
    }

    private sealed class UpperCaseFix : ITextFix
    {
        public string Name => "upperCase";

        public string Apply(string text, out int changes)
        {
            var upper = text.ToUpperInvariant();
            changes = upper == text ? 0 : 1;
            return changes == 0 ? text : upper;
        }
    }
}
