using System.IO.Compression;
using System.Text;
using Pipeline.Core.Batches;
using Pipeline.Core.Documents;
using static Pipeline.Tests.Shared.BatchFiles;

namespace Pipeline.Core.Tests.Batches;

/// <summary>Multi-member gzip read with each member's offsets known, and read on from a member instead of from the start.</summary>
public sealed class GzipMemberTests
{
    private static readonly BatchKind JsonLinesGzip = new(BatchFormat.JsonLines, Gzip: true);

    // Three records per member, so a record can be the first of its member or inside it.
    private static (byte[] Bytes, long[] MemberStarts, long[] RecordStarts, string[] Texts) Members(int members)
    {
        var parts = new List<byte[]>();
        var memberStarts = new List<long>();
        var recordStarts = new List<long>();
        var texts = new List<string>();
        long compressed = 0, plain = 0;
        for (var m = 0; m < members; m++)
        {
            var lines = new StringBuilder();
            for (var r = 0; r < 3; r++)
            {
                var text = $"record {texts.Count} of member {m} {new string('z', (m * 7 + r) % 50)}";
                recordStarts.Add(plain + Encoding.UTF8.GetByteCount(lines.ToString()));
                lines.Append(JsonLine(("text", text))).Append('\n');
                texts.Add(text);
            }

            var part = Gzip(Utf8(lines.ToString()));
            memberStarts.Add(compressed);
            compressed += part.Length;
            plain += Encoding.UTF8.GetByteCount(lines.ToString());
            parts.Add(part);
        }

        return ([.. parts.SelectMany(p => p)], [.. memberStarts], [.. recordStarts], [.. texts]);
    }

    private static async Task<List<(BatchResumePoint Point, BatchRecord Record)>> ReadWithPointsAsync(BatchReader reader)
    {
        var records = new List<(BatchResumePoint, BatchRecord)>();
        while (true)
        {
            var point = reader.ResumePoint;
            if (await reader.ReadAsync() is not { } record)
            {
                return records;
            }

            records.Add((point, record));
        }
    }

    [Fact]
    public async Task The_reader_reports_for_each_record_the_compressed_start_of_its_member_and_its_offset_inside_it()
    {
        var (bytes, memberStarts, recordStarts, _) = Members(40);

        var read = await ReadWithPointsAsync(BatchReader.Open(new MemoryStream(bytes), JsonLinesGzip));

        Assert.Equal(120, read.Count);
        Assert.Equal(recordStarts, read.Select(r => r.Point.Position));
        Assert.Equal(Enumerable.Range(0, 120).Select(i => memberStarts[i / 3]), read.Select(r => r.Point.StreamOffset));
        Assert.Equal(Enumerable.Range(0, 120).Select(i => recordStarts[i] - recordStarts[i / 3 * 3]), read.Select(r => r.Point.Skip));
    }

    [Fact]
    public async Task Reading_from_a_member_offset_gives_exactly_the_remaining_records()
    {
        var (bytes, _, _, texts) = Members(40);
        var reader = BatchReader.Open(new MemoryStream(bytes), JsonLinesGzip);
        for (var i = 0; i < 62; i++)
        {
            await reader.ReadAsync();
        }

        var point = reader.ResumePoint;
        var resumed = await BatchReader.ResumeAsync(new MemoryStream(bytes[(int)point.StreamOffset..]), JsonLinesGzip, point, firstIndex: 62, skipped: 0);
        var rest = await ReadWithPointsAsync(resumed);

        Assert.True(point.StreamOffset > 0 && point.Skip > 0, $"{point}");
        Assert.Equal(texts[62..], rest.Select(r => r.Record.Text));
        Assert.Equal(Enumerable.Range(62, 58).Select(i => (long)i), rest.Select(r => r.Record.Index));
        Assert.All(rest, r => Assert.Null(r.Record.Rejection));
    }

