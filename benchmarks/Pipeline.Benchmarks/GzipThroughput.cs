using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Pipeline.Core.Batches;

namespace Pipeline.Benchmarks;

/// <summary>
/// Decompression throughput of the batch readers' gzip reader (<see cref="GzipMemberStream"/>, which knows member offsets)
/// against <see cref="GZipStream"/> on a multi-member gzip of JSON Lines as Common Crawl writes it (one member per record).
/// A Stopwatch harness, not BenchmarkDotNet: each round reads the whole file from memory; rounds alternate between the two
/// readers so that load from elsewhere on the machine hits both alike; the best round of each is reported.
/// </summary>
internal static class GzipThroughput
{
    public static int Run(string[] args)
    {
        var megabytes = args is [var mb, ..] ? int.Parse(mb, CultureInfo.InvariantCulture) : 100;
        var rounds = args is [_, var r, ..] ? int.Parse(r, CultureInfo.InvariantCulture) : 5;
        var (compressed, plainLength, members) = Build(megabytes * 1024L * 1024L);
        Console.WriteLine($"{members} members, {plainLength / 1e6:F1} MB decompressed, {compressed.Length / 1e6:F1} MB compressed");
        var buffer = new byte[64 * 1024];
        double bestGzip = double.MaxValue, bestOurs = double.MaxValue;
        for (var round = 0; round < rounds; round++)
        {
            bestGzip = Math.Min(bestGzip, Time(new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress), buffer, plainLength));
            bestOurs = Math.Min(bestOurs, Time(new GzipMemberStream(new MemoryStream(compressed)), buffer, plainLength));
        }

        Console.WriteLine($"GZipStream:       {plainLength / 1e6 / bestGzip:F0} MB/s decompressed (best of {rounds}, {bestGzip:F2} s)");
        Console.WriteLine($"GzipMemberStream: {plainLength / 1e6 / bestOurs:F0} MB/s decompressed (best of {rounds}, {bestOurs:F2} s), {bestGzip / bestOurs:P0} of GZipStream");
        return 0;
    }

    private static double Time(Stream stream, byte[] buffer, long expected)
    {
        var clock = Stopwatch.StartNew();
        long total = 0;
        int read;
        using (stream)
        {
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += read;
            }
        }

        return total == expected ? clock.Elapsed.TotalSeconds : throw new InvalidOperationException($"read {total} bytes, expected {expected}");
    }

    // Records of 1 to 8 KB of news-like text, one gzip member each (Optimal, as Common Crawl's writers use).
    private static (byte[] Compressed, long PlainLength, int Members) Build(long targetPlain)
    {
        var random = new Random(16);
        var words = NewsText.Texts.SelectMany(t => t.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)).Where(w => w.All(char.IsLetter)).Distinct().ToArray();
        using var output = new MemoryStream();
        long plain = 0;
        var members = 0;
        var line = new StringBuilder();
        while (plain < targetPlain)
        {
            line.Clear().Append("{\"url\":\"https://news.example/").Append(members).Append("\",\"text\":\"");
            var length = random.Next(1000, 8000);
            while (line.Length < length)
            {
                line.Append(words[random.Next(words.Length)]).Append(random.Next(12) == 0 ? ". " : " ");
            }

            var bytes = Encoding.UTF8.GetBytes(line.Append("\"}\n").ToString());
            using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
            {
                gzip.Write(bytes);
            }

            plain += bytes.Length;
            members++;
        }

        return (output.ToArray(), plain, members);
    }
}
