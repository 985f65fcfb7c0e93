using Pipeline.Core.Metadata;
using Pipeline.Core.Metadata.Citations;

namespace Pipeline.Core.Tests.Metadata;

public sealed class LinkAndLanguageTests
{
    [Fact]
    public void Urls_lose_trailing_punctuation() =>
        Assert.Equal(["https://example.org/a/b?x=1", "www.example.com/page"], LinkExtractor.Urls("See https://example.org/a/b?x=1. Also (www.example.com/page), twice https://example.org/a/b?x=1"));

    [Fact]
    public void Emails_are_found() => Assert.Equal(["jane.roe@example.co.uk"], LinkExtractor.Emails("Write to jane.roe@example.co.uk."));

    [Fact]
    public void Text_without_links_gives_none() => Assert.Empty(LinkExtractor.Urls("No links here at all."));

    [Theory]
    [InlineData("en", "The committee met on Tuesday to discuss the budget for the coming year, and most members agreed that spending on schools and roads should rise.")]
    [InlineData("fr", "Le comité s'est réuni mardi pour discuter du budget de l'année prochaine, et la plupart des membres ont convenu que les dépenses pour les écoles devaient augmenter.")]
    [InlineData("de", "Der Ausschuss traf sich am Dienstag, um den Haushalt für das kommende Jahr zu besprechen, und die meisten Mitglieder waren sich einig, dass die Ausgaben steigen sollten.")]
    [InlineData("es", "El comité se reunió el martes para discutir el presupuesto del próximo año, y la mayoría de los miembros acordaron que el gasto en escuelas y carreteras debería aumentar.")]
    public void Language_of_a_paragraph_is_detected(string code, string paragraph)
    {
        var metadata = new MetadataExtractor().Extract(TestTexts.Build(paragraph));
        Assert.Equal(code, metadata.Language);
        Assert.InRange(metadata.LanguageConfidence, 0.5, 1.0);
    }

    [Fact]
    public void Too_short_text_has_no_language()
    {
        var metadata = new MetadataExtractor().Extract(TestTexts.Build("Hi there"));
        Assert.Null(metadata.Language);
        Assert.Equal(0, metadata.LanguageConfidence);
    }

    [Fact]
    public void Image_captions_are_copied()
    {
        var text = new Pipeline.Core.Structure.StructuredText([new(Pipeline.Core.Structure.BlockKind.Paragraph, "Body.")], ["Image: a harbour"], new Dictionary<string, int>());
        Assert.Equal(["Image: a harbour"], new MetadataExtractor(languageDetector: new FixedLanguageDetector(null)).Extract(text).ImageCaptions);
    }
}
