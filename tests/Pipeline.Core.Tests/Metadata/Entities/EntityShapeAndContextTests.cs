using Pipeline.Core.Documents;
using Pipeline.Core.Metadata;
using Pipeline.Core.Metadata.Entities;

namespace Pipeline.Core.Tests.Metadata.Entities;

public sealed class EntityShapeAndContextTests
{
    private static NamedEntities Entities(string text, params string[] authors) => EntityExtractor.Extract(TestTexts.Build(text), authors);

    [Theory]
    [InlineData("Deputy Commissioner Rosa Albrecht spoke to the crowd on Friday.", "Rosa Albrecht")]
    [InlineData("The plan was opposed by Sheriff Tobias Kranich and his deputies.", "Tobias Kranich")]
    [InlineData("„Wir zahlen alles“, sagte Pressesprecherin Edda Kühnel am Abend.", "Edda Kühnel")]
    public void Leading_roles_and_titles_are_stripped_from_a_person(string text, string person)
    {
        var people = Entities(text).People;
        Assert.Contains(person, people);
        Assert.DoesNotContain(people, p => p.EndsWith(person, StringComparison.Ordinal) && p != person);
    }

    [Theory]
    [InlineData("La réunion a été ouverte par leur maire, Aurélien Brossard, qui a parlé longtemps.", "Aurélien Brossard")]
    [InlineData("« Nous attendrons », résume Clémence Royer devant la mairie.", "Clémence Royer")]
    [InlineData("Die Zahlen seien gut, sagte Götz Rehberg am Montag.", "Götz Rehberg")]
    [InlineData("«No hay agua», dijo Íñigo Zubiría, que cultiva trigo.", "Íñigo Zubiría")]
    [InlineData("Many doubt it. Odile Ferrant, ancienne adjointe aux sports, mène une liste.", "Odile Ferrant")]
    [InlineData("Not all agree. Halvard Nesje, who runs a bakery, called it a mistake.", "Halvard Nesje")]
    public void Person_cues_work_in_french_german_spanish_and_after_a_comma(string text, string person) =>
        Assert.Contains(person, Entities(text).People);

    [Fact]
    public void Surname_and_first_name_alone_merge_into_the_full_name_met_without_a_cue()
    {
        var people = Entities("Shop owner Wiebe Tjalsma opened early. Later Tjalsma said prices would rise. Wiebe laughed.").People;
        Assert.Contains("Wiebe Tjalsma", people);
        Assert.DoesNotContain("Tjalsma", people);
        Assert.DoesNotContain("Wiebe", people);
    }

    [Fact]
    public void Capitalised_common_word_after_a_first_name_mid_sentence_is_a_surname() =>
        Assert.Contains("Marit Vos", Entities("The first to arrive, said Marit Vos, was the baker.").People);

    [Fact]
    public void Place_named_by_the_government_of_is_never_a_person()
    {
        var entities = Entities("The regional government of Drenthavia said it would act quickly.");
        Assert.Contains("Drenthavia", entities.Places);
        Assert.DoesNotContain("Drenthavia", entities.People);
    }

    [Theory]
    [InlineData("Divers worked off the fishing town of Praia do Corvel all week.", "Praia do Corvel")]
    [InlineData("The fire spread east of Birch Hollow overnight.", "Birch Hollow")]
    [InlineData("Les habitants de Saint-Aubin-les-Marais votent dimanche.", "Saint-Aubin-les-Marais")]
    [InlineData("El agricultor vive cerca de Alcuéscar desde niño.", "Alcuéscar")]
    [InlineData("She takes the 7:10 train to Hoorndam every day.", "Hoorndam")]
    [InlineData("Trains run between Kessling, Marbrook and the coast.", "Marbrook")]
    [InlineData("Sales rose in Dunmore County last year.", "Dunmore County")]
    [InlineData("OAKRIDGE FALLS — The council voted on Monday to close the pool.", "Oakridge Falls")]
    public void Unknown_places_are_found_from_context_and_shape(string text, string place) =>
        Assert.Contains(place, Entities(text).Places);

