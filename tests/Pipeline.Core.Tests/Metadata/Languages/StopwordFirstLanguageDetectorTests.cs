using Pipeline.Core.Metadata.Languages;


namespace Pipeline.Core.Tests.Metadata.Languages;

public sealed class StopwordFirstLanguageDetectorTests
{
    [Theory]
    [InlineData("en", "The city council said on Monday that it would close two of the old bridges over the river for repairs, and that the work could take most of the summer. Drivers who use them every day were told to plan for longer trips, while the buses will be sent around the town centre.")]
    [InlineData("fr", "Le conseil municipal a annoncé lundi qu'il allait fermer deux des vieux ponts sur la rivière pour des travaux, et que le chantier pourrait durer une grande partie de l'été. Les automobilistes qui les empruntent chaque jour sont invités à prévoir des trajets plus longs.")]
    [InlineData("de", "Der Stadtrat hat am Montag mitgeteilt, dass er zwei der alten Brücken über den Fluss für Reparaturen schließen wird und dass die Arbeiten einen großen Teil des Sommers dauern könnten. Autofahrer, die sie jeden Tag nutzen, sollen mit längeren Fahrten rechnen.")]
    [InlineData("es", "El ayuntamiento anunció el lunes que cerrará dos de los viejos puentes sobre el río para hacer reparaciones, y que las obras podrían durar buena parte del verano. Los conductores que los usan cada día tendrán que planear trayectos más largos, según dijo el alcalde.")]
    [InlineData("it", "Il consiglio comunale ha annunciato lunedì che chiuderà due dei vecchi ponti sul fiume per dei lavori, e che il cantiere potrebbe durare gran parte dell'estate. Gli automobilisti che li usano ogni giorno dovranno prevedere percorsi più lunghi, ha detto il sindaco.")]
    [InlineData("pt", "A câmara municipal anunciou na segunda-feira que vai fechar duas das velhas pontes sobre o rio para obras, e que os trabalhos podem durar boa parte do verão. Os motoristas que as usam todos os dias terão de planear trajetos mais longos, disse o presidente da câmara.")]
    [InlineData("nl", "De gemeenteraad heeft maandag laten weten dat hij twee van de oude bruggen over de rivier gaat sluiten voor herstelwerk, en dat het werk een groot deel van de zomer kan duren. Automobilisten die ze elke dag gebruiken, moeten rekening houden met langere ritten.")]
    public void Running_text_is_decided_by_its_function_words(string code, string text)
    {
        var fallback = new CountingDetector();
        var (detected, confidence) = new StopwordFirstLanguageDetector(fallback).Detect(text);
        Assert.Equal((code, 0), (detected, fallback.Calls));
        Assert.InRange(confidence, 2.0 / 3, 1.0);
    }

    [Theory]
    [InlineData("Breaking: storm warning")]
    [InlineData("北京市政府周一宣布，将关闭河上的两座旧桥进行维修，工程可能持续整个夏天。the city said")]
    public void Short_or_unfamiliar_script_text_goes_to_the_fallback(string text)
    {
        var fallback = new CountingDetector();
        var result = new StopwordFirstLanguageDetector(fallback).Detect(text);
        Assert.Equal((("xx", 0.9), 1), (result, fallback.Calls));
    }

    [Fact]
    public void Evenly_mixed_text_goes_to_the_fallback()
    {
        var fallback = new CountingDetector();
        var text = "The council said that the bridges would close for the summer and that drivers should plan for it. " +
                   "Le conseil a dit que les ponts seront fermés pour l'été et que les automobilistes doivent le prévoir.";
        new StopwordFirstLanguageDetector(fallback).Detect(text);
        Assert.Equal(1, fallback.Calls);
    }

    [Fact]
    public void Default_fallback_is_lingua_for_text_the_fast_pass_leaves() =>
        Assert.Equal("ru", new StopwordFirstLanguageDetector().Detect("Городской совет объявил о закрытии мостов").Code);

    private sealed class CountingDetector : ILanguageDetector
    {
        public int Calls { get; private set; }

        public (string? Code, double Confidence) Detect(string text)
        {
            Calls++;
            return ("xx", 0.9);
        }
    }
}
