using System.Text;
using Pipeline.Core.Metadata.Entities;

namespace Pipeline.Core.Tests.Metadata.Entities;

/// <summary><see cref="DatelinePlaceReader"/> reads the place the entity extractor's dateline pattern captures, without a Match.</summary>
public sealed class DatelinePlaceReaderTests
{
    private static readonly string[] Pieces =
    [
        "OSLO", "NEW", "HAVEN", "ST.", "O'HARE", "L’AQUILA", "A", "Oslo", "É", "X", " ", "  ", "-", "—", "–", ",", "(", ":", ".",
        "\t", "2021-06-30", "2021", "12:00", "T", "Z", "/", "0", "May 2", "de", "RÍO",
    ];

    [Theory]
    [InlineData("OSLO, May 2 - Talks")]
    [InlineData("2021-06-30 — NEW HAVEN — The city")]
    [InlineData("PORT ELLERY — Tidewater Co-op")]
    [InlineData("LISBON, April 9, 2022 - Divers")]
    [InlineData("2021-06-30 — REYKJAVIK — Iceland's")]
    [InlineData("Rail Workers Walk Out")]
    [InlineData("NEW-YORK - x")]
    public void Reads_what_the_pattern_captures(string text) => AssertSame(text);

    [Fact]
    public void Reads_what_the_pattern_captures_in_generated_texts()
    {
        var random = new Random(11);
        var text = new StringBuilder();
        var matched = 0;
        for (var n = 0; n < 60_000; n++)
        {
            text.Clear();
            if (random.Next(3) == 0)
            {
                text.Append(Pick("2021-06-30", "2021-06-30 12:00", "1/2/2021", "20210630T1200Z", "2021", "2021-06-30 -")).Append(Pick(" — ", "—", " - ", "-", " ", "–  "));
            }

            for (var k = random.Next(1, 6); k > 0; k--)
            {
                text.Append(Pieces[random.Next(Pieces.Length)]);
            }

            text.Append(Pick(", ", " (", " — ", "— ", " -", "-x", " ", ""));
            text.Append(Pieces[random.Next(Pieces.Length)]);
            matched += AssertSame(text.ToString()) ? 1 : 0;
        }

        Assert.True(matched > 5000, $"only {matched} texts matched");

        string Pick(params string[] choices) => choices[random.Next(choices.Length)];
    }

    private static bool AssertSame(string text)
    {
        var m = DatelinePlaceReader.Pattern().Match(text);
        var read = DatelinePlaceReader.TryRead(text, out var place);
        Assert.True(m.Success == read, text);
        if (read)
        {
            Assert.True(m.Groups["place"].Value == place.ToString(), $"{text}: pattern {m.Groups["place"].Value}, read {place}");
        }

        return read;
    }
}
