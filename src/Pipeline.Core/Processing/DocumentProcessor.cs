using Pipeline.Core.Decoding;
using Pipeline.Core.Deduplication;
using Pipeline.Core.Documents;
using Pipeline.Core.Html;
using Pipeline.Core.Metadata;
using Pipeline.Core.Metadata.Languages;
using Pipeline.Core.Normalization;
using Pipeline.Core.Structure;

namespace Pipeline.Core.Processing;

/// <summary>
/// Runs the core stages on one input: decode, normalise, structure (boilerplate, captions, paragraph
/// dedup), fingerprint, deduplicate against an index, extract metadata, and build the record.
/// Immutable and thread-safe; the only state it touches is the index it is given.
/// </summary>
/// <remarks>
/// The work is split at the dedup decision because that is the one step with an effect outside the
/// document: <see cref="Prepare(DecodedInput)"/> and <see cref="Complete"/> are pure, so the durable runtime can
/// checkpoint the decision alone and recompute the rest.
/// </remarks>
public sealed class DocumentProcessor
{
    private static readonly IReadOnlyDictionary<string, int> NoCounts = System.Collections.ObjectModel.ReadOnlyDictionary<string, int>.Empty;

    private readonly TextDecoder _decoder;
    private readonly TextNormalizer _normalizer;
    private readonly DocumentStructurer _structurer;
    private readonly Fingerprinter _fingerprinter;
    private readonly MetadataExtractor _extractor;
    private readonly HtmlReader _htmlReader;

    /// <summary>Creates a processor with the given options and language detector.</summary>
    /// <param name="options">Stage options; defaults when null.</param>
    /// <param name="languageDetector">Language detector; function words first, then Lingua, when null.</param>
    public DocumentProcessor(DocumentProcessorOptions? options = null, ILanguageDetector? languageDetector = null)
    {
        options ??= new DocumentProcessorOptions();
        _decoder = new TextDecoder(options.Decoding);
        _normalizer = new TextNormalizer(options.Normalization);
        _structurer = new DocumentStructurer(options.Structure);
        _fingerprinter = new Fingerprinter(options.Fingerprints);
        _extractor = new MetadataExtractor(options.Metadata, languageDetector);
        _htmlReader = new HtmlReader(options.Html);
    }

    /// <summary>Processes one input end to end, deduplicating it against <paramref name="index"/>.</summary>
    /// <param name="input">The raw input.</param>
    /// <param name="index">The dedup index that decides whether the document is canonical.</param>
    /// <param name="cancellationToken">Cancels the index call.</param>
    /// <returns>The input's one result record.</returns>
    public async ValueTask<DocumentRecord> ProcessAsync(RawInput input, IDedupIndex index, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        var prepared = Prepare(input);
        if (prepared.IsRejected)
        {
            return Complete(prepared, DedupDecision.Canonical);
        }

        var decision = await index.ClaimAsync(ClaimOf(prepared), cancellationToken).ConfigureAwait(false);
        return Complete(prepared, decision);
    }

