using Pipeline.Core.Deduplication;

namespace Pipeline.Core.Tests.Deduplication;

public sealed class StableHashTests
{
    private static ulong[] Words(int count)
    {
        var random = new Random(count);
        return Enumerable.Range(0, count).Select(_ => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 40)).ToArray();
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 40)]
    [InlineData(10, 10)]
    [InlineData(10, 37)]
    [InlineData(10, 300)]
    public void Window_hashes_are_the_combination_of_each_window(int size, int words)
    {
        var hashes = Words(words);
        var output = new ulong[words - size + 1];

        StableHash.CombineWindows(hashes, size, output);

        Assert.Equal(Enumerable.Range(0, output.Length).Select(s => StableHash.Combine(hashes.AsSpan(s, size))), output);
    }

    [Fact]
    public void A_text_shorter_than_a_shingle_is_one_shingle_of_all_its_words()
    {
        var hashes = Words(4);
        var output = new ulong[8];

        var written = StableHash.Shingles(hashes, 10, 0, output);

        Assert.Equal(1, written);
        Assert.Equal(StableHash.Combine(hashes), output[0]);
    }

    [Fact]
    public void Shingles_are_written_in_chunks_that_continue_where_the_last_stopped()
    {
        var hashes = Words(100);
        var chunk = new ulong[16];
        var all = new List<ulong>();

        for (int s = 0, n; (n = StableHash.Shingles(hashes, 10, s, chunk)) > 0; s += n)
        {
            all.AddRange(chunk.Take(n));
        }

        Assert.Equal(Enumerable.Range(0, 91).Select(s => StableHash.Combine(hashes.AsSpan(s, 10))), all);
    }

    [Fact]
    public void An_empty_text_has_no_shingles()
    {
        Assert.Equal(0, StableHash.Shingles([], 10, 0, new ulong[4]));
    }
}
