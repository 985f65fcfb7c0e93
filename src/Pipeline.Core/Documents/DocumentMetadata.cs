namespace Pipeline.Core.Documents;

/// <summary>Metadata extracted from a document's text. Fields the text does not support are null or empty, never invented.</summary>
public sealed record DocumentMetadata
{
    /// <summary>The headline, when the text has one.</summary>
    public string? Title { get; init; }

    /// <summary>Publication date (ISO 8601: <c>yyyy-MM-dd</c>, or a full timestamp when the text gives a time).</summary>
    public string? PublishedAt { get; init; }

    /// <summary>Authors, case-normalised; generic bylines ("admin", "staff") are left out.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>The publishing outlet, expanded from an abbreviation when the text gives the long form.</summary>
    public string? Publisher { get; init; }

    /// <summary>ISO 639-1 language code, or null when it cannot be told.</summary>
    public string? Language { get; init; }

    /// <summary>Confidence of <see cref="Language"/> in [0, 1].</summary>
    public double LanguageConfidence { get; init; }

    /// <summary>Words in the clean text.</summary>
    public int WordCount { get; init; }

    /// <summary>Characters (UTF-16 code units) in the clean text.</summary>
    public int CharacterCount { get; init; }

    /// <summary>Paragraphs in the clean text (headings included).</summary>
    public int ParagraphCount { get; init; }

    /// <summary>Sentences in the clean text.</summary>
    public int SentenceCount { get; init; }

    /// <summary>Reading time at <see cref="Metadata.MetadataOptions.WordsPerMinute"/> words a minute, rounded up.</summary>
    public int ReadingTimeMinutes { get; init; }

    /// <summary>Section headings, in order.</summary>
    public IReadOnlyList<string> Headings { get; init; } = [];

    /// <summary>Articles the text cites.</summary>
    public IReadOnlyList<Citation> Citations { get; init; } = [];

    /// <summary>People, organisations and places.</summary>
    public NamedEntities Entities { get; init; } = NamedEntities.Empty;

    /// <summary>URLs found in the text.</summary>
    public IReadOnlyList<string> Urls { get; init; } = [];

    /// <summary>E-mail addresses found in the text.</summary>
    public IReadOnlyList<string> Emails { get; init; } = [];

    /// <summary>Image captions moved out of the text.</summary>
    public IReadOnlyList<string> ImageCaptions { get; init; } = [];
}
