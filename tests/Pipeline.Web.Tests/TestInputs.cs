using System.Text;

namespace Pipeline.Web.Tests;

/// <summary>The inputs the web view's tests drop: distinct articles (none a copy of another unless meant to be) under awkward names.</summary>
internal static class TestInputs
{
    public const string Spaces = "press releases/harbour plan update.txt";
    public const string NonLatin = "Új hírek/Москва статья.txt";
    public const string Xss = "xss-title.txt";
    public const string XssTitle = "Ferry timetable changes for the <script>window.pwned=1</script> winter quay";
    public const string Failing = "fail-corrupt.txt";
    public const string Canonical = "copy-a.txt";
    public const string Duplicate = "copy-b.txt";

    public static IReadOnlyList<string> Names { get; } = [Spaces, NonLatin, Xss, Failing, Canonical, Duplicate, "plain-1.txt", "plain-2.txt"];

    public static byte[] Content(string name) => Encoding.UTF8.GetBytes(name switch
    {
        Xss => Article(XssTitle, 41),
        Duplicate => Article("Harbour board agrees new tide gauge", 7),
        Canonical => Article("Harbour board agrees new tide gauge", 7),
        _ => Article($"Council weighs {Topic(name)}", Math.Abs(StringComparer.Ordinal.GetHashCode(name) % 1000) + Names.ToList().IndexOf(name) * 13),
    });

    /// <summary>A short news article that the pipeline processes (not rejected), distinct for each <paramref name="seed"/>.</summary>
    public static string Article(string title, int seed)
    {
        string[] places = ["Alder Bay", "Brookmere", "Cold Harbour", "Dunmore", "Eastwick", "Fallow Cross", "Greyhaven", "Holt End"];
        string[] things = ["a new library", "the tram line", "a flood barrier", "the night market", "a solar farm", "the ferry service", "a cycling route", "the old cinema"];
        var place = places[seed % places.Length];
        var thing = things[(seed * 5 + 3) % things.Length];
        return $"{title}\n\n" +
            $"Residents of {place} met on evening {seed} to discuss {thing}, which officials say could cost {seed % 50 + 3} million over {seed % 4 + 2} years.\n\n" +
            $"Item {seed}: the committee chair, speaking for district number {seed * 7919 % 1000}, said that a decision on {things[(seed * 7 + 1) % things.Length]} would follow in {(seed % 11) + 1} weeks after consultation {seed * 31}.\n\n" +
            $"Opponents in {place} said the plan for {thing} ignored the views of {seed * 17 % 900 + 100} people who signed a petition, and asked for a public meeting before the vote {seed % 9 + 1}.\n";
    }

    private static string Topic(string name) => name.Length % 2 == 0 ? "a new bus depot" : "the river crossing";
}
