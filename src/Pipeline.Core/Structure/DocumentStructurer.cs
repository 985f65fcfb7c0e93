using System.Buffers;
using System.ComponentModel.DataAnnotations;
using Pipeline.Core.Buffers;
using Pipeline.Core.Deduplication;
using Pipeline.Core.Normalization;

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

    /// <summary>Between blocks in the clean text.</summary>
    private const string Separator = "\n\n";

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
        return Structure(normalizedText.AsSpan());
    }

    /// <summary>
    /// Structures normalised text held anywhere (a pooled buffer in the processing path). Paragraphs stay ranges of it
    /// until the clean text is built, once; every block is a slice of that string.
    /// </summary>
    internal StructuredText Structure(ReadOnlySpan<char> text)
    {
        var paragraphs = new PooledList<SplitParagraph>(64);
        var body = new PooledList<SplitParagraph>(64);
        var joined = new PooledCharBuffer(0);
        try
        {
            ParagraphSplitter.Split(text, _options.MaxWrappedLineLength, ref paragraphs, joined);
            List<string>? captions = null;
            var boilerplate = 0;
            var captionCount = 0;
            foreach (var split in paragraphs.Span)
            {
                var paragraph = split.In(text, joined.WrittenSpan);
                if (IsBoilerplate(paragraph))
                {
                    boilerplate++;
                }
                else if (TryGetCaption(paragraph, out var caption))
                {
                    captionCount++;
                    if (caption.Length > 0)
                    {
                        (captions ??= []).Add(caption);
                    }
                }
                else
                {
                    body.Add(split);
                }
            }

            var (blocks, cleanText, duplicates) = ClassifyAndDeduplicate(text, joined.WrittenSpan, body.Span);
            var removed = new Dictionary<string, int>(StringComparer.Ordinal)
            {
                [BoilerplateLinesKey] = boilerplate,
                [ImageCaptionsKey] = captionCount,
                [DuplicateParagraphsKey] = duplicates,
            };
            return new StructuredText(blocks, (IReadOnlyList<string>?)captions ?? [], removed, cleanText);
        }
        finally
        {
            paragraphs.Dispose();
            body.Dispose();
            joined.Release();
        }
    }

    /// <summary>Headings, paragraph dedup, and the clean text built once with the blocks as slices of it.</summary>
    private (TextBlock[] Blocks, string CleanText, int Duplicates) ClassifyAndDeduplicate(
        ReadOnlySpan<char> text, ReadOnlySpan<char> joined, ReadOnlySpan<SplitParagraph> body)
    {
        var n = body.Length;
        var like = ArrayPool<bool>.Shared.Rent(Math.Max(1, n));
        var kinds = ArrayPool<BlockKind>.Shared.Rent(Math.Max(1, n));
        var kept = new PooledList<ParagraphDeduplicator.KeptBlock>(n);
        try
        {
            for (var i = 0; i < n; i++)
            {
                like[i] = HeadingClassifier.IsHeadingLike(body[i].In(text, joined), _options);
            }

            HeadingClassifier.Classify(like.AsSpan(0, n), kinds, _options);
            int duplicates;
            using (var run = _dedup.Start(n))
            {
                for (var i = 0; i < n; i++)
                {
                    run.Add(kinds[i], body[i].In(text, joined));
                }

                run.Finish(ref kept);
                duplicates = run.Removed;
            }

            if (kept.Count == 0)
            {
                return ([], string.Empty, duplicates);
            }

            var length = (kept.Count - 1) * Separator.Length;
            foreach (var k in kept.Span)
            {
                length += body[k.Text].Length;
            }

            var cleanText = string.Create(length, new CleanTextParts(text, joined, body, kept.Span), static (destination, parts) =>
            {
                var position = 0;
                for (var i = 0; i < parts.Kept.Length; i++)
                {
                    if (i > 0)
                    {
                        Separator.CopyTo(destination[position..]);
                        position += Separator.Length;
                    }

                    var block = parts.Body[parts.Kept[i].Text].In(parts.Text, parts.Joined);
                    block.CopyTo(destination[position..]);
                    position += block.Length;
                }
            });

            var blocks = new TextBlock[kept.Count];
            var start = 0;
            for (var i = 0; i < blocks.Length; i++)
            {
                var k = kept[i];
                var blockLength = body[k.Text].Length;
                blocks[i] = new TextBlock(k.Kind, cleanText, start, blockLength);
                start += blockLength + Separator.Length;
            }

            return (blocks, cleanText, duplicates);
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(like);
            ArrayPool<BlockKind>.Shared.Return(kinds);
            kept.Dispose();
        }
    }

    private bool IsBoilerplate(ReadOnlySpan<char> line)
    {
        if (_rules.Length == 0 || line.Length > _options.MaxBoilerplateLineLength)
        {
            return false;
        }

        // The canonical form goes into a pooled buffer, and the rules read spans: no line becomes a string for them.
        var canonical = CanonicalForm.CreateRented(line, out var rented);
        try
        {
            if (canonical.IsEmpty)
            {
                return false;
            }

            var words = canonical.Count(' ') + 1;
            if (words > _maxRuleWords)
            {
                return false;
            }

            var candidate = new BoilerplateLine(line, canonical, words);
            foreach (var rule in _rules)
            {
                if (words <= rule.MaxWords && rule.Matches(candidate))
                {
                    return true;
                }
            }

            return false;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
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

    /// <summary>What the clean text is built from (spans, so a ref struct handed to <see cref="string.Create{TState}"/>).</summary>
    private readonly ref struct CleanTextParts(
        ReadOnlySpan<char> text, ReadOnlySpan<char> joined, ReadOnlySpan<SplitParagraph> body, ReadOnlySpan<ParagraphDeduplicator.KeptBlock> kept)
    {
        public ReadOnlySpan<char> Text { get; } = text;

        public ReadOnlySpan<char> Joined { get; } = joined;

        public ReadOnlySpan<SplitParagraph> Body { get; } = body;

        public ReadOnlySpan<ParagraphDeduplicator.KeptBlock> Kept { get; } = kept;
    }
}