    /// <summary>
    /// The dedup claim of a prepared document. The claimant is the input (its name and bytes), so a second
    /// input with the same clean text is a duplicate while a retry of the same input is not.
    /// </summary>
    /// <param name="prepared">A prepared, not rejected, document.</param>
    /// <param name="claimant">Identifies the input; defaults to its name and raw SHA-256.</param>
    public static DedupCandidate ClaimOf(PreparedDocument prepared, string? claimant = null)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        return new DedupCandidate(
            prepared.Id,
            prepared.Fingerprints ?? throw new ArgumentException("A rejected document is not claimed.", nameof(prepared)),
            prepared.Sketch ?? throw new ArgumentException("A rejected document is not claimed.", nameof(prepared)),
            claimant ?? $"{prepared.Source.Name}\n{prepared.Source.Sha256}");
    }

    /// <summary>Decodes, normalises, structures and fingerprints an input. Pure.</summary>
    /// <param name="input">The raw input.</param>
    /// <returns>The prepared document, or a rejected one (the same as <c>Prepare(Decode(input))</c>).</returns>
    /// <remarks>
    /// The text goes from the bytes to the clean text through pooled buffers: decoded and normalised text never become
    /// strings, and the clean text is the one string the blocks are slices of.
    /// </remarks>
    public PreparedDocument Prepare(RawInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var bytes = input.Content.Span;
        var decoded = _decoder.DecodePooled(bytes, out var rented, out var length);
        var sha256 = ContentId.Sha256Hex(bytes);
        var source = new SourceInfo(input.Name, bytes.Length, decoded.Encoding, decoded.HadBom, sha256);
        if (rented is null)
        {
            // An undecodable input may be a page in the legacy charset it declares.
            return decoded.Rejection?.Reason == RejectionReasons.Undecodable
                ? Prepare(Decode(input))
                : new PreparedDocument { Id = sha256[..ContentId.Length], Source = source, Rejection = decoded.Rejection };
        }

        // A page goes through the DOM, which needs the markup as a string, and may need decoding again in its declared charset.
        if (HtmlDecoding.IsHtml(input.ContentType, rented.AsSpan(0, length)))
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
            return Prepare(Decode(input));
        }

        var buffers = default(TextNormalizer.Buffers);
        try
        {
            var normalized = _normalizer.Normalize(rented.AsMemory(0, length), ref buffers, out var fixes);
            return Finish(sha256, source, fixes, _structurer.Structure(normalized.Span));
        }
        finally
        {
            buffers.Release();
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>Decodes an input's bytes to text, or rejects it. Pure.</summary>
    /// <param name="input">The raw input.</param>
    /// <returns>The decoded input.</returns>
    public DecodedInput Decode(RawInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var bytes = input.Content.Span;
        var decoded = _decoder.Decode(bytes);
        var format = InputFormats.Text;
        if (decoded.IsRejected && HtmlDecoding.DecodeDeclared(bytes, input.ContentType, decoded) is { } declared)
        {
            decoded = declared;
        }

        if (decoded.Text is { } text && HtmlDecoding.IsHtml(input.ContentType, text))
        {
            format = InputFormats.Html;
            decoded = HtmlDecoding.Redecode(bytes, input.ContentType, decoded);
        }

        // One hash of the raw bytes serves both: the raw id is the first 128 bits of the SHA-256 (ContentId.ForBytes).
        var sha256 = ContentId.Sha256Hex(bytes);
        var source = new SourceInfo(input.Name, bytes.Length, decoded.Encoding, decoded.HadBom, sha256) { Format = format };
        return new DecodedInput(source, sha256[..ContentId.Length], decoded.Text, decoded.Rejection);
    }

    /// <summary>Normalises, structures and fingerprints a decoded input. Pure.</summary>
    /// <param name="decoded">The output of <see cref="Decode"/>.</param>
    /// <returns>The prepared document, or a rejected one.</returns>
    public PreparedDocument Prepare(DecodedInput decoded)
    {
        ArgumentNullException.ThrowIfNull(decoded);
        if (decoded.Rejection is { } rejection)
        {
            return new PreparedDocument { Id = decoded.RawId, Source = decoded.Source, Rejection = rejection };
        }

        if (decoded.Source.Format == InputFormats.Html && decoded.Text is { } markup)
        {
            return PrepareHtml(decoded, markup);
        }

        // The same pooled path as Prepare(RawInput) from here: the normalised text is not made into a string.
        var buffers = default(TextNormalizer.Buffers);
        try
        {
            var normalized = _normalizer.Normalize(decoded.Text.AsMemory(), ref buffers, out var fixes);
            return Finish(decoded.RawId, decoded.Source, fixes, _structurer.Structure(normalized.Span));
        }
        finally
        {
            buffers.Release();
        }
    }

    // A page's main content, read from the DOM as blocks, then normalised block by block and structured like text.
    private PreparedDocument PrepareHtml(DecodedInput decoded, string markup)
    {
        var page = _htmlReader.Read(markup);
        var fixes = new Dictionary<string, int>(StringComparer.Ordinal);
        var blocks = new List<InputBlock>(page.Blocks.Count);
        foreach (var block in page.Blocks)
        {
            var normalized = _normalizer.Normalize(block.Text);
            foreach (var (fix, count) in normalized.Fixes)
            {
                fixes[fix] = fixes.GetValueOrDefault(fix) + count;
            }

            blocks.Add(block with { Text = normalized.Text });
        }

        var source = decoded.Source with { Url = page.Metadata.Url };
        var prepared = Finish(decoded.RawId, source, fixes, _structurer.Structure(blocks));
        return prepared with { Markup = WithHeaderLines(page.Metadata, page.HeaderLines) };
    }

    // The date and authors the markup does not give, read by the text rules from the page's byline and date elements,
    // which come before the article's own text (where the text rules look next).
    private MarkupMetadata WithHeaderLines(MarkupMetadata markup, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0 || markup.PublishedAt is not null && markup.Authors.Count > 0)
        {
            return markup;
        }

        var header = _extractor.Extract(_structurer.Structure(lines.Select(l => new InputBlock(_normalizer.Normalize(l).Text))));
        return markup with
        {
            PublishedAt = markup.PublishedAt ?? header.PublishedAt,
            Authors = markup.Authors.Count > 0 ? markup.Authors : header.Authors,
        };
    }

    // The rest of preparing a structured document. rawHash is the raw id, or the raw SHA-256 it is the start of (cut
    // only when a document has no clean text).
    private PreparedDocument Finish(string rawHash, SourceInfo source, IReadOnlyDictionary<string, int> fixes, StructuredText structured)
    {
        var report = new NormalizationReport(NonZero(fixes), NonZero(structured.Removed));
        if (structured.Blocks.Count == 0)
        {
            return new PreparedDocument
            {
                Id = rawHash[..ContentId.Length],
                Source = source,
                Normalization = report,
                Rejection = new Rejection(
                    RejectionReasons.NoContent,
                    "Nothing but boilerplate and captions is left after normalisation."),
            };
        }

        var cleanText = structured.ToCleanText();
        var fingerprints = _fingerprinter.Compute(cleanText, out var sketch);
        return new PreparedDocument
        {
            Id = ContentId.ForText(cleanText),
            Source = source,
            Normalization = report,
            Structured = structured,
            CleanText = cleanText,
            Fingerprints = fingerprints,
            Sketch = sketch,
        };
    }

    /// <summary>Extracts metadata and builds the record for a prepared document and its dedup decision. Pure.</summary>
    /// <param name="prepared">The output of <see cref="Prepare(DecodedInput)"/>.</param>
    /// <param name="decision">The index's decision (ignored for rejected documents).</param>
    /// <returns>The input's result record.</returns>
    public DocumentRecord Complete(PreparedDocument prepared, DedupDecision decision)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(decision);
        if (prepared.IsRejected)
        {
            return new DocumentRecord
            {
                Id = prepared.Id,
                Status = ResultStatus.Rejected,
                Source = prepared.Source,
                Rejection = prepared.Rejection,
                Normalization = prepared.Normalization,
            };
        }

        return new DocumentRecord
        {
            Id = prepared.Id,
            Status = decision.IsDuplicate ? ResultStatus.Duplicate : ResultStatus.Processed,
            Source = prepared.Source,
            DuplicateOf = decision.DuplicateOf,
            Text = prepared.CleanText,
            Metadata = MarkupMerge.Merge(prepared.Markup, _extractor.Extract(prepared.Structured!)),
            Normalization = prepared.Normalization,
            Fingerprints = prepared.Fingerprints,
        };
    }

    // The report lists what changed; a kind with nothing removed is left out rather than shown as 0. Counts that are all
    // non-zero (the normaliser's always are) are used as they are rather than copied.
    private static IReadOnlyDictionary<string, int> NonZero(IReadOnlyDictionary<string, int> counts)
    {
        var nonZero = 0;
        foreach (var (_, value) in counts)
        {
            nonZero += value > 0 ? 1 : 0;
        }

        if (nonZero == counts.Count)
        {
            return counts;
        }

        if (nonZero == 0)
        {
            return NoCounts;
        }

        var copy = new Dictionary<string, int>(nonZero, StringComparer.Ordinal);
        foreach (var (key, value) in counts)
        {
            if (value > 0)
            {
                copy[key] = value;
            }
        }

        return copy;
    }
}
