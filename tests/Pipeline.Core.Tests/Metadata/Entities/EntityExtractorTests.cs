using Pipeline.Core.Documents;
using Pipeline.Core.Metadata.Entities;

namespace Pipeline.Core.Tests.Metadata.Entities;

public sealed class EntityExtractorTests
{
    private static NamedEntities Entities(string text, params string[] authors) => EntityExtractor.Extract(TestTexts.Build(text), authors);

    [Fact]
    public void Role_before_a_name_marks_a_person() =>
        Assert.Equal(["Olu Adeyemi"], Entities("The talks were led by the foreign minister, Olu Adeyemi, who flew in.").People);

    [Fact]
    public void Said_after_a_name_marks_a_person() =>
        Assert.Contains("Priya Raman", Entities("\"We are ready,\" Priya Raman said on Monday.").People);

    [Fact]
    public void Surname_later_maps_to_the_full_name()
    {
        var people = Entities("Ambassador Lena Varga arrived early.\nLater Varga said the deal was done.").People;
        Assert.Equal(["Lena Varga"], people);
    }

    [Fact]
    public void Particles_stay_inside_person_names() =>
        Assert.Contains("Ludwig van Beethoven", Entities("The composer Ludwig van Beethoven said little.").People);

    [Fact]
    public void Organisation_suffix_marks_an_organisation() =>
        Assert.Contains("Northern Grain Council", Entities("A report by the Northern Grain Council was released.").Organizations);

    [Fact]
    public void Acronym_in_parentheses_maps_to_its_long_form()
    {
        var orgs = Entities("Members of the Coastal Defence Group (CDG) met. Later the CDG denied it.").Organizations;
        Assert.Equal(["Coastal Defence Group"], orgs);
    }

    [Fact]
    public void Known_organisations_are_found() =>
        Assert.Equal(["NATO", "United Nations"], Entities("Both NATO and the United Nations responded.").Organizations);

    [Fact]
    public void Countries_and_cities_are_places() =>
        Assert.Equal(["Kenya", "Nairobi", "Lyon"], Entities("Kenya said officials in Nairobi and Lyon agreed.").Places);

    [Fact]
    public void Demonyms_are_not_places() => Assert.Empty(Entities("Syrian and French officials met, and German troops left.").Places);

    [Fact]
    public void Place_context_marks_an_unknown_town() => Assert.Contains("Ouarzazate", Entities("The film was shot in Ouarzazate last year.").Places);

    [Fact]
    public void Sentence_initial_common_words_are_not_entities()
    {
        var entities = Entities("However, the vote passed. Regarding taxes, nothing changed. Entire towns flooded.");
        Assert.Empty(entities.People);
        Assert.Empty(entities.Organizations);
        Assert.Empty(entities.Places);
    }

    [Fact]
    public void Dotted_acronym_is_canonical_place() => Assert.Equal(["United States"], Entities("Officials in the U.S. agreed.").Places);

    [Fact]
    public void Title_case_quotation_does_not_create_people() =>
        Assert.Empty(Entities("Its headline was \"Grand Plans Meet Hard Reality Downtown\" that day.").People);

    [Fact]
    public void French_entities() =>
        Assert.Equal(["Paris"], Entities("Le président Jean Martin a parlé à Paris.").Places);
}