    [Fact]
    public void German_nouns_after_in_and_roads_with_numbers_are_not_places()
    {
        var places = Entities("Der Verein hält im Gegenzug an der Planung fest. Crews worked north of Highway 12 all night.").Places;
        Assert.DoesNotContain("Gegenzug", places);
        Assert.DoesNotContain("Highway", places);
    }

    [Fact]
    public void Known_places_joined_by_a_conjunction_are_two_places()
    {
        var places = Entities("Las pruebas se hicieron en parcelas de Málaga y Cádiz durante tres años.").Places;
        Assert.Contains("Málaga", places);
        Assert.Contains("Cádiz", places);
    }

    [Theory]
    [InlineData("Shares of Brightwater Devices fell on Monday.", "Brightwater Devices")]
    [InlineData("The contract went to Halden Offshore Construction last year.", "Halden Offshore Construction")]
    [InlineData("Staff at Northmoor Regional Rail walked out.", "Northmoor Regional Rail")]
    [InlineData("Members of the Guild of Harbour Pilots met on Friday.", "Guild of Harbour Pilots")]
    [InlineData("The Federation of Dock Workers called a strike.", "Federation of Dock Workers")]
    [InlineData("Crews from the Low Plains Fire Protection District arrived.", "Low Plains Fire Protection District")]
    [InlineData("A statement from the Ashford County Sheriff's Office followed.", "Ashford County Sheriff's Office")]
    [InlineData("Die Schulden beim 1. FC Talbrück wachsen weiter.", "1. FC Talbrück")]
    [InlineData("Das Fanbündnis Blau-Gelb Talbrück will helfen.", "Fanbündnis Blau-Gelb Talbrück")]
    [InlineData("Lo dijo la Asociación de Regantes del Tajo ayer.", "Asociación de Regantes del Tajo")]
    [InlineData("La asociación vecinal Barrio Unido pidió calma.", "Barrio Unido")]
    [InlineData("Le collectif Marais Vivant a déposé un recours.", "Marais Vivant")]
    [InlineData("The Glenmoor Co-op will open a new shop.", "Glenmoor Co-op")]
    public void Organisations_are_found_by_their_first_or_last_word_or_the_noun_before(string text, string organisation) =>
        Assert.Contains(organisation, Entities(text).Organizations);

    [Fact]
    public void Acronym_defined_in_brackets_maps_to_the_long_form_without_a_cue_word()
    {
        var orgs = Entities("Die Nordische Segel Vereinigung (NSV) prüft den Antrag. Die NSV schweigt.").Organizations;
        Assert.Equal(["Nordische Segel Vereinigung"], orgs);
    }

    [Fact]
    public void Ampersand_names_and_staff_bylines_give_no_acronym_organisations()
    {
        var orgs = Entities("By STAFF\nCustomers of AT&T and R&D teams were told on Monday.").Organizations;
        Assert.DoesNotContain("AT", orgs);
        Assert.DoesNotContain("STAFF", orgs);
    }

    [Fact]
    public void Multi_word_organisation_fragment_is_not_a_person() =>
        Assert.DoesNotContain("Segel Liga", Entities("Die Nordische Segel Liga (NSL) lehnte ab, sagte sie.").People);

    [Fact]
    public void Article_before_an_organisation_word_is_not_an_organisation() =>
        Assert.DoesNotContain("Der Verein", Entities("Es wird knapp. Der Verein sei zahlungsfähig, hieß es.").Organizations);

    [Fact]
    public void Publisher_abbreviation_is_not_listed_as_an_organisation()
    {
        var extractor = new MetadataExtractor(languageDetector: new FixedLanguageDetector("en"));
        var metadata = extractor.Extract(TestTexts.Build(
            "June 2, 2024 (Ola Brekke - WKR) - The ferry was late again on Monday.\nOla Brekke is a reporter for the Westfield Kilnworth Review."));
        Assert.Equal("Westfield Kilnworth Review", metadata.Publisher);
        Assert.DoesNotContain("WKR", metadata.Entities.Organizations);
    }
}
