using System.IO.Compression;
using System.Text;

namespace Pipeline.Tests.Shared;

/// <summary>Batch files as scrapers and Common Crawl write them, made in memory for the tests.</summary>
public static class BatchFiles
{
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>One gzip member per part (Common Crawl writes one member per record).</summary>
    public static byte[] GzipMembers(params byte[][] parts)
    {
        using var output = new MemoryStream();
        foreach (var part in parts)
        {
            using var member = new MemoryStream();
            using (var gzip = new GZipStream(member, CompressionLevel.Fastest, leaveOpen: true))
            {
                gzip.Write(part);
            }

            output.Write(member.ToArray());
        }

        return output.ToArray();
    }

    public static byte[] Gzip(byte[] content) => GzipMembers(content);

    /// <summary>One WARC/1.0 record: version line, headers, a blank line, the block, two line breaks.</summary>
    public static byte[] WarcRecord(string type, string? uri, string? date, byte[] block, string? contentType = null)
    {
        var header = new StringBuilder();
        header.Append("WARC/1.0\r\n");
        header.Append($"WARC-Type: {type}\r\n");
        if (uri is not null)
        {
            header.Append($"WARC-Target-URI: {uri}\r\n");
        }

        header.Append($"WARC-Date: {date ?? "2024-03-05T10:00:00Z"}\r\n");
        header.Append($"WARC-Record-ID: <urn:uuid:{Guid.NewGuid()}>\r\n");
        if (contentType is not null)
        {
            header.Append($"Content-Type: {contentType}\r\n");
        }

        header.Append($"Content-Length: {block.Length}\r\n\r\n");
        return [.. Encoding.UTF8.GetBytes(header.ToString()), .. block, .. "\r\n\r\n"u8];
    }

    public static byte[] WarcInfo() => WarcRecord("warcinfo", null, null, Utf8("software: tests\r\nformat: WARC File Format 1.0\r\n"), "application/warc-fields");

    public static byte[] WetConversion(string uri, string text) => WarcRecord("conversion", uri, null, Utf8(text), "text/plain");

    public static byte[] WarcResponse(string uri, string html, int status = 200, string contentType = "text/html; charset=utf-8") =>
        WarcRecord("response", uri, null, [.. Utf8($"HTTP/1.1 {status} OK\r\nContent-Type: {contentType}\r\nServer: test\r\n\r\n"), .. Utf8(html)], "application/http; msgtype=response");

    public static byte[] WarcRequest(string uri) =>
        WarcRecord("request", uri, null, Utf8($"GET / HTTP/1.1\r\nHost: {new Uri(uri).Host}\r\n\r\n"), "application/http; msgtype=request");

    public static string Article(int n) =>
        $"Harbour council approves plan number {n}\n\nThe harbour council voted on Tuesday to approve plan {n} for the old quay, " +
        $"after a debate that lasted most of the evening and drew residents from across the town.\n\n" +
        $"Supporters said plan {n} would bring new jobs to the waterfront, while opponents warned about traffic and the cost of the works, " +
        $"which the council put at {n * 3 + 7} million.\n\nThe works are due to start next spring and last about two years.";

    private static readonly string[] Words =
    [
        "river", "council", "market", "harbour", "bridge", "teacher", "engine", "garden", "station", "winter", "farmer", "budget",
        "library", "museum", "village", "tunnel", "ferry", "orchard", "factory", "island", "meadow", "school", "doctor", "miner",
        "painter", "baker", "storm", "summer", "autumn", "valley", "forest", "castle", "tower", "street", "square", "theatre",
        "concert", "festival", "election", "mayor", "minister", "report", "survey", "contract", "railway", "airport", "hospital",
        "clinic", "nurse", "patient", "student", "lecture", "harvest", "price", "wage", "pension", "cyclist", "driver", "pilot",
        "sailor", "boat", "dock", "crane", "warehouse", "shop", "customer", "tenant", "court", "judge", "witness", "lawyer",
    ];

    private static readonly string[] Verbs = ["said", "approved", "rejected", "visited", "opened", "closed", "praised", "questioned", "announced", "delayed"];

    /// <summary>An article of random sentences: no two share shingles, so they are neither exact nor near copies.</summary>
    public static string RandomArticle(Random random, int number)
    {
        ArgumentNullException.ThrowIfNull(random);
        var text = new StringBuilder();
        text.Append("Report number ").Append(number).Append(" on the ").Append(Pick(random, Words)).Append(' ').Append(Pick(random, Words)).Append("\n\n");
        for (var paragraph = 0; paragraph < 4; paragraph++)
        {
            for (var sentence = 0; sentence < 4; sentence++)
            {
                text.Append("The ").Append(Pick(random, Words)).Append(' ').Append(Pick(random, Verbs)).Append(" that the ").Append(Pick(random, Words))
                    .Append(" and the ").Append(Pick(random, Words)).Append(" of the ").Append(Pick(random, Words)).Append(" were ")
                    .Append(Pick(random, Verbs)).Append(" by a ").Append(Pick(random, Words)).Append(" from the ").Append(Pick(random, Words)).Append(". ");
            }

            text.Length--;
            text.Append("\n\n");
        }

        return text.ToString().TrimEnd() + "\n";
    }

    /// <summary>One JSON Lines line (no newline) of an object with the given fields.</summary>
    public static string JsonLine(params (string Key, object? Value)[] fields) =>
        System.Text.Json.JsonSerializer.Serialize(fields.ToDictionary(f => f.Key, f => f.Value));

    private static string Pick(Random random, string[] words) => words[random.Next(words.Length)];
}
