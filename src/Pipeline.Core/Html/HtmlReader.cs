using AngleSharp.Html.Parser;

namespace Pipeline.Core.Html;

/// <summary>
/// Reads an HTML page into its main content's blocks and its markup metadata, with AngleSharp's HTML5 parser (which
/// repairs unclosed tags and bad nesting as browsers do). Never throws on bad markup. Immutable and thread-safe.
/// </summary>
public sealed class HtmlReader
{
    private readonly HtmlOptions _options;
    private readonly MainContentExtractor _extractor;

    /// <summary>Creates a reader.</summary>
    /// <param name="options">Options; defaults when null. Validated here.</param>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">An option is out of range.</exception>
    public HtmlReader(HtmlOptions? options = null)
    {
        options ??= new HtmlOptions();
        options.Validate();
        _options = new HtmlOptions
        {
            MaxMarkupCharacters = options.MaxMarkupCharacters,
            MaxDepth = options.MaxDepth,
            MinParagraphCharacters = options.MinParagraphCharacters,
        };
        _extractor = new MainContentExtractor(_options);
    }

    // Levels the parser can add that the limiter does not count (html, body, a form's or a list's implied parents).
    private const int ParserLevels = 8;

    /// <summary>Reads a page.</summary>
    /// <param name="markup">The page's decoded markup.</param>
    /// <returns>Its main content's blocks and its metadata.</returns>
    public HtmlPage Read(string markup)
    {
        ArgumentNullException.ThrowIfNull(markup);
        if (markup.Length > _options.MaxMarkupCharacters)
        {
            markup = markup[.._options.MaxMarkupCharacters];
        }

        // Bounded below the walks' depth limit, so the text the limiter keeps (at the deepest level) is still read: the
        // parser adds html, body and the like above the counted elements.
        markup = NestingLimiter.Limit(markup, _options.MaxDepth - ParserLevels);

        // A parser per page: parsers hold per-parse state, and building one costs little next to a parse.
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false, IsNotConsumingCharacterReferences = false });
        using var document = parser.ParseDocument(markup);
        var metadata = MarkupMetadataReader.Read(document, _options);
        var blocks = _extractor.Extract(document);
        var header = MarkupMetadataReader.HeaderLines(document);
        return new HtmlPage(blocks, metadata, header);
    }
}
