using System.Text;
using Pipeline.Core.Metadata.Bylines;

namespace Pipeline.Core.Tests.Metadata.Bylines;

/// <summary><see cref="BylinePrefixReader"/> reads what the byline pattern captures, without a Match.</summary>
public sealed class BylinePrefixReaderTests
{
    private static readonly string[] Leads =
    [
        "By", "by", "BY", "bY", "Written by", "Written  by", "WRITTEN BY", "Words by", "Author", "Authors", "authors", "AUTHOR",
        "AUTHORS", "Autor", "Autora", "Autorin", "autorin", "Auteur", "Par", "PAR", "Von", "VON", "Por", "POR", "Text", "Texte",
        "texte", "Reported by", "Byline", "Authorship", "Autori", "Parx", "",
    ];

    private static readonly string[] Tails = [" ", "  ", ":", " :", ": ", " : ", "\t", "", "\u00A0", ":  "];

    private static readonly string[] Rests = ["Jane Roe", "", " ", "  ", ":", "x", "Jane Roe | Outlet", "\t"];

    [Theory]
    [InlineData("By Jane Roe, Valley Courier")]
    [InlineData("Von Anna Berg")]
    [InlineData("Authors: A and B")]
    [InlineData("By : ")]
    [InlineData("By  ")]
    [InlineData("Texte : Marie")]
    public void Reads_what_the_pattern_captures(string text) => AssertSame(text);

    [Fact]
    public void Reads_what_the_pattern_captures_in_generated_texts()
    {
        var random = new Random(5);
        var matched = 0;
        var text = new StringBuilder();
        for (var n = 0; n < 30_000; n++)
        {
            text.Clear().Append(Leads[random.Next(Leads.Length)]).Append(Tails[random.Next(Tails.Length)]).Append(Tails[random.Next(Tails.Length)])
                .Append(Rests[random.Next(Rests.Length)]).Append(Tails[random.Next(Tails.Length)]);
            matched += AssertSame(text.ToString()) ? 1 : 0;
        }

        Assert.True(matched > 5000, $"only {matched} texts matched");
    }

    private static bool AssertSame(string text)
    {
        var m = Byline.BylinePrefix().Match(text);
        var read = BylinePrefixReader.TryRead(text, out var rest);
        Assert.True(m.Success == read, text);
        if (read)
        {
            Assert.True(m.Groups["rest"].Value == rest.ToString(), $"'{text}': pattern '{m.Groups["rest"].Value}', read '{rest}'");
        }

        return read;
    }
}
