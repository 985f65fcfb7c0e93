using Pipeline.Core.Text;

namespace Pipeline.Core.Tests.Text;

public class WordTableTests
{
    private static WordTable<int> Table(WordTableCase caseRule, params string[] words) =>
        new(words.Select((w, i) => KeyValuePair.Create(w, i)), caseRule);

    [Theory]
    [InlineData("the", true)]
    [InlineData("The", true)]
    [InlineData("THE", true)]
    [InlineData("Über", true)]
    [InlineData("them", false)]
    [InlineData("th", false)]
    public void Lower_finds_a_word_as_its_lower_cased_form(string word, bool found)
    {
        var table = Table(WordTableCase.Lower, "the", "über", "of");
        Assert.Equal(found, table.Contains(word));
    }

    [Fact]
    public void Lower_never_finds_a_key_written_with_a_capital()
    {
        // As a lookup of word.ToLowerInvariant() in an ordinal set: no lower-cased word equals "Paris".
        var table = Table(WordTableCase.Lower, "Paris");
        Assert.False(table.Contains("Paris"));
        Assert.False(table.Contains("paris"));
    }

    [Theory]
    [InlineData("said")]
    [InlineData("SAID")]
    [InlineData("Said")]
    [InlineData("étÉ")]
    public void IgnoreCase_finds_what_ordinal_ignore_case_equals(string word)
    {
        var table = Table(WordTableCase.IgnoreCase, "said", "été");
        Assert.True(table.Contains(word));
    }

    [Fact]
    public void A_hash_taken_while_reading_finds_the_same_value()
    {
        var table = Table(WordTableCase.IgnoreCase, "von", "und", "der");
        var hash = WordTable<int>.EmptyHash;
        foreach (var c in "UND")
        {
            hash = table.Add(hash, c);
        }

        Assert.Equal(table.Hash("UND"), hash);
        Assert.True(table.TryGetValue("UND", hash, out var value));
        Assert.Equal(1, value);
    }

    [Fact]
    public void Every_key_of_a_large_table_is_found_with_its_value()
    {
        var words = Enumerable.Range(0, 5000).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var table = Table(WordTableCase.Lower, words);
        for (var i = 0; i < words.Length; i++)
        {
            Assert.True(table.TryGetValue(words[i], out var value));
            Assert.Equal(i, value);
        }

        Assert.False(table.Contains("w5000"));
    }

    [Fact]
    public void An_empty_key_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Table(WordTableCase.Lower, "a", ""));
    }
}
