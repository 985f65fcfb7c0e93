using Pipeline.Core.Documents;
using Pipeline.Core.Metadata.Citations;

namespace Pipeline.Core.Tests.Metadata.Citations;

public sealed class CitationExtractorTests
{
    private static IReadOnlyList<Citation> Cite(string text) => CitationExtractor.Extract(TestTexts.Build(text));

    [Fact]
    public void Outlet_reported_in_its_article() =>
        Assert.Equal([new Citation("Reuters", "Markets slide as rates rise")], Cite("Reuters reported in its article \"Markets slide as rates rise\" that trading was thin."));

    [Fact]
    public void Curly_quotes_and_qualified_outlet_name() =>
        Assert.Equal([new Citation("The New York Times", "A quiet harbour town")], Cite("The venerable New York Times wrote in an article “A quiet harbour town” that fishing had ended."));

    [Fact]
    public void According_to_an_article_titled() =>
        Assert.Equal([new Citation("BBC", "Floods hit the valley")], Cite("According to an article in the BBC titled \"Floods hit the valley\", rain continued."));

    [Fact]
    public void In_an_outlet_article_headlined() =>
        Assert.Equal([new Citation("CNN", "Bridge reopens")], Cite("In a CNN article headlined \"Bridge reopens,\" officials were quoted."));

    [Fact]
    public void Possessive_outlet_article() =>
        Assert.Equal([new Citation("Al Jazeera", "Talks stall again")], Cite("Al Jazeera's article \"Talks stall again\" gave details."));

    [Fact]
    public void French_citation_with_guillemets() =>
        Assert.Equal([new Citation("Le Monde", "La réforme adoptée")], Cite("Le Monde a écrit dans son article « La réforme adoptée » que le vote était serré."));

    [Fact]
    public void German_citation() =>
        Assert.Equal([new Citation("Der Spiegel", "Die Wende im Süden")], Cite("Der Spiegel schrieb in seinem Artikel „Die Wende im Süden“, dass alles anders kam."));

    [Fact]
    public void Spanish_citation() =>
        Assert.Equal([new Citation("El País", "El fin de la crisis")], Cite("Según un artículo de El País titulado «El fin de la crisis», la economía crece."));

    [Fact]
    public void Plain_quotation_is_not_a_citation() => Assert.Empty(Cite("The minister said \"we will win\" and left."));
}
