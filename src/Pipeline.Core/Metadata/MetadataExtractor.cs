using System.Buffers;
using System.ComponentModel.DataAnnotations;
using Pipeline.Core.Documents;
using Pipeline.Core.Metadata.Bylines;
using Pipeline.Core.Metadata.Citations;
using Pipeline.Core.Metadata.Dates;
using Pipeline.Core.Metadata.Entities;
using Pipeline.Core.Metadata.Languages;
using Pipeline.Core.Metadata.Shared;
using Pipeline.Core.Metadata.Titles;
using Pipeline.Core.Structure;

namespace Pipeline.Core.Metadata;

/// <summary>
/// Extracts a document's metadata from its structured text: title, date, authors, publisher, language, counts,
/// headings, citations, entities, links and captions. Immutable and thread-safe.
/// </summary>
public sealed class MetadataExtractor
{
    private readonly MetadataOptions _options;
    private readonly ILanguageDetector _languageDetector;

    /// <summary>Creates an extractor.</summary>
    /// <param name="options">Options; defaults when null. Validated here.</param>
    /// <param name="languageDetector">Language detector; a <see cref="StopwordFirstLanguageDetector"/> (function words, then Lingua) when null.</param>
    /// <exception cref="ValidationException">An option is out of range.</exception>
    public MetadataExtractor(MetadataOptions? options = null, ILanguageDetector? languageDetector = null)
    {
        _options = options ?? new MetadataOptions();
        _options.Validate();
        _languageDetector = languageDetector ?? new StopwordFirstLanguageDetector();
    }

    /// <summary>Extracts the metadata of <paramref name="text"/>. Fields the text does not support are null or empty.</summary>
    public DocumentMetadata Extract(StructuredText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (language, confidence) = DetectLanguage(text);
        var byline = Byline.Parse(text, _options.HeaderBlocks);
        var header = PageHeader.Of(text);
        var headline = header is null ? null : HeadlineFinder.Find(header);
        var center = headline?.Index ?? header?.BodyStart ?? 0;
        var headerByline = header is null ? null : HeaderBylineFinder.Find(header, center);
        var authors = headerByline?.Authors ?? AuthorExtractor.Extract(byline);
        if (authors.Count == 0 && header is not null && FooterBylineFinder.Find(header) is { } footer)
        {
            authors = footer.Authors;
        }

        // Counted block by block rather than on the joined clean text, which would be a copy of the whole document:
        // the blank line between blocks ends words and links alike, so the figures are the same.
        var words = 0;
        var characters = 0;
        var blocks = text.Blocks;
        for (var b = 0; b < blocks.Count; b++)
        {
            var span = blocks[b].Span;
            words += TextStatistics.CountWords(span);
            characters += span.Length;
        }

        characters += Math.Max(0, text.Blocks.Count - 1) * 2;
        var publisher = PublisherExtractor.Extract(text, byline);

        return new DocumentMetadata
        {
            Title = TitleExtractor.Extract(text, header, headline),
            PublishedAt = (header is null ? null : HeaderDateFinder.Find(header, center, language)) ?? DateExtractor.Extract(text, _options.HeaderBlocks, language),
            Authors = authors,
            Publisher = publisher,
            Language = language,
            LanguageConfidence = confidence,
            WordCount = words,
            CharacterCount = characters,
            ParagraphCount = text.Blocks.Count,
            SentenceCount = TextStatistics.CountSentences(text),
            ReadingTimeMinutes = words == 0 ? 0 : (words + _options.WordsPerMinute - 1) / _options.WordsPerMinute,
            Headings = HeadingExtractor.Extract(text),
            Citations = CitationExtractor.Extract(text),
            Entities = PublisherAbbreviation.Remove(EntityExtractor.Extract(text, authors), publisher),
            Urls = LinkExtractor.Urls(text),
            Emails = LinkExtractor.Emails(text),
            ImageCaptions = text.ImageCaptions,
        };
    }

    private (string? Code, double Confidence) DetectLanguage(StructuredText text)
    {
        // The sample lives in a pooled buffer; our own detector reads it in place, any other gets a string.
        var (length, letters) = LanguageSample.Take(text, _options.LanguageSampleCharacters, out var buffer);
        string? code;
        double confidence;
        try
        {
            if (letters < _options.MinimumLanguageLetters)
            {
                return (null, 0);
            }

            var sample = buffer.AsSpan(0, length);
            (code, confidence) = _languageDetector is StopwordFirstLanguageDetector ours
                ? ours.Detect(sample)
                : _languageDetector.Detect(new string(sample));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        return code is null || confidence < _options.MinimumLanguageConfidence ? (null, 0) : (code, Math.Round(confidence, 4));
    }
}
