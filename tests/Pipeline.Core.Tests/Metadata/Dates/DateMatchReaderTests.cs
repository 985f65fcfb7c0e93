using System.Text;
using System.Text.RegularExpressions;
using Pipeline.Core.Metadata.Dates;

namespace Pipeline.Core.Tests.Metadata.Dates;

/// <summary>
/// <see cref="DateMatchReader"/> reads the groups the date pattern captures without a Match object; it must read
/// exactly what the pattern captures, for any text the pattern matches.
/// </summary>
public sealed class DateMatchReaderTests
{
    private static readonly string[] Pieces =
    [
        "2015", "11", "18", "1", "7", "31", "12", "2021", "06", "30", "123", "20151", "٣", "-", "/", ".", ",", ":", " ", "  ", "\u00A0",
        "Nov", "Nov.", "November", "noviembre", "März", "mars", "May", "Septembers", "Sept", "de", "de ", "dezember", "er", "st",
        "nd", "rd", "th", "º", "°", "T", "h", "at", "à", "um", "a las", "a", "las", "- ", "10", "3", "45", "00", "59", ".5", ".123",
        "am", "AM", "p.m.", "P.M", "pm.", "Uhr", "Z", "UTC", "GMT", "+01:00", "-0500", "+01", "x", "Published", "\t",
    ];

    [Theory]
    [InlineData("2015-11-18")]
    [InlineData("2015-11-18T10:30:00Z")]
    [InlineData("2023-05-01T08:15:00+0200")]
    [InlineData("Nov. 18, 2015 at 3:45 p.m. GMT")]
    [InlineData("18 de noviembre de 2015 a las 10h30")]
    [InlineData("1er mars 2020 à 9h05")]
    [InlineData("18. November 2015, 14:00 Uhr")]
    [InlineData("11/18/2015 - 10:30:15.250 PM UTC")]
    [InlineData("18.11.2015 um 7:05")]
    public void Reads_what_the_pattern_captures(string text) => AssertSameAsPattern(text);

    [Fact]
    public void Reads_what_the_pattern_captures_in_generated_texts()
    {
        var random = new Random(20260124);
        var text = new StringBuilder();
        var seen = new Dictionary<string, int>();
        for (var n = 0; n < 80_000; n++)
        {
            text.Clear();
            Noise(random, text);
            Date(random, text);
            if (random.Next(3) > 0)
            {
                Time(random, text);
            }

            Noise(random, text);
            AssertSameAsPattern(text.ToString(), seen);
        }

        // The texts reach every part of the pattern, many times.
        foreach (var group in (string[])["iy", "my", "dy", "ny", "h", "s", "ampm", "z"])
        {
            Assert.True(seen.GetValueOrDefault(group) >= 50, $"group {group} matched {seen.GetValueOrDefault(group)} times");
        }
    }

    private static string Pick(Random random, params string[] choices) => choices[random.Next(choices.Length)];

    private static void Noise(Random random, StringBuilder text)
    {
        for (var k = random.Next(3); k > 0; k--)
        {
            text.Append(Pieces[random.Next(Pieces.Length)]);
        }
    }

    // One of the pattern's four date forms, with near misses (three-digit days, long names, missing spaces).
    private static void Date(Random random, StringBuilder text)
    {
        var space = () => Pick(random, " ", "  ", "", "\u00A0", "\t");
        switch (random.Next(4))
        {
            case 0:
                text.Append(Pick(random, "2015", "1999", "201", "20155")).Append(Pick(random, "-", "/")).Append(Pick(random, "11", "1", "111"))
                    .Append(Pick(random, "-", "-", ".")).Append(Pick(random, "18", "8", "123"));
                break;
            case 1:
                text.Append(Pick(random, "Nov", "Nov.", "November", "Septembers", "Mai", "No", "März")).Append(space()).Append(Pick(random, "18", "8", "118"))
                    .Append(Pick(random, "", "st", "th", "nd", "rd", "er")).Append(Pick(random, ",", "", ".")).Append(space()).Append(Pick(random, "2015", "215", "20159"));
                break;
            case 2:
                text.Append(Pick(random, "18", "1", "118")).Append(Pick(random, "", "er", "st", "º", "°", ".", "th", "x")).Append(space())
                    .Append(Pick(random, "", "de ", "de  ", "de")).Append(Pick(random, "noviembre", "mars", "März", "Nov", "No", "dezember", "Septembersss"))
                    .Append(Pick(random, "", ".", ",", ".,")).Append(space()).Append(Pick(random, "", "de ", "de")).Append(Pick(random, "2015", "201", "20155"));
                break;
            default:
                text.Append(Pick(random, "11", "1", "111")).Append(Pick(random, "/", ".", "-", ":")).Append(Pick(random, "18", "8", "118"))
                    .Append(Pick(random, "/", ".", "-", " ")).Append(Pick(random, "2015", "215", "20155"));
                break;
        }
    }

    // The pattern's optional time, with near misses.
    private static void Time(Random random, StringBuilder text)
    {
        text.Append(Pick(random, "T", ", ", " ", ",", "", " at ", " at", " à ", " um ", " a las ", " a  las  ", " a ", " - ", " -", " x "))
            .Append(Pick(random, "10", "3", "10", "103", "")).Append(Pick(random, ":", ":", "h", ".", ""))
            .Append(Pick(random, "30", "30", "3", "305")).Append(Pick(random, "", ":15", ":15", ":1", ":"))
            .Append(Pick(random, "", ".5", ".250", ".")).Append(Pick(random, "", " ", "  "))
            .Append(Pick(random, "", "am", "PM", "p.m.", "P.M", "a.x", "pm.", "A")).Append(Pick(random, "", " "))
            .Append(Pick(random, "", "Uhr", "Uhr ")).Append(Pick(random, "", "Z", "UTC", "GMT", "+01:00", "-0500", "+01", "+01:0", "z"));
    }

    private static void AssertSameAsPattern(string text, Dictionary<string, int>? seen = null)
    {
        foreach (Match found in DateExtractor.DatePattern().Matches(text))
        {
            // The extractor reads the match on its own text, as the pattern would match it there.
            var value = found.Value;
            var m = DateExtractor.DatePattern().Match(value);
            Assert.True(m.Success && m.Index == 0, text);
            Assert.True(DateMatchReader.TryRead(value, out var g), text);
            Check("iy", g.IsoYear);
            Check("im", g.IsoMonth);
            Check("id", g.IsoDay);
            Check("mm", g.MonthName);
            Check("md", g.MonthDay);
            Check("my", g.MonthYear);
            Check("dd", g.DayDay);
            Check("dm", g.DayMonth);
            Check("dy", g.DayYear);
            Check("na", g.NumberA);
            Check("ns", g.NumberSeparator);
            Check("nb", g.NumberB);
            Check("ny", g.NumberYear);
            Check("h", g.Hour);
            Check("min", g.Minute);
            Check("s", g.Second);
            Check("ampm", g.AmPm);
            Check("z", g.Zone);

            void Check(string name, ReadOnlySpan<char> read)
            {
                var group = m.Groups[name];
                if (seen is not null && group.Success)
                {
                    seen[name] = seen.GetValueOrDefault(name) + 1;
                }

                var expected = group.Success ? $"{group.Index}:{group.Value}" : "-";
                var actual = "-";
                if (!read.IsEmpty)
                {
                    value.AsSpan().Overlaps(read, out var offset);
                    actual = $"{offset}:{read}";
                }

                Assert.True(expected == actual, $"{text} / {value}: group {name} is {expected}, read {actual}");
            }
        }
    }
}
