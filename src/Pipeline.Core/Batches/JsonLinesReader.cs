using System.Globalization;
using System.Text.Json;
using Pipeline.Core.Documents;
using Pipeline.Core.Processing;

namespace Pipeline.Core.Batches;

/// <summary>
/// JSON Lines / NDJSON: one JSON object per line; blank lines are not records. The content is <c>text</c>, <c>content</c>
/// or <c>body</c> (plain text) or <c>html</c> (a page); <c>url</c>, <c>title</c>, <c>publishedAt</c> or <c>date</c>,
/// <c>author</c> or <c>authors</c>, <c>fetchedAt</c> and <c>id</c> are carried when present. A line that is not a JSON
/// object, has no content field or is longer than the limit is a rejected record, and reading goes on at the next line.
/// </summary>
internal sealed class JsonLinesReader : BatchReader
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 64 };
    private bool _ended;

    public JsonLinesReader(BatchByteReader bytes, long firstIndex, long skipped)
        : base(bytes, firstIndex, skipped)
    {
    }

    public override async ValueTask<BatchRecord?> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (!_ended)
        {
            var line = await Bytes.ReadLineAsync(keep: true, cancellationToken).ConfigureAwait(false);
            if (line is not { } l)
            {
                _ended = true;
                return TruncationRecord();
            }

            if (l.Blank)
            {
                continue;
            }

            if (l.TooLong)
            {
                return Rejected(NextIndex++, l.Length, l.Sha256, RejectionReasons.TooLarge, $"The line is {l.Length} bytes; the limit is {Bytes.MaxRecordBytes} bytes.");
            }

            // A last line cut off by a broken stream is part of the truncation, not a record of its own; so is a last line
            // without its newline that is not JSON (GZipStream ends a truncated stream without an error).
            if (!l.Ended && (Bytes.Fault is not null || !IsJson(l.Content.Span)))
            {
                _ended = true;
                return TruncationRecord(Bytes.Fault ?? "the last line is cut off");
            }

            return Parse(NextIndex++, l.Content);
        }

        return null;
    }

    public override async ValueTask<long> SkipAsync(long count, CancellationToken cancellationToken = default)
    {
        // Lines are counted, not parsed: every non-blank line is a record, usable or not.
        var done = 0L;
        while (done < count)
        {
            var line = await Bytes.ReadLineAsync(keep: false, cancellationToken).ConfigureAwait(false);
            if (line is not { } l)
            {
                break;
            }

            if (!l.Blank)
            {
                done++;
            }
        }

        NextIndex += done;
        return done;
    }

    private static bool IsJson(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            reader.Read();
            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static BatchRecord Parse(long index, ReadOnlyMemory<byte> line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, ParseOptions);
        }
        catch (JsonException ex)
        {
            return Rejected(index, line.Length, ContentId.Sha256Hex(line.Span), RejectionReasons.InvalidRecord, $"The line is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Rejected(index, line.Length, ContentId.Sha256Hex(line.Span), RejectionReasons.InvalidRecord, $"The line is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object.");
            }

            var html = String(root, "html");
            var text = html is null ? String(root, "text") ?? String(root, "content") ?? String(root, "body") : null;
            if (html is null && text is null)
            {
                return Rejected(index, line.Length, ContentId.Sha256Hex(line.Span), RejectionReasons.Empty, "The record has no text, content, body or html string.");
            }

            return new BatchRecord
            {
                Index = index,
                Text = text,
                Html = html,
                Url = String(root, "url"),
                Title = String(root, "title"),
                PublishedAt = String(root, "publishedAt") ?? String(root, "published_at") ?? String(root, "date"),
                Authors = Authors(root),
                FetchedAt = String(root, "fetchedAt") ?? String(root, "fetched_at"),
                RecordId = Id(root),
                Size = line.Length,
            };
        }
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Id(JsonElement root) =>
        root.TryGetProperty("id", out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static IReadOnlyList<string> Authors(JsonElement root)
    {
        var authors = new List<string>();
        foreach (var name in (ReadOnlySpan<string>)["authors", "author"])
        {
            if (!root.TryGetProperty(name, out var value))
            {
                continue;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                Add(authors, value.GetString());
            }
            else if (value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in value.EnumerateArray())
                {
                    Add(authors, item.ValueKind switch
                    {
                        JsonValueKind.String => item.GetString(),
                        JsonValueKind.Object when item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String => n.GetString(),
                        _ => null,
                    });
                }
            }
            else if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("name", out var single) && single.ValueKind == JsonValueKind.String)
            {
                Add(authors, single.GetString());
            }

            if (authors.Count > 0)
            {
                break;
            }
        }

        return authors;
    }

    private static void Add(List<string> authors, string? name)
    {
        var trimmed = name?.Trim();
        if (!string.IsNullOrEmpty(trimmed) && trimmed.Length <= 200 && !authors.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
        {
            authors.Add(trimmed);
        }
    }

    internal static string Describe(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
