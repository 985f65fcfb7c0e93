using System.IO.Compression;
using System.Text.Json;

namespace Pipeline.Core.Batches;

/// <summary>
/// Tells a batch input from a single document by its first bytes, and by its name where the bytes are ambiguous: gzip
/// (magic <c>1f 8b</c>) is always a batch; a <c>WARC/1.</c> header is WARC or WET; JSON Lines is a name ending in
/// <c>.jsonl</c> or <c>.ndjson</c> (before any <c>.gz</c>) whose content starts with <c>{</c>, or any input whose first
/// line is a whole JSON object with a <c>text</c>, <c>content</c>, <c>body</c> or <c>html</c> string. Pure.
/// </summary>
public static class BatchSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> wants to see (fewer are fine for short inputs).</summary>
    public const int HeadLength = 64 * 1024;

    private static readonly string[] ContentFields = ["text", "content", "body", "html"];

    /// <summary>The batch kind of an input, or null when it is a single document.</summary>
    /// <param name="name">The input's name (only its ending is looked at).</param>
    /// <param name="head">The input's first bytes (up to <see cref="HeadLength"/>; the whole input when shorter).</param>
    public static BatchKind? Sniff(string name, ReadOnlySpan<byte> head)
    {
        ArgumentNullException.ThrowIfNull(name);
        var lower = name.ToLowerInvariant();
        if (head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b)
        {
            var plain = Inflate(head);
            var inner = lower.EndsWith(".gz", StringComparison.Ordinal) ? lower[..^3] : lower;
            return new BatchKind(FormatOf(inner, plain) ?? (IsJsonLinesName(inner) ? BatchFormat.JsonLines : IsWarcName(inner) ? BatchFormat.Warc : BatchFormat.Text), Gzip: true);
        }

        return FormatOf(lower, head) is { } format ? new BatchKind(format, Gzip: false) : null;
    }

    private static BatchFormat? FormatOf(string lowerName, ReadOnlySpan<byte> head)
    {
        var start = SkipBomAndWhitespace(head);
        var rest = head[start..];
        if (rest.StartsWith("WARC/1."u8))
        {
            return BatchFormat.Warc;
        }

        if (rest.Length == 0 || rest[0] != (byte)'{')
        {
            return null;
        }

        if (IsJsonLinesName(lowerName))
        {
            return BatchFormat.JsonLines;
        }

        var end = rest.IndexOf((byte)'\n');
        return end > 0 && IsRecordObject(rest[..end]) ? BatchFormat.JsonLines : null;
    }

    private static bool IsJsonLinesName(string lowerName) =>
        lowerName.EndsWith(".jsonl", StringComparison.Ordinal) || lowerName.EndsWith(".ndjson", StringComparison.Ordinal);

    private static bool IsWarcName(string lowerName) =>
        lowerName.EndsWith(".warc", StringComparison.Ordinal) || lowerName.EndsWith(".wet", StringComparison.Ordinal);

    private static bool IsRecordObject(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var found = false;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    var isContent = false;
                    foreach (var field in ContentFields)
                    {
                        isContent |= reader.ValueTextEquals(field);
                    }

                    reader.Read();
                    found |= isContent && reader.TokenType == JsonTokenType.String;
                    reader.Skip();
                }
            }

            return found && reader.TokenType == JsonTokenType.EndObject && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static int SkipBomAndWhitespace(ReadOnlySpan<byte> head)
    {
        var i = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        while (i < head.Length && head[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i;
    }

    // The start of a gzip's content: as much as the head's compressed bytes give (a truncated stream gives what it has).
    private static byte[] Inflate(ReadOnlySpan<byte> head)
    {
        var buffer = new byte[4096];
        var filled = 0;
        try
        {
            using var gzip = new GZipStream(new MemoryStream(head.ToArray(), writable: false), CompressionMode.Decompress);
            int read;
            while (filled < buffer.Length && (read = gzip.Read(buffer, filled, buffer.Length - filled)) > 0)
            {
                filled += read;
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
        {
            // Truncated or corrupt: sniff what came out before the fault.
        }

        return buffer[..filled];
    }
}
