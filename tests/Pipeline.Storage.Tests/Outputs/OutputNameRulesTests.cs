using System.Text;
using Pipeline.Storage.Outputs;

namespace Pipeline.Storage.Tests.Outputs;

/// <summary>
/// An input's name can never steer its result blob out of the results container's root or onto another input's
/// result: odd but harmless names are kept as they are, anything else is replaced by a hash under <c>_escaped/</c>.
/// </summary>
public sealed class OutputNameRulesTests
{
    [Theory]
    [InlineData("news/2024 06 01/harbour council meeting.txt")]
    [InlineData("новости/港口/مجلس.txt")]
    [InlineData("a/b/c.txt")]
    [InlineData("name with emoji 👍.txt")]
    [InlineData("..hidden/file..txt")]
    public void A_plainly_safe_name_is_kept_with_a_json_suffix(string name) =>
        Assert.Equal(name + ".json", OutputNames.ResultBlob(name));

    [Theory]
    [InlineData("..")]
    [InlineData("../results/other.txt")]
    [InlineData("a/../../b.txt")]
    [InlineData("a/..")]
    [InlineData("./a.txt")]
    [InlineData("a/./b.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("//double/leading")]
    [InlineData("trailing/")]
    [InlineData("a//b.txt")]
    [InlineData("back\\slash\\..\\x.txt")]
    [InlineData("ends-with-dot.")]
    [InlineData("segment./x.txt")]
    [InlineData("control\u0000char")]
    [InlineData("new\nline")]
    [InlineData("")]
    [InlineData("_escaped/0000000000000000000000000000000000000000000000000000000000000000")]
    public void An_unsafe_name_is_replaced_by_its_hash_under_the_escaped_prefix(string name)
    {
        var blob = OutputNames.ResultBlob(name);

        Assert.StartsWith(OutputNames.EscapedPrefix, blob, StringComparison.Ordinal);
        Assert.Matches("^_escaped/[0-9a-f]{32}\\.json$", blob);
    }

    [Fact]
    public void A_name_with_a_lone_surrogate_is_escaped() =>
        Assert.StartsWith(OutputNames.EscapedPrefix, OutputNames.ResultBlob("lone" + (char)0xD800 + "surrogate"), StringComparison.Ordinal);

    [Fact]
    public void A_name_of_1019_characters_is_kept_because_with_json_it_is_exactly_1024()
    {
        var name = "n/" + new string('x', 1017);

        Assert.Equal(OutputNames.MaxBlobNameLength, OutputNames.ResultBlob(name).Length);
    }

    [Fact]
    public void A_name_of_1024_characters_is_escaped_to_a_short_name()
    {
        var name = "n/" + new string('x', 1022);

        var blob = OutputNames.ResultBlob(name);

        Assert.StartsWith(OutputNames.EscapedPrefix, blob, StringComparison.Ordinal);
        Assert.True(blob.Length < 100);
    }

    [Fact]
    public void An_input_named_like_an_escaped_result_cannot_overwrite_it()
    {
        var victim = OutputNames.ResultBlob("../victim.txt");
        var attacker = victim[..^".json".Length];

        Assert.NotEqual(victim, OutputNames.ResultBlob(attacker));
    }

    [Fact]
    public void Distinct_names_get_distinct_result_blobs()
    {
        var names = GeneratedNames().Distinct().ToList();

        var blobs = names.Select(OutputNames.ResultBlob).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(names.Count, blobs.Count);
    }

    [Fact]
    public void No_generated_name_yields_a_result_blob_with_a_dot_segment_a_leading_slash_or_over_1024_characters()
    {
        foreach (var name in GeneratedNames())
        {
            var blob = OutputNames.ResultBlob(name);
            var shown = Show(name);

            Assert.False(blob.StartsWith('/'), $"{shown} -> {blob}");
            Assert.DoesNotContain('\\', blob);
            Assert.True(blob.Length <= OutputNames.MaxBlobNameLength, $"{shown} -> {blob.Length} characters");
            Assert.True(blob.EndsWith(".json", StringComparison.Ordinal), $"{shown} -> {blob}");
            Assert.DoesNotContain(blob, c => char.IsControl(c));
            foreach (var segment in blob.Split('/'))
            {
                Assert.True(segment.Length > 0 && segment != "." && segment != ".." && !segment.EndsWith('.'), $"{shown} -> {blob}");
            }

            Assert.True(blob == name + ".json" || blob.StartsWith(OutputNames.EscapedPrefix, StringComparison.Ordinal), $"{shown} -> {blob}");
        }
    }

    /// <summary>20,000 seeded random names built from the pieces that make names dangerous, of every length up to 1,100.</summary>
    private static IEnumerable<string> GeneratedNames()
    {
        string[] pieces = ["a", "Z", "0", ".", "..", "/", "//", "\\", " ", "é", "ж", "港", "👍", "\u0000", "\n", "\u202E", "%2e", "%2f", "?", "#", "~", "_escaped/", "-"];
        var random = new Random(1024);
        for (var n = 0; n < 20_000; n++)
        {
            var target = n % 50 == 0 ? random.Next(1000, 1100) : random.Next(1, 40);
            var builder = new StringBuilder();
            while (builder.Length < target)
            {
                builder.Append(pieces[random.Next(pieces.Length)]);
            }

            yield return builder.ToString();
        }
    }

    private static string Show(string name) => name.Length > 60 ? $"\"{name[..60]}...\" ({name.Length} chars)" : $"\"{name}\"";
}
