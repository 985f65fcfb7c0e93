using Pipeline.Core.Structure;

namespace Pipeline.Core.Tests.Structure;

public sealed class DatedTeaserListTests
{
    private const string Menu = "Home\nPolitics\nBusiness\nSport\nCulture\nWeather\nContact\n\n";

    private static readonly string[] Article =
    [
        "The city council voted on Tuesday evening to close two of its five public libraries by the end of the year, after a long and heated debate about the budget for the coming years and the cuts it requires.",
        "Several members of the council said that they had received hundreds of letters from residents who asked them to keep the libraries open, and that the decision had been the hardest of their time in office.",
        "The mayor said that the savings would be used to keep the remaining libraries open for longer hours, and that the books and the staff of the two closed branches would move to the central library in the spring.",
    ];

    private static string Page(params string[] teasers) =>
        Menu + "Related\n\n" + string.Join("\n\n", teasers) + "\n\n" + string.Join("\n\n", Article) + "\n\nImprint\nPrivacy\nTerms\nCookies\n";

    [Theory]
    [InlineData("08/01/2014", "07/01/2014")]
    [InlineData("08.01.14", "07.01.14")]
    [InlineData("2014-01-08", "2014-01-07")]
    public void List_of_other_articles_each_led_by_its_date_is_removed(string first, string second)
    {
        string[] teasers =
        [
            $"{first} The mayor says the library closures are the only way to balance the budget of the city",
            $"{first} Parents start to collect signatures for a referendum on the closures of the libraries",
            $"{second} The council will decide on the future of the two libraries in the east of the city",
            $"{second} The central library is to open on Sundays from next spring, the mayor announces",
        ];

        var text = new DocumentStructurer().Structure(Page(teasers)).ToCleanText();

        Assert.All(teasers, teaser => Assert.DoesNotContain(teaser, text, StringComparison.Ordinal));
        Assert.All(Article, paragraph => Assert.Contains(paragraph, text, StringComparison.Ordinal));
    }

    [Fact]
    public void Paragraphs_that_start_with_a_date_are_kept()
    {
        string[] dated =
        [
            "08/01/2014 was the day the council first discussed the closures, in a meeting that went on until after midnight and ended without a vote on the budget.",
            "09/01/2014 brought the first protest in front of the town hall, where several hundred residents asked the council to find the savings somewhere else in the budget.",
        ];

        var text = new DocumentStructurer().Structure(Page(dated)).ToCleanText();

        Assert.All(dated, paragraph => Assert.Contains(paragraph, text, StringComparison.Ordinal));
    }
}
