using Pipeline.Core.Normalization.Fixes;

namespace Pipeline.Core.Tests.Normalization;

public class GluedSentencesFixTests
{
    private static readonly GluedSentencesFix Fix = new();

    [Theory]
    [InlineData("a country-wide ceasefire.It should", "a country-wide ceasefire. It should")]
    [InlineData("Syrian rebels.Belhadj, it seems", "Syrian rebels. Belhadj, it seems")]
    [InlineData("Really!Then we left", "Really! Then we left")]
    [InlineData("Why not?She asked", "Why not? She asked")]
    [InlineData("he said.”The next", "he said.” The next")]
    [InlineData("he said.\"The next", "he said.\" The next")]
    [InlineData("(see above.)Then", "(see above.) Then")]
    [InlineData("Mr.Smith arrived", "Mr. Smith arrived")]
    [InlineData("à bientôt.Élise vient", "à bientôt. Élise vient")]
    public void Glued_sentence_gets_a_space_after_the_mark(string input, string expected)
    {
        Assert.Equal(expected, Fix.Apply(input, out var changes));
        Assert.Equal(1, changes);
    }

    [Fact]
    public void Several_glued_sentences_are_all_fixed()
    {
        Assert.Equal("One end. Two ends. Three", Fix.Apply("One end.Two ends.Three", out var changes));
        Assert.Equal(2, changes);
    }

    [Theory]
    [InlineData("the U.S. and U.K. agreed")]
    [InlineData("the U.S.Army base")]
    [InlineData("e.g. this, i.e. that, e.g.The")]
    [InlineData("J.R.R. Tolkien and J.K.Rowling")]
    [InlineData("a Ph.D. thesis")]
    [InlineData("grew 3.5% to 1,000.25 units")]
    [InlineData("version 2.0.1 and v10.Beta")]
    [InlineData("see example.com or www.Example.org")]
    [InlineData("https://foo.Bar.com/X.Html now")]
    [InlineData("foo.Bar.com is a site")]
    [InlineData("mail john.Smith@Example.com today")]
    [InlineData("open README.Md first")]
    [InlineData("open index.Html first")]
    [InlineData("shop at Amazon.com and Booking.com")]
    [InlineData("Amazon.Com sells")]
    [InlineData("wait...Then")]
    [InlineData("A.B testing")]
    [InlineData("end. Start")]
    public void Things_that_are_not_glued_sentences_are_left_alone(string input)
    {
        Assert.Same(input, Fix.Apply(input, out var changes));
        Assert.Equal(0, changes);
    }

    [Theory]
    [InlineData("the mill shut in 1965.Its owners moved", "the mill shut in 1965. Its owners moved")]
    [InlineData("the vote is on June 9.Turnout is low", "the vote is on June 9. Turnout is low")]
    [InlineData("a crowd of 12,500.Police said", "a crowd of 12,500. Police said")]
    [InlineData("(page 42.Nobody read it", "(page 42. Nobody read it")]
    public void Glued_sentence_after_a_standalone_number_gets_a_space(string input, string expected)
    {
        Assert.Equal(expected, Fix.Apply(input, out var changes));
        Assert.Equal(1, changes);
    }

    [Theory]
    [InlineData("rates rose 3.5 points")]
    [InlineData("upgrade to v2.Beta now")]
    [InlineData("room No.5.Keys at desk")]
    [InlineData("see section 1.2.Overview")]
    [InlineData("meet at 10.30 sharp")]
    [InlineData("host 192.168.0.1 is down")]
    [InlineData("cost $40.Nobody paid")]
    [InlineData("score 7!Wow")]
    [InlineData("visit https://example.org/2021.Report today")]
    [InlineData("write to team2024.Lead@example.org")]
    public void Numbers_that_do_not_end_a_sentence_are_left_alone(string input)
    {
        Assert.Same(input, Fix.Apply(input, out var changes));
        Assert.Equal(0, changes);
    }
}
