using System.Text;
using Pipeline.Core.Documents;

namespace Pipeline.Cli.Tests.Reliability;

/// <summary>
/// Generated inputs whose results are known in advance: unique articles (random sentences, so no two share
/// shingles), exact copies (same text, other whitespace), near copies (two words changed in ~300: estimated
/// Jaccard of 5-word shingles about 0.93), and bad files (empty, binary).
/// </summary>
internal sealed class InputSet
{
    private static readonly string[] Words =
    [
        "river", "council", "market", "harbour", "bridge", "teacher", "engine", "garden", "station", "winter", "farmer", "budget",
        "library", "museum", "village", "tunnel", "ferry", "orchard", "factory", "island", "meadow", "school", "doctor", "miner",
        "painter", "baker", "storm", "summer", "autumn", "spring", "valley", "forest", "castle", "tower", "street", "square",
        "theatre", "concert", "festival", "election", "mayor", "minister", "report", "survey", "plan", "contract", "railway", "airport",
        "hospital", "clinic", "nurse", "patient", "student", "lecture", "exam", "result", "harvest", "price", "wage", "pension",
        "tax", "road", "cyclist", "driver", "pilot", "sailor", "fisher", "net", "boat", "dock", "crane", "warehouse", "shop",
        "customer", "owner", "tenant", "landlord", "court", "judge", "witness", "lawyer", "police", "officer", "crowd", "protest",
        "agreement", "treaty", "border", "country", "province", "district", "county", "region", "city", "town", "newspaper", "editor",
        "reader", "writer", "poet", "novel", "film", "actor", "singer", "choir", "team", "coach", "player", "match", "season", "league",
        "goal", "record", "weather", "flood", "drought", "fire", "rescue", "volunteer", "charity", "donation", "grant", "scheme",
    ];

    private static readonly string[] Verbs = ["said", "approved", "rejected", "visited", "opened", "closed", "praised", "questioned", "announced", "delayed", "funded", "measured"];

    private readonly List<(string Name, byte[] Content, string Group, string Kind)> _inputs = [];

    /// <summary>Each input: file name, bytes, the group of inputs that are copies of one another, and its kind.</summary>
    public IReadOnlyList<(string Name, byte[] Content, string Group, string Kind)> Inputs => _inputs;

    public static InputSet Create(int seed, int unique, int exactPairs, int nearPairs, int bad)
    {
        var random = new Random(seed);
        var set = new InputSet();
        for (var i = 0; i < unique; i++)
        {
            set._inputs.Add(($"unique-{i:D4}.txt", Encoding.UTF8.GetBytes(Article(random, i)), $"u{i}", "unique"));
        }

        for (var i = 0; i < exactPairs; i++)
        {
            var text = Article(random, 10_000 + i);
            set._inputs.Add(($"exact-{i:D3}-a.txt", Encoding.UTF8.GetBytes(text), $"e{i}", "exact"));
            set._inputs.Add(($"exact-{i:D3}-b.txt", Encoding.UTF8.GetBytes("  " + text.Replace("\n\n", "\n\n\n", StringComparison.Ordinal).Replace(" ", "  ", StringComparison.Ordinal) + "\n\n"), $"e{i}", "exact"));
        }

        for (var i = 0; i < nearPairs; i++)
        {
            var text = Article(random, 20_000 + i);
            var words = text.Split(' ');
            words[words.Length / 3] = "lighthouse";
            words[2 * words.Length / 3] = "keeper";
            set._inputs.Add(($"near-{i:D3}-a.txt", Encoding.UTF8.GetBytes(text), $"n{i}", "near"));
            set._inputs.Add(($"near-{i:D3}-b.txt", Encoding.UTF8.GetBytes(string.Join(' ', words)), $"n{i}", "near"));
        }

        for (var i = 0; i < bad; i++)
        {
            var bytes = new byte[i % 2 == 0 ? 0 : 2048];
            random.NextBytes(bytes);
            set._inputs.Add(($"bad-{i:D3}.bin", bytes, $"b{i}", "bad"));
        }

        return set;
    }

    /// <summary>
    /// Checks every result's status against what its input is: a unique article processed, a bad file rejected,
    /// and in each pair of copies exactly one processed and the other a duplicate of it, of the right kind.
    /// </summary>
    public void AssertStatuses(IReadOnlyDictionary<string, DocumentRecord> results)
    {
        foreach (var group in _inputs.GroupBy(i => i.Group))
        {
            var records = group.Select(i => results[i.Name]).ToList();
            switch (group.First().Kind)
            {
                case "unique":
                    Assert.Equal(ResultStatus.Processed, records[0].Status);
                    break;
                case "bad":
                    Assert.True(records[0].Status == ResultStatus.Rejected, $"{group.First().Name}: {records[0].Status}");
                    break;
                default:
                    var kind = group.First().Kind == "exact" ? DuplicateKind.Exact : DuplicateKind.Near;
                    var canonical = Assert.Single(records, r => r.Status == ResultStatus.Processed);
                    var copy = Assert.Single(records, r => r.Status == ResultStatus.Duplicate);
                    Assert.Equal(canonical.Id, copy.DuplicateOf!.Id);
                    Assert.Equal(kind, copy.DuplicateOf.Kind);
                    break;
            }
        }
    }

    private static string Article(Random random, int number)
    {
        var text = new StringBuilder();
        text.Append("Report number ").Append(number).Append(" on the ").Append(Pick(random, Words)).Append(' ').Append(Pick(random, Words)).Append("\n\n");
        for (var paragraph = 0; paragraph < 5; paragraph++)
        {
            for (var sentence = 0; sentence < 4; sentence++)
            {
                var the = "The " + Pick(random, Words) + " " + Pick(random, Verbs) + " that the " + Pick(random, Words) + " and the " + Pick(random, Words) +
                    " of the " + Pick(random, Words) + " were " + Pick(random, Verbs) + " by a " + Pick(random, Words) + " from the " + Pick(random, Words) + ". ";
                text.Append(the);
            }

            text.Length--;
            text.Append("\n\n");
        }

        return text.ToString().TrimEnd() + "\n";
    }

    private static string Pick(Random random, string[] words) => words[random.Next(words.Length)];
}
