using Pipeline.Core.Structure;

namespace Pipeline.Core.Tests.Structure;

public sealed class ImageCaptionTests
{
    private const string Body1 = "The council met on Tuesday evening to discuss the new budget for the coming year.";
    private const string Body2 = "Several members objected to the cuts proposed for the public library and the parks.";

    [Theory]
    [InlineData("Image: The library on Main Street.", "The library on Main Street.")]
    [InlineData("PHOTO: Councillors at the meeting |", "Councillors at the meeting")]
    [InlineData("Caption : A view of the park", "A view of the park")]
    [InlineData("Picture: The mayor", "The mayor")]
    [InlineData("Photograph: Archive", "Archive")]
    [InlineData("Foto: Das Rathaus", "Das Rathaus")]
    [InlineData("Bild: Der Park", "Der Park")]
    [InlineData("Image credit: City archive", "City archive")]
    public void Caption_line_is_moved_out_of_the_text(string line, string caption)
    {
        var result = new DocumentStructurer().Structure($"{Body1}\n{line}\n{Body2}");
        Assert.Equal([Body1, Body2], result.Blocks.Select(b => b.Text));
        Assert.Equal([caption], result.ImageCaptions);
        Assert.Equal(1, result.Removed["imageCaptions"]);
    }

    [Fact]
    public void Word_image_without_a_colon_is_not_a_caption()
    {
        const string line = "Image is everything in politics, the councillor said after the vote.";
        var result = new DocumentStructurer().Structure($"{Body1}\n{line}\n{Body2}");
        Assert.Contains(line, result.Blocks.Select(b => b.Text));
        Assert.Empty(result.ImageCaptions);
    }

    [Fact]
    public void Several_captions_are_kept_in_order()
    {
        var result = new DocumentStructurer().Structure($"Photo: First\n{Body1}\nImage: Second\n{Body2}");
        Assert.Equal(["First", "Second"], result.ImageCaptions);
        Assert.Equal(2, result.Removed["imageCaptions"]);
    }

    [Theory]
    [InlineData("A group of penguins in the Antarctic on 11 February. EFE")]
    [InlineData("You are what you search. (The Associated Press)")]
    [InlineData("(Reed Saxon / Associated Press)")]
    [InlineData("Fleas live on rodents, like rats and rabbits. ( STEVE GSCHMEISSNER/SCIENCE PHOTO LIBRARY)")]
    [InlineData("Materials from the viral campaign. (onmeth.com)")]
    public void Caption_ending_in_its_picture_credit_is_moved_out_of_the_text(string line)
    {
        var result = new DocumentStructurer().Structure($"{Body1}\n{line}\n{Body2}");
        Assert.Equal([Body1, Body2], result.Blocks.Select(b => b.Text));
        Assert.Equal([line], result.ImageCaptions);
    }

    [Theory]
    [InlineData("The storm hit the coast on Monday, the agency said (AP poll results follow below)")]
    [InlineData("Shares fell after the report. Reuters said the company declined to comment on it.")]
    [InlineData("The figures are in the annual report (page 12).")]
    public void Sentence_that_mentions_an_agency_is_not_a_caption(string line)
    {
        var result = new DocumentStructurer().Structure($"{Body1}\n{line}\n{Body2}");
        Assert.Contains(line, result.Blocks.Select(b => b.Text));
        Assert.Empty(result.ImageCaptions);
    }
}
