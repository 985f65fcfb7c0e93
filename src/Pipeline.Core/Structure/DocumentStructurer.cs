using System.Buffers;
using System.ComponentModel.DataAnnotations;
using Pipeline.Core.Buffers;
using Pipeline.Core.Deduplication;
using Pipeline.Core.Normalization;
using Pipeline.Core.Structure.Boilerplate;
using Pipeline.Core.Structure.Paragraphs;

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

    /// <summary>Key of <see cref="StructuredText.Removed"/>: menu and link-list entries among page furniture.</summary>
    public const string NavigationKey = "navigation";

    /// <summary>Key of <see cref="StructuredText.Removed"/>: other page furniture (few function words, short lines between furniture).</summary>
    public const string BoilerplateBlocksKey = "boilerplateBlocks";

    /// <summary>Key of <see cref="StructuredText.Removed"/>: prose outside the article's run of text (teasers, bios, footers).</summary>
    public const string OutsideMainContentKey = "outsideMainContent";

    /// <summary>Key of <see cref="StructuredText.Removed"/>: reader comments, below a comments heading.</summary>
    public const string CommentsKey = "comments";

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
    /// Structures blocks that a reader already found (an HTML page's paragraphs, headings and list items): the same
    /// boilerplate rules, captions, main-content classification, headings and dedup as for text, without rebuilding paragraphs.
    /// </summary>
    /// <param name="blocks">The page's blocks in reading order.</param>
    /// <returns>The blocks, captions and removal counts.</returns>
    public StructuredText Structure(IEnumerable<InputBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var text = new System.Text.StringBuilder();
        var paragraphs = new PooledList<SplitParagraph>(64);
        var joined = new PooledCharBuffer(0);
        try
        {
            foreach (var block in blocks)
            {
                var flat = string.Join(' ', block.Text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                if (flat.Length == 0)
                {
                    continue;
                }

                var flags = ParagraphFlags.AfterBlank | block.Role switch
                {
                    InputBlockRole.Heading => ParagraphFlags.MarkedHeading,
                    InputBlockRole.ListItem => ParagraphFlags.ListItem,
                    _ => ParagraphFlags.None,
                };
                paragraphs.Add(new SplitParagraph(text.Length, flat.Length, Joined: false, flags));
                text.Append(flat).Append('\n');
            }

            return Structure(text.ToString(), joined.WrittenSpan, paragraphs.Span);
        }
        finally
        {
            paragraphs.Dispose();
            joined.Release();
        }
    }

    /// <summary>
    /// Structures normalised text held anywhere (a pooled buffer in the processing path). Paragraphs stay ranges of it
    /// until the clean text is built, once; every block is a slice of that string.
    /// </summary>
    internal StructuredText Structure(ReadOnlySpan<char> text)
    {
        var paragraphs = new PooledList<SplitParagraph>(64);
        var joined = new PooledCharBuffer(0);
        try
        {
            ParagraphRebuilder.Split(text, _options.MaxWrappedLineLength, ref paragraphs, joined);
            return Structure(text, joined.WrittenSpan, paragraphs.Span);
        }
        finally
        {
            paragraphs.Dispose();
            joined.Release();
        }
    }

    /// <summary>Rules, captions, main content, headings and dedup over paragraphs found already.</summary>
    private StructuredText Structure(ReadOnlySpan<char> text, ReadOnlySpan<char> joined, ReadOnlySpan<SplitParagraph> paragraphs)
    {
        var n = paragraphs.Length;
        var body = new PooledList<SplitParagraph>(Math.Max(16, n));
        var bodyPage = new PooledList<int>(Math.Max(16, n));
        var verdicts = ArrayPool<BlockVerdict>.Shared.Rent(Math.Max(1, n));
        var ruleLines = ArrayPool<bool>.Shared.Rent(Math.Max(1, n));
        try
        {
            List<string>? captions = null;
            var counts = new Dictionary<string, int>(StringComparer.Ordinal)
            {
                [BoilerplateLinesKey] = 0,
                [ImageCaptionsKey] = 0,
                [DuplicateParagraphsKey] = 0,
            };
            for (var i = 0; i < n; i++)
            {
                var paragraph = paragraphs[i].In(text, joined);
                ruleLines[i] = IsBoilerplate(paragraph);
                verdicts[i] = BlockVerdict.Keep;
                if (ruleLines[i])
                {
                    verdicts[i] = BlockVerdict.Handled;
                    counts[BoilerplateLinesKey]++;
                }
                else if (TryGetCaption(paragraph, out var caption) || PhotoCreditLine.Matches(paragraph) && (caption = paragraph.ToString()) is not null)
                {
                    verdicts[i] = BlockVerdict.Handled;
                    counts[ImageCaptionsKey]++;
                    if (caption.Length > 0)
                    {
                        (captions ??= []).Add(caption);
                    }
                }
            }

            BoilerplateClassifier.Classify(new BlockSpans(text, joined, paragraphs), ruleLines.AsSpan(0, n), verdicts.AsSpan(0, n), _options);
            for (var i = 0; i < n; i++)
            {
                if (verdicts[i] == BlockVerdict.Keep)
                {
                    body.Add(paragraphs[i]);
                    bodyPage.Add(i);
                }
                else if (KeyOf(verdicts[i]) is { } key)
                {
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }

            var (blocks, cleanText, duplicates, kept) = ClassifyAndDeduplicate(text, joined, body.Span);
            counts[DuplicateParagraphsKey] = duplicates;
            var pageBlocks = PageBlocksOf(text, joined, paragraphs, verdicts.AsSpan(0, n), ruleLines.AsSpan(0, n), bodyPage.Span, blocks, kept);
            return new StructuredText(blocks, (IReadOnlyList<string>?)captions ?? [], counts, cleanText) { PageBlocks = pageBlocks };
        }
        finally
        {
            body.Dispose();
            bodyPage.Dispose();
            ArrayPool<BlockVerdict>.Shared.Return(verdicts);
            ArrayPool<bool>.Shared.Return(ruleLines);
        }
    }

    /// <summary>The <see cref="StructuredText.Removed"/> key a verdict is counted under; null for kept and handled blocks.</summary>
    private static string? KeyOf(BlockVerdict verdict) => verdict switch
    {
        BlockVerdict.Navigation => NavigationKey,
        BlockVerdict.Boilerplate => BoilerplateBlocksKey,
        BlockVerdict.OutsideMainContent => OutsideMainContentKey,
        BlockVerdict.Comment => CommentsKey,
        _ => null,
    };

    /// <summary>
    /// Every block in page order: kept ones are the blocks of the clean text (a block the dedup merged away is listed as a
    /// duplicate at its place); removed ones are slices of one string made of their texts.
    /// </summary>
    private PageBlock[] PageBlocksOf(
        ReadOnlySpan<char> text, ReadOnlySpan<char> joined, ReadOnlySpan<SplitParagraph> paragraphs, ReadOnlySpan<BlockVerdict> verdicts,
        ReadOnlySpan<bool> ruleLines, ReadOnlySpan<int> bodyPage, TextBlock[] blocks, int[] kept)
    {
        var n = paragraphs.Length;
        var keptAt = new TextBlock?[n];
        for (var k = 0; k < kept.Length; k++)
        {
            keptAt[bodyPage[kept[k]]] = blocks[k];
        }

        // The removed blocks' texts go into one string, and each removed block is a slice of it.
        var removed = new PooledCharBuffer(256);
        var starts = new int[n];
        try
        {
            for (var i = 0; i < n; i++)
            {
                if (keptAt[i] is null)
                {
                    starts[i] = removed.WrittenSpan.Length;
                    removed.Append(paragraphs[i].In(text, joined)).Append('\n');
                }
            }

            var removedText = removed.WrittenSpan.Length == 0 ? string.Empty : new string(removed.WrittenSpan);
            var result = new PageBlock[n];
            for (var i = 0; i < n; i++)
            {
                if (keptAt[i] is { } block)
                {
                    result[i] = new PageBlock(block, null);
                    continue;
                }

                var paragraph = paragraphs[i].In(text, joined);
                var kind = HeadingClassifier.IsHeadingLike(paragraph, _options) ? BlockKind.Heading : BlockKind.Paragraph;
                var key = ruleLines[i] ? BoilerplateLinesKey
                    : verdicts[i] == BlockVerdict.Handled ? ImageCaptionsKey
                    : KeyOf(verdicts[i]) ?? DuplicateParagraphsKey;
                result[i] = new PageBlock(new TextBlock(kind, removedText, starts[i], paragraph.Length), key);
            }

            return result;
        }
        finally
        {
            removed.Release();
        }
    }

    /// <summary>Headings, paragraph dedup, and the clean text built once with the blocks as slices of it.</summary>
    private (TextBlock[] Blocks, string CleanText, int Duplicates, int[] Kept) ClassifyAndDeduplicate(
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
                return ([], string.Empty, duplicates, []);
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
            var keptIndices = new int[kept.Count];
            var start = 0;
            for (var i = 0; i < blocks.Length; i++)
            {
                var k = kept[i];
                keptIndices[i] = k.Index;
                var blockLength = body[k.Text].Length;
                blocks[i] = new TextBlock(k.Kind, cleanText, start, blockLength);
                start += blockLength + Separator.Length;
            }

            return (blocks, cleanText, duplicates, keptIndices);
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
