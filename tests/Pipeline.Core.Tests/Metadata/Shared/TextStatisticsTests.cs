using Pipeline.Core.Metadata;
using Pipeline.Core.Metadata.Shared;

namespace Pipeline.Core.Tests.Metadata.Shared;

public sealed class TextStatisticsTests
{
    [Fact]
    public void Contractions_and_hyphenated_names_are_one_word() => Assert.Equal(4, TextStatistics.CountWords("Don't blame al-Assad today"));

    [Fact]
    public void Digits_are_words() => Assert.Equal(4, TextStatistics.CountWords("In 2015, prices rose."));

    [Fact]
    public void Three_simple_sentences() => Assert.Equal(3, TextStatistics.CountSentences("One is here. Two is there! Three?"));

    [Fact]
    public void Abbreviations_and_initials_do_not_end_sentences() =>
        Assert.Equal(2, TextStatistics.CountSentences("Mr. Smith met J. R. Jones in the U.S. capital. They talked."));

    [Fact]
    public void Decimals_do_not_end_sentences() => Assert.Equal(1, TextStatistics.CountSentences("Growth was 3.5 percent this year."));

    [Fact]
    public void Period_before_lowercase_does_not_end_a_sentence() => Assert.Equal(1, TextStatistics.CountSentences("He said e.g. apples and so on."));

    [Fact]
    public void Counts_and_reading_time_of_a_document()
    {
        var text = TestTexts.Build("First paragraph here.\nSecond one is here too.", title: "A Title");
        var metadata = new MetadataExtractor(new MetadataOptions { WordsPerMinute = 50 }, new FixedLanguageDetector(null)).Extract(text);
        Assert.Equal(10, metadata.WordCount);
        Assert.Equal(3, metadata.ParagraphCount);
        Assert.Equal(3, metadata.SentenceCount);
        Assert.Equal(text.ToCleanText().Length, metadata.CharacterCount);
        Assert.Equal(1, metadata.ReadingTimeMinutes);
        Assert.Equal("A Title", metadata.Title);
    }

    [Fact]
    public void Reading_time_rounds_up()
    {
        var text = TestTexts.Build(string.Join(' ', Enumerable.Repeat("word", 51)));
        var metadata = new MetadataExtractor(new MetadataOptions { WordsPerMinute = 50 }, new FixedLanguageDetector(null)).Extract(text);
        Assert.Equal(2, metadata.ReadingTimeMinutes);
    }

    [Fact]
    public void Out_of_range_options_are_rejected() =>
        Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(() => new MetadataExtractor(new MetadataOptions { WordsPerMinute = 5 }));
}
