using System.ComponentModel.DataAnnotations;
using Pipeline.Core.Deduplication;

namespace Pipeline.Core.Structure;

/// <summary>
/// Turns normalised text into <see cref="StructuredText"/>: paragraphs, headings and an optional title, with
/// boilerplate lines removed, image captions moved aside and repeated paragraphs merged. Immutable and
/// thread-safe.
/// </summary>
public sealed class DocumentStructurer
{
    /// <summary>Key of <see cref="StructuredText.Removed"/>: boilerplate lines dropped.</summary>
    public const string BoilerplateLinesKey = "boilerplateLines";

    /// <summary>Key of <see cref="StructuredText.Removed"/>: captions moved to <see cref="StructuredText.ImageCaptions"/>.</summary>
    public const string ImageCaptionsKey = "imageCaptions";

    /// <summary>Key of <see cref="StructuredText.Removed"/>: repeated paragraphs merged away.</summary>
    public const string DuplicateParagraphsKey = "duplicateParagraphs";

    private readonly StructureOptions _options;
    private readonly ParagraphDeduplicator _dedup;
    private readonly BoilerplateRule[] _rules;
    private readonly int _maxRuleWords;
    private readonly string[] _captionPrefixes;

    /// <summary>Creates a structurer.</summary>
    /// <param name="options">Options; defaults when null.</param>
    /// <param name="dedup">Paragraph deduplicator; one with default options when null.</param>
    /// <exception cref="ValidationException">An option is out of range.</exception>
    public DocumentStructurer(StructureOptions? options = null, ParagraphDeduplicator? dedup = null)
    {
        _options = options ?? new StructureOptions();
        _options.Validate();
        _dedup = dedup ?? new ParagraphDeduplicator();
        _rules = [.. (_options.UseDefaultBoilerplateRules ? BoilerplateRules.Default : []), .. _options.AdditionalBoilerplateRules];
        _maxRuleWords = _rules.Length == 0 ? 0 : _rules.Max(r => r.MaxWords);

        // Longest first so "Image credit" wins over "Image".
        _captionPrefixes = [.. _options.CaptionPrefixes.Select(p => p.Trim()).OrderByDescending(p => p.Length)];
    }

    /// <summary>Structures <paramref name="normalizedText"/>.</summary>
    /// <param name="normalizedText">Normalised text: one paragraph per line, or hard-wrapped blocks separated by blank lines.</param>
    /// <returns>The blocks, captions and removal counts.</returns>
    public StructuredText Structure(string normalizedText)
    {
        ArgumentNullException.ThrowIfNull(normalizedText);
        var paragraphs = ParagraphSplitter.Split(normalizedText, _options.MaxWrappedLineLength);
        var body = new List<string>(paragraphs.Count);
        var captions = new List<string>();
        var boilerplate = 0;
        var captionCount = 0;
        foreach (var split in paragraphs)
        {
            var paragraph = split.In(normalizedText);
            string? asString = null; // made at most once, by the boilerplate check or for the body
            if (IsBoilerplate(split, normalizedText, ref asString))
            {
                boilerplate++;
            }
            else if (TryGetCaption(paragraph, out var caption))
            {
                captionCount++;
                if (caption.Length > 0)
                {
                    captions.Add(caption);
                }
            }
            else
            {
                body.Add(asString ?? split.ToString(normalizedText));
            }
        }

        var kinds = HeadingClassifier.Classify(body, _options);
        var blocks = new TextBlock[body.Count];
        for (var i = 0; i < blocks.Length; i++)
        {
            blocks[i] = new TextBlock(kinds[i], body[i]);
        }

        var deduplicated = _dedup.Deduplicate(blocks);
        var removed = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            [BoilerplateLinesKey] = boilerplate,
            [ImageCaptionsKey] = captionCount,
            [DuplicateParagraphsKey] = deduplicated.DuplicatesRemoved,
        };
        return new StructuredText(deduplicated.Blocks, captions, removed);
    }

    private bool IsBoilerplate(SplitParagraph split, string text, ref string? asString)
    {
        var line = split.In(text);
        if (_rules.Length == 0 || line.Length > _options.MaxBoilerplateLineLength)
        {
            return false;
        }

        // The canonical form goes into a pooled buffer first: most short lines have more words than any rule looks
        // at, and then no key string is needed.
        string key;
        int words;
        var canonical = CanonicalForm.CreateRented(line, out var rented);
        try
        {
            if (canonical.IsEmpty)
            {
                return false;
            }

            words = canonical.Count(' ') + 1;
            if (words > _maxRuleWords)
            {
                return false;
            }

            key = canonical.ToString();
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }

        asString = split.ToString(text);
        var candidate = new BoilerplateLine(asString, key, words);
        foreach (var rule in _rules)
        {
            if (words <= rule.MaxWords && rule.Matches(candidate))
            {
                return true;
            }
        }

        return false;
    }

    private bool TryGetCaption(ReadOnlySpan<char> line, out string caption)
    {
        foreach (var prefix in _captionPrefixes)
        {
            if (line.Length <= prefix.Length || !line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var rest = line[prefix.Length..].TrimStart();
            if (rest.Length > 0 && rest[0] is ':' or '：')
            {
                caption = rest[1..].Trim().Trim('|').Trim().ToString();
                return true;
            }
        }

        caption = string.Empty;
        return false;
    }
}
