using Pipeline.Core.Deduplication;

namespace Pipeline.Core.Tests.Deduplication;

public sealed class CanonicalFormTests
{
    [Fact]
    public void Text_is_lower_cased()
    {
        Assert.Equal("the pier", CanonicalForm.Create("The PIER"));
    }

    [Fact]
    public void Typographic_and_straight_quotes_fold_alike()
    {
        Assert.Equal(CanonicalForm.Create("He said \"it's fine\""), CanonicalForm.Create("He said “it’s fine”"));
        Assert.Equal("he said its fine", CanonicalForm.Create("He said “it’s fine”"));
    }

    [Fact]
    public void Dashes_and_hyphens_become_spaces()
    {
        Assert.Equal("well known a b c", CanonicalForm.Create("well-known a — b – c"));
    }

    [Fact]
    public void Whitespace_runs_fold_to_one_space_and_are_trimmed()
    {
        Assert.Equal("a b c", CanonicalForm.Create("  a\t\tb \n\n c  "));
    }

    [Fact]
    public void Punctuation_is_folded_away()
    {
        Assert.Equal("hello world 2015", CanonicalForm.Create("Hello, world! (2015)..."));
    }

    [Fact]
    public void Compatibility_characters_are_normalised_with_nfkc()
    {
        Assert.Equal("file 2", CanonicalForm.Create("ﬁle ２"));
    }

    [Fact]
    public void Non_latin_letters_are_kept_and_lower_cased()
    {
        Assert.Equal("straße ελλάδα мир", CanonicalForm.Create("Straße ΕΛΛΆΔΑ Мир"));
    }

    [Fact]
    public void Empty_and_punctuation_only_text_is_empty()
    {
        Assert.Equal("", CanonicalForm.Create(""));
        Assert.Equal("", CanonicalForm.Create(" -- !! "));
    }

    [Fact]
    public void Long_text_beyond_the_stack_buffer_is_folded_too()
    {
        var text = string.Concat(Enumerable.Repeat("Word, ", 500));
        Assert.Equal(string.Join(' ', Enumerable.Repeat("word", 500)), CanonicalForm.Create(text));
    }
}