    [Fact]
    public async Task A_single_member_gzip_resumes_from_its_only_member_at_the_start()
    {
        var lines = string.Concat(Enumerable.Range(0, 50).Select(i => JsonLine(("text", $"line {i}")) + "\n"));
        var bytes = Gzip(Utf8(lines));
        var reader = BatchReader.Open(new MemoryStream(bytes), JsonLinesGzip);
        for (var i = 0; i < 20; i++)
        {
            await reader.ReadAsync();
        }

        var point = reader.ResumePoint;
        var rest = await ReadWithPointsAsync(await BatchReader.ResumeAsync(new MemoryStream(bytes), JsonLinesGzip, point, firstIndex: 20, skipped: 0));

        Assert.Equal((0L, point.Position), (point.StreamOffset, point.Skip));
        Assert.Equal(Enumerable.Range(20, 30).Select(i => $"line {i}"), rest.Select(r => r.Record.Text));
    }

    [Fact]
    public async Task The_member_stream_decompresses_what_gzip_stream_does_across_members_and_buffer_boundaries()
    {
        var random = new Random(11);
        var parts = Enumerable.Range(0, 30).Select(i =>
        {
            var part = new byte[random.Next(0, 200_000)];
            for (var j = 0; j < part.Length; j++)
            {
                part[j] = (byte)(random.Next(4) == 0 ? random.Next(256) : 'a' + (j % 7));
            }

            return part;
        }).ToArray();
        var bytes = GzipMembers(parts);

        using var ours = new MemoryStream();
        await new GzipMemberStream(new MemoryStream(bytes)).CopyToAsync(ours, 7919);

        Assert.Equal(parts.SelectMany(p => p).ToArray(), ours.ToArray());
    }

    [Fact]
    public async Task A_member_header_with_a_name_a_comment_an_extra_field_and_a_header_crc_is_read()
    {
        var plain = Gzip(Utf8("{\"text\":\"named\"}\n"));
        byte[] header = [.. plain[..3], 0x02 | 0x04 | 0x08 | 0x10, .. plain[4..10], 3, 0, 1, 2, 3, .. "crawl.jsonl\0"u8, .. "a comment\0"u8, 0xAB, 0xCD];
        byte[] bytes = [.. header, .. plain[10..], .. Gzip(Utf8("{\"text\":\"next\"}\n"))];

        var read = await ReadWithPointsAsync(BatchReader.Open(new MemoryStream(bytes), JsonLinesGzip));

        Assert.Equal(["named", "next"], read.Select(r => r.Record.Text));
        Assert.Equal(header.Length + plain.Length - 10, read[1].Point.StreamOffset);
    }

    [Fact]
    public async Task A_member_whose_crc_does_not_match_ends_the_batch_in_a_truncated_record()
    {
        var first = Gzip(Utf8("{\"text\":\"good\"}\n"));
        var second = Gzip(Utf8("{\"text\":\"bad crc\"}\n"));
        second[^8] ^= 0xFF;

        var read = await ReadWithPointsAsync(BatchReader.Open(new MemoryStream([.. first, .. second]), JsonLinesGzip));

        Assert.Equal("good", read[0].Record.Text);
        Assert.Equal(RejectionReasons.Truncated, read[^1].Record.Rejection?.Reason);
        Assert.Contains("CRC-32", read[^1].Record.Rejection!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gzip_stream_output_read_by_the_member_stream_equals_the_input_at_every_compression_level()
    {
        var text = Utf8(string.Concat(Enumerable.Range(0, 5000).Select(i => $"line {i} {i * 31 % 977}\n")));
        foreach (var level in new[] { CompressionLevel.NoCompression, CompressionLevel.Fastest, CompressionLevel.Optimal, CompressionLevel.SmallestSize })
        {
            using var compressed = new MemoryStream();
            using (var gzip = new GZipStream(compressed, level, leaveOpen: true))
            {
                gzip.Write(text);
            }

            using var ours = new MemoryStream();
            await new GzipMemberStream(new MemoryStream(compressed.ToArray())).CopyToAsync(ours);
            Assert.Equal(text, ours.ToArray());
        }
    }
}
