using Pipeline.Core.Structure;

namespace Pipeline.Core.Tests.Structure;

public sealed class BylineAndDatelineHeadingTests
{
    private const string Body1 = "The council met on Tuesday evening to discuss the new budget for the coming year.";
    private const string Body2 = "Several members objected to the cuts proposed for the public library and the parks.";

    private static BlockKind KindOfSecondLine(string line) =>
        new DocumentStructurer().Structure($"Budget Row Deepens\n{line}\n{Body1}\n{Body2}").Blocks[1].Kind;

    [Theory]
    [InlineData("By Rosa Albrecht")]
    [InlineData("Von Tobias Kranich")]
    [InlineData("Par Margaux Delcourt")]
    [InlineData("Por Ignacio Valverde")]
    [InlineData("Door Femke de Wit")]
    public void Byline_in_any_language_is_not_a_heading(string line) =>
        Assert.Equal(BlockKind.Paragraph, KindOfSecondLine(line));

    [Theory]
    [InlineData("Posted on 2023-04-11T17:05:00Z")]
    [InlineData("Published: 11 April 2023")]
    [InlineData("Updated 04/12/2023 09:14")]
    [InlineData("Veröffentlicht am 11.04.2023")]
    [InlineData("Publié le 2 avril 2023")]
    [InlineData("Publicado el 2 de abril de 2023")]
    [InlineData("Mis à jour le 3 avril 2023")]
    public void Published_or_updated_line_is_not_a_heading(string line) =>
        Assert.Equal(BlockKind.Paragraph, KindOfSecondLine(line));

    [Theory]
    [InlineData("By the Numbers")]
    [InlineData("Updated Rules for Tenants")]
    public void Heading_that_merely_starts_with_a_byline_or_dateline_word_stays_a_heading(string line) =>
        Assert.Equal(BlockKind.Heading, new DocumentStructurer().Structure($"{Body1}\n{line}\n{Body2}").Blocks[1].Kind);
}
