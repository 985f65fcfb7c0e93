using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Pipeline.Core.Documents;
using Pipeline.Core.Html;
using Pipeline.Core.Processing;

namespace Pipeline.Core.Batches;

/// <summary>
/// A batch record as an input of the core: <see cref="Decode"/> turns it into the <see cref="DecodedInput"/> a single
/// file gives (HTML read as HTML), and <see cref="WithEvidence"/> puts what the batch says of the record (title,
/// publication date, authors, URL) ahead of what extraction finds, the way an HTML page's markup is: a given title is
/// the title unless empty, a given date is the date, and a date in the URL's path is evidence for it. Pure.
/// </summary>
public static partial class BatchRecordInput
{
    /// <summary>The record's content as a raw input named after its batch, with the content type that routes it (HTML or text).</summary>
    public static RawInput ToRawInput(string batchName, BatchRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Html is { } html)
        {
            return new RawInput(batchName, Encoding.UTF8.GetBytes(html)) { ContentType = "text/html; charset=utf-8" };
        }

        if (record.Text is { } text)
        {
            return new RawInput(batchName, Encoding.UTF8.GetBytes(text)) { ContentType = "text/plain; charset=utf-8" };
        }

        return new RawInput(batchName, record.Payload ?? []) { ContentType = record.ContentType };
    }

    /// <summary>Decodes a record, or carries its rejection from reading; the source names the batch and the record.</summary>
    /// <param name="processor">The core.</param>
    /// <param name="batchName">The batch input's name.</param>
    /// <param name="record">The record.</param>
    public static DecodedInput Decode(DocumentProcessor processor, string batchName, BatchRecord record)
    {
        ArgumentNullException.ThrowIfNull(processor);
        ArgumentNullException.ThrowIfNull(record);
        if (record.Rejection is { } rejection)
        {
            var sha = record.Sha256 ?? ContentId.Sha256Hex(Encoding.UTF8.GetBytes($"{batchName}\n{record.Index}"));
            var source = WithRecord(new SourceInfo(batchName, record.Size, Encoding: null, HadBom: false, sha), record);
            return new DecodedInput(source, sha[..ContentId.Length], null, rejection);
        }

        var decoded = processor.Decode(ToRawInput(batchName, record));
        return decoded with { Source = WithRecord(decoded.Source, record) };
    }

    /// <summary>Prepares a record (decode, normalise, structure, fingerprint) with the batch's evidence applied.</summary>
    public static PreparedDocument Prepare(DocumentProcessor processor, string batchName, BatchRecord record)
    {
        ArgumentNullException.ThrowIfNull(processor);
        return WithEvidence(processor.Prepare(Decode(processor, batchName, record)), record);
    }

    /// <summary>
    /// The prepared document with the record's source fields (URL, fetch time, id, index) and its evidence merged ahead of
    /// the page's markup and the text's own metadata.
    /// </summary>
    public static PreparedDocument WithEvidence(PreparedDocument prepared, BatchRecord record)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(record);
        var source = WithRecord(prepared.Source, record);
        if (prepared.IsRejected)
        {
            return prepared with { Source = source };
        }

        var markup = prepared.Markup ?? MarkupMetadata.Empty;
        var title = string.IsNullOrWhiteSpace(record.Title) ? null : Whitespace().Replace(record.Title.Trim(), " ");
        var published = MarkupDates.Normalize(record.PublishedAt) ?? markup.PublishedAt ?? DateInUrl(record.Url);
        var evidence = markup with
        {
            Title = title ?? markup.Title,
            PublishedAt = published,
            Authors = record.Authors.Count > 0 ? record.Authors : markup.Authors,
        };
        return prepared with { Source = source, Markup = evidence == MarkupMetadata.Empty && prepared.Markup is null ? null : evidence };
    }

    /// <summary>A date in a URL's path (<c>/2024/03/05/</c>, <c>/2024-03-05-</c>, <c>/20240305/</c>), as <c>yyyy-MM-dd</c>; null when there is none.</summary>
    public static string? DateInUrl(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var match = UrlDate().Match(uri.AbsolutePath);
        if (!match.Success)
        {
            return null;
        }

        var year = int.Parse(match.Groups["y"].ValueSpan, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
        var day = match.Groups["d"].Success ? int.Parse(match.Groups["d"].ValueSpan, CultureInfo.InvariantCulture) : 0;
        if (year is < 1990 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}");
    }

    private static SourceInfo WithRecord(SourceInfo source, BatchRecord record) => source with
    {
        Record = record.Index,
        Url = string.IsNullOrWhiteSpace(record.Url) ? source.Url : record.Url.Trim(),
        FetchedAt = string.IsNullOrWhiteSpace(record.FetchedAt) ? null : record.FetchedAt.Trim(),
        RecordId = string.IsNullOrWhiteSpace(record.RecordId) ? null : record.RecordId.Trim(),
    };

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"/(?<y>(?:19|20)\d{2})(?:/(?<m>[01]\d)/(?<d>[0-3]\d)(?=/|$|[-_.])|-(?<m>[01]\d)-(?<d>[0-3]\d)(?=/|$|[-_.])|(?<m>[01]\d)(?<d>[0-3]\d)(?=/|$))", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UrlDate();
}
