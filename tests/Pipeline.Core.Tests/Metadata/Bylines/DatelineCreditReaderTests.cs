using System.Text;
using Pipeline.Core.Metadata.Bylines;

namespace Pipeline.Core.Tests.Metadata.Bylines;

/// <summary><see cref="Byline.ReadDatelineCredit"/> reads what the dateline credit pattern captures, without a Match.</summary>
public sealed class DatelineCreditReaderTests
{
    private static readonly string[] Pieces =
        ["(", ")", " ", "  ", "\t", "-", "–", "—", ":", "x", "NEO", "Jane Roe", "PARIS", "November 18, 2015 ", "a", "ab", ".", new string('y', 40), "\n"];

    [Theory]
    [InlineData("November 18, 2015 (Tony Cartalucci - NEO) - The terrorist attacks")]
    [InlineData("PARIS (Reuters) - Talks resumed")]
    [InlineData("(AP) — x")]
    [InlineData("A (B) C (Jane Roe - XYZ) - text")]
    [InlineData("no credit here")]
    public void Reads_what_the_pattern_captures(string text) => AssertSame(text);

    [Fact]
    public void Reads_what_the_pattern_captures_in_generated_texts()
    {
        var random = new Random(7);
        var text = new StringBuilder();
        var matched = 0;
        for (var n = 0; n < 50_000; n++)
        {
            // Mostly credit-shaped: text, "(", text, ")", spaces, a dash; each part now and then missing or doubled.
            text.Clear();
            Noise();
            text.Append(random.Next(10) > 0 ? "(" : "");
            Noise();
            text.Append(random.Next(10) > 0 ? ")" : "");
            text.Append(random.Next(3) switch { 0 => "", 1 => " ", _ => " \t " });
            text.Append(random.Next(5) > 0 ? Pieces[random.Next(4, 9)] : "");
            Noise();

            matched += AssertSame(text.ToString()) ? 1 : 0;
        }

        Assert.True(matched > 5000, $"only {matched} texts matched");

        void Noise()
        {
            for (var k = random.Next(4); k > 0; k--)
            {
                text.Append(Pieces[random.Next(Pieces.Length)]);
            }
        }
    }

    private static bool AssertSame(string text)
    {
        var m = Byline.DatelineCredit().Match(text);
        var read = Byline.ReadDatelineCredit(text, out var pre, out var inner);
        Assert.True(m.Success == read, text);
        if (read)
        {
            Assert.Equal(m.Groups["pre"].Value, pre.ToString());
            Assert.Equal(m.Groups["inner"].Value, inner.ToString());
        }

        return read;
    }
}
