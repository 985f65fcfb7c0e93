using System.Globalization;
using System.Text;
using Pipeline.Core.Documents;
using Pipeline.Core.Processing;

namespace Pipeline.Core.Batches;

/// <summary>
/// WARC and WET files (WARC/1.0 and 1.1): a record is a version line, header lines, a blank line, a block of
/// <c>Content-Length</c> bytes and two line breaks. <c>conversion</c> records (WET: the page's plain text) and
/// <c>response</c> records whose HTTP response is a successful HTML or text page are documents; every other record
/// (<c>warcinfo</c>, <c>request</c>, <c>metadata</c>, <c>revisit</c>, redirects, images...) is skipped and counted.
/// <c>WARC-Target-URI</c>, <c>WARC-Date</c> (the fetch time) and <c>WARC-Record-ID</c> are carried into the record.
/// </summary>
internal sealed class WarcReader : BatchReader
{
    private const int MaxHeaderLines = 500;
    private bool _ended;

    public WarcReader(BatchByteReader bytes, long firstIndex, long skipped)
        : base(bytes, firstIndex, skipped)
    {
    }

    public override async ValueTask<BatchRecord?> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (!_ended)
        {
            // Blank lines separate records; anything else before a version line is not WARC, and ends the batch.
            var first = await Bytes.ReadLineAsync(keep: true, cancellationToken).ConfigureAwait(false);
            if (first is not { } version)
            {
                _ended = true;
                return TruncationRecord();
            }

            if (version.Blank)
            {
                continue;
            }

            var start = Bytes.Position - version.Length - 1;
            if (version.TooLong || !version.Content.Span.StartsWith("WARC/"u8))
            {
                _ended = true;
                return Rejected(NextIndex++, version.Length, null, RejectionReasons.InvalidRecord, $"Expected a WARC version line at byte {start.ToString(CultureInfo.InvariantCulture)}; the rest of the file is not read.");
            }

            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var n = 0; ; n++)
            {
                var header = await Bytes.ReadLineAsync(keep: true, cancellationToken).ConfigureAwait(false);
                if (header is not { } h)
                {
                    _ended = true;
                    return TruncationRecord("the stream ended in a record's headers");
                }

                if (h.Blank)
                {
                    break;
                }

                if (n >= MaxHeaderLines || h.TooLong)
                {
                    _ended = true;
                    return Rejected(NextIndex++, h.Length, null, RejectionReasons.InvalidRecord, "A WARC record's headers are too long; the rest of the file is not read.");
                }

                var line = Encoding.UTF8.GetString(h.Content.Span);
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
                }
            }

            if (!headers.TryGetValue("Content-Length", out var lengthText) || !long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                _ended = true;
                return Rejected(NextIndex++, 0, null, RejectionReasons.InvalidRecord, "A WARC record has no valid Content-Length; the rest of the file is not read.");
            }

            var type = headers.GetValueOrDefault("WARC-Type")?.ToLowerInvariant();
            var isContent = type is "conversion" or "response";
            var (block, complete) = await Bytes.ReadBlockAsync(length, keep: isContent, cancellationToken).ConfigureAwait(false);
            if (!complete)
            {
                _ended = true;
                return TruncationRecord($"a {type ?? "WARC"} record's block of {length.ToString(CultureInfo.InvariantCulture)} bytes is cut short");
            }

            if (!isContent)
            {
                Skipped++;
                continue;
            }

            if (block is null)
            {
                return Rejected(NextIndex++, length, null, RejectionReasons.TooLarge, $"The record's block is {length.ToString(CultureInfo.InvariantCulture)} bytes; the limit is {Bytes.MaxRecordBytes.ToString(CultureInfo.InvariantCulture)} bytes.") with
                {
                    Url = headers.GetValueOrDefault("WARC-Target-URI"),
                    FetchedAt = headers.GetValueOrDefault("WARC-Date"),
                    RecordId = headers.GetValueOrDefault("WARC-Record-ID"),
                };
            }

            byte[] payload;
            string? contentType;
            if (type == "conversion")
            {
                (payload, contentType) = (block, headers.GetValueOrDefault("Content-Type") ?? "text/plain");
            }
            else if (HttpBody(block) is { } body)
            {
                (payload, contentType) = body;
            }
            else
            {
                Skipped++;
                continue;
            }

            return new BatchRecord
            {
                Index = NextIndex++,
                Payload = payload,
                ContentType = contentType,
                Url = headers.GetValueOrDefault("WARC-Target-URI"),
                FetchedAt = headers.GetValueOrDefault("WARC-Date"),
                RecordId = headers.GetValueOrDefault("WARC-Record-ID"),
                Size = length,
                Sha256 = ContentId.Sha256Hex(block),
            };
        }

        return null;
    }

    // A response record's block is an HTTP response: the body of a 2xx text or HTML response, or null (skipped).
    private static (byte[] Body, string? ContentType)? HttpBody(byte[] block)
    {
        var span = block.AsSpan();
        var end = span.IndexOf("\r\n\r\n"u8);
        var separator = 4;
        if (end < 0)
        {
            end = span.IndexOf("\n\n"u8);
            separator = 2;
        }

        if (end < 0 || !span.StartsWith("HTTP/"u8))
        {
            return null;
        }

        var head = Encoding.Latin1.GetString(span[..end]).Split('\n');
        var status = head[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (status.Length < 2 || status[1].Length != 3 || status[1][0] != '2')
        {
            return null;
        }

        string? contentType = null;
        foreach (var line in head.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Trim().Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = line[(colon + 1)..].Trim();
            }
        }

        var media = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (media is not (null or "text/html" or "application/xhtml+xml" or "text/plain"))
        {
            return null;
        }

        return (span[(end + separator)..].ToArray(), contentType);
    }
}
