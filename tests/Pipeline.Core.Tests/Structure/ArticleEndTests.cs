using Pipeline.Core.Structure;
using Pipeline.Core.Structure.Boilerplate;

namespace Pipeline.Core.Tests.Structure;

public sealed class ArticleEndTests
{
    private const string Menu = "Home\nPolitics\nBusiness\nSport\nCulture\nWeather\nContact\n\n";

    private static readonly string[] Article =
    [
        "The city council voted on Tuesday evening to close two of its five public libraries by the end of the year, after a long and heated debate about the budget for the coming years and the cuts it requires.",
        "Several members of the council said that they had received hundreds of letters from residents who asked them to keep the libraries open, and that the decision had been the hardest of their time in office.",
        "The mayor said that the savings would be used to keep the remaining libraries open for longer hours, and that the books and the staff of the two closed branches would move to the central library in the spring.",
        "A group of parents has already announced that it will collect signatures for a referendum on the closures, which would have to be held within six months if enough residents of the city sign the petition.",
    ];

    private static readonly string[] Teasers =
    [
        "Storm closes the harbour road for a week",
        "The road along the harbour will stay closed until next Monday while the damage done by the storm is repaired by the city.",
        "New bus line connects the two hospitals",
        "From March a new bus line will run every ten minutes between the two hospitals of the city and the main station.",
    ];

    private static StructuredText Structure(string text) => new DocumentStructurer().Structure(text);

    private static string Page(string endHeading) =>
        Menu + string.Join("\n\n", Article) + "\n\n" + endHeading + "\n\n" + string.Join("\n\n", Teasers) + "\n\nImprint\nPrivacy\nTerms\nCookies\n";

    [Theory]
    [InlineData("Related stories")]
    [InlineData("Lesen Sie auch")]
    [InlineData("À lire aussi")]
    [InlineData("Lo más leído")]
    [InlineData("More from The Daily Example")]
    [InlineData("Die meistgelesenen Artikel bei Beispiel.de")]
    [InlineData("관련기사")]
    public void Teasers_below_an_article_end_heading_are_removed_as_outside_main_content(string heading)
    {
        var result = Structure(Page(heading));

        var text = result.ToCleanText();
        Assert.All(Article, paragraph => Assert.Contains(paragraph, text, StringComparison.Ordinal));
        Assert.All(Teasers, teaser => Assert.DoesNotContain(teaser, text, StringComparison.Ordinal));
        Assert.True(result.Removed.GetValueOrDefault(DocumentStructurer.OutsideMainContentKey) >= Teasers.Length);
    }

    [Fact]
    public void Box_heading_followed_by_the_article_going_on_does_not_cut_it()
    {
        const string longParagraph =
            "The referendum would be the first in the city for more than twenty years. The last one, held in the spring of 2003, was about the " +
            "new tram line, which the residents approved by a large majority after a campaign that lasted for most of the winter and divided the " +
            "city council along the same lines as the vote on the libraries did this week, with the two largest groups on opposite sides.";
        var text = Menu + string.Join("\n\n", Article) + "\n\nSee also\n\nStorm closes the harbour road for a week\n\n" + longParagraph + "\n\nImprint\nPrivacy\nTerms\nCookies\n";

        var clean = Structure(text).ToCleanText();

        Assert.Contains(longParagraph, clean, StringComparison.Ordinal);
    }

    [Fact]
    public void Article_end_heading_near_the_top_of_the_article_cuts_nothing()
    {
        var text = Menu + Article[0] + "\n\nRelated stories\n\n" + string.Join("\n\n", Article.Skip(1)) + "\n\nImprint\nPrivacy\nTerms\nCookies\n";

        var clean = Structure(text).ToCleanText();

        Assert.All(Article, paragraph => Assert.Contains(paragraph, clean, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Related Stories")]
    [InlineData("You might also like")]
    [InlineData("Das könnte Sie auch interessieren:")]
    [InlineData("Über den Autor/ die Autorin")]
    [InlineData("Sur le même sujet")]
    [InlineData("Читайте также")]
    [InlineData("Najczęściej czytane")]
    [InlineData("More Great WIRED Stories")]
    public void Article_end_headings_are_recognised_in_any_case_and_punctuation(string line)
    {
        Assert.True(ArticleEndMarkers.Matches(line));
    }

    [Theory]
    [InlineData("Related to the budget, the mayor said the libraries would stay open for longer.")]
    [InlineData("More than a hundred residents came to the meeting")]
    [InlineData("The most read book of the year")]
    public void Headlines_and_sentences_that_merely_start_alike_are_not_article_end_headings(string line)
    {
        Assert.False(ArticleEndMarkers.Matches(line));
    }
}
