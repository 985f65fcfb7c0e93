using Pipeline.Core.Normalization.Fixes;

namespace Pipeline.Core.Tests.Normalization;

public class HtmlEntitiesFixTests
{
    private static readonly HtmlEntitiesFix Fix = new();

    [Theory]
    [InlineData("Tom &amp; Jerry", "Tom & Jerry", 1)]
    [InlineData("caf&eacute; &copy; 2024", "café © 2024", 2)]
    [InlineData("it&#8217;s", "it’s", 1)]
    [InlineData("it&#x2019;s &#X2019;", "it’s ’", 2)]
    [InlineData("&lt;b&gt;", "<b>", 2)]
    [InlineData("&quot;hi&quot; &apos;x&apos;", "\"hi\" 'x'", 4)]
    [InlineData("a&nbsp;b", "a\u00A0b", 1)]
    [InlineData("&#128512;", "😀", 1)]
    [InlineData("&#150; dash", "– dash", 1)]
    [InlineData("&#0; &#xD800; &#x110000;", "\uFFFD \uFFFD \uFFFD", 3)]
    public void References_are_decoded_and_counted(string input, string expected, int count)
    {
        Assert.Equal(expected, Fix.Apply(input, out var changes));
        Assert.Equal(count, changes);
    }

    [Theory]
    [InlineData("AT&amp;amp;T", "AT&T", 2)]
    [InlineData("caf&amp;eacute;", "café", 2)]
    [InlineData("&amp;amp;amp;", "&", 3)]
    public void Double_encoded_references_are_decoded_all_the_way(string input, string expected, int count)
    {
        Assert.Equal(expected, Fix.Apply(input, out var changes));
        Assert.Equal(count, changes);
    }

    [Theory]
    [InlineData("AT&T and R&D")]
    [InlineData("Q&A; fish & chips")]
    [InlineData("&notanentity; &;")]
    [InlineData("&#; &#x; &#12a;")]
    [InlineData("a & b && c &")]
    [InlineData("&amp without semicolon")]
    public void Things_that_are_not_references_are_left_alone(string input)
    {
        Assert.Same(input, Fix.Apply(input, out var changes));
        Assert.Equal(0, changes);
    }
}
