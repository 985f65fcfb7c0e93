using Pipeline.Core.Structure;

namespace Pipeline.Core.Tests.Structure;

public sealed class BoilerplateTests
{
    private const string Body1 = "The council met on Tuesday evening to discuss the new budget for the coming year.";
    private const string Body2 = "Several members objected to the cuts proposed for the public library and the parks.";

    [Theory]
    [InlineData("Share this article")]
    [InlineData("Share on Facebook")]
    [InlineData("SHARE")]
    [InlineData("Facebook Twitter Email")]
    [InlineData("Tweet")]
    [InlineData("Subscribe")]
    [InlineData("Sign up for our newsletter")]
    [InlineData("Sign up for our daily newsletter to get the top stories in your inbox.")]
    [InlineData("Follow us on Twitter")]
    [InlineData("Advertisement")]
    [InlineData("Story continues below advertisement")]
    [InlineData("Read more:")]
    [InlineData("Read More")]
    [InlineData("Read more: How the council spends its money each year")]
    [InlineData("Continue reading")]
    [InlineData("We use cookies to give you the best experience on our website. By continuing you accept our cookie policy.")]
    [InlineData("Click here to download the full report")]
    [InlineData("© 2015 Example News. All rights reserved.")]
    [InlineData("Copyright 2020 Example Media")]
    [InlineData("Related Articles")]
    [InlineData("Print this article")]
    [InlineData("Comments")]
    [InlineData("12 Comments")]
    [InlineData("Leave a comment")]
    [InlineData("Tags: budget, council, library")]
    [InlineData("Compartir en Facebook Compartir en Twitter")]
    [InlineData("Auf Facebook teilen")]
    [InlineData("Share Close extra sharing options")]
    [InlineData("Icon Facebook Icon Twitter Icon LinkedIn Icon Google Plus Icon WhatsApp Icon Email")]
    [InlineData("Ver comentarios")]
    [InlineData("More articles from Jane Roe")]
    [InlineData("harbour-bridge_2014.JPG")]
    [InlineData("(BUTTON) INGRESAR")]
    [InlineData("Iniciar sesión")]
    [InlineData("Nos siga no Google Notícias")]
    [InlineData("Folgen Sie uns auf Instagram")]
    [InlineData("Filed under bill clinton, warner bros.")]
    [InlineData("Thank you for visiting example.com. You are using a browser version with limited support for CSS.")]
    [InlineData("Verpasse keine News zu Hardware & Gadgets")]
    [InlineData("Get breaking space news and the latest updates on rocket launches!")]
    [InlineData("Benachrichtigung aktivieren Dürfen wir Sie in Ihrem Browser über die wichtigsten Nachrichten informieren?")]
    [InlineData("5 Kommentare")]
    [InlineData("1 interakcji dołącz do dyskusji")]
    public void Boilerplate_line_is_removed_and_counted(string line)
    {
        var result = new DocumentStructurer().Structure($"{Body1}\n{line}\n{Body2}");
        Assert.Equal([Body1, Body2], result.Blocks.Select(b => b.Text));
        Assert.Equal(1, result.Removed["boilerplateLines"]);
    }

    [Theory]
    [InlineData("Share prices fell sharply on Monday after the company reported a loss for the quarter.")]
    [InlineData("Residents were asked to share their views on the plan before the end of the month.")]
    [InlineData("Share prices fell")]
    [InlineData("Comments from residents were overwhelmingly in favour of keeping the library open.")]
    [InlineData("Read more books, the librarian told the children, and you will never be bored.")]
    [InlineData("Filed under the wrong name, the application was lost for years before the council found it again in the archive.")]
    [InlineData("12 residents wrote to the council with their comments")]
    [InlineData("No.")]
    [InlineData("More")]
    [InlineData("Microsoft said the outdated browser is not supported on new computers from next month.")]
    [InlineData("The app will allow notifications to be sent to every resident when the ferry is cancelled.")]
    public void Real_paragraph_containing_boilerplate_words_is_kept(string line)
    {
        var result = new DocumentStructurer().Structure($"{Body1}\n{line}\n{Body2}");
        Assert.Contains(line, result.Blocks.Select(b => b.Text));
        Assert.Equal(0, result.Removed["boilerplateLines"]);
    }

    [Fact]
    public void Additional_rule_from_options_applies()
    {
        var options = new StructureOptions();
        options.AdditionalBoilerplateRules.Add(BoilerplateRule.Phrases("donate", "support our journalism"));
        var result = new DocumentStructurer(options).Structure($"{Body1}\nSupport our journalism!\n{Body2}");
        Assert.Equal(1, result.Removed["boilerplateLines"]);
        Assert.Equal(2, result.Blocks.Count);
    }

    [Fact]
    public void Default_rules_can_be_turned_off()
    {
        var options = new StructureOptions { UseDefaultBoilerplateRules = false };
        var result = new DocumentStructurer(options).Structure($"{Body1}\nAdvertisement\n{Body2}");
        Assert.Equal(3, result.Blocks.Count);
    }
}
