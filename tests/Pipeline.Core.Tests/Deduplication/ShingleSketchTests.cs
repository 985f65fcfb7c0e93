using Pipeline.Core.Deduplication;

namespace Pipeline.Core.Tests.Deduplication;

public sealed class ShingleSketchTests
{
    private static uint[] Hashes(int seed, int count)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (uint)random.NextInt64(uint.MaxValue)).ToArray();
    }

    [Fact]
    public void Small_sets_are_kept_whole_sorted_and_distinct()
    {
        var sketch = ShingleSketch.Create([5, 3, 5, 1], 64);
        Assert.Equal([1u, 3u, 5u], sketch.Values.ToArray());
        Assert.Equal(0, sketch.Level);
    }

    [Fact]
    public void Large_sets_keep_a_hash_value_sample_within_the_bound()
    {
        var sketch = ShingleSketch.Create(Hashes(1, 10_000), 2048);
        Assert.InRange(sketch.Count, 1024, 2048);
        Assert.True(sketch.Level >= 1);
        Assert.All(sketch.Values.ToArray(), v => Assert.True(v < 1u << (32 - sketch.Level)));
    }

    [Fact]
    public void Sketches_at_different_levels_are_compared_on_the_same_sample()
    {
        // b holds a's 8,000 hashes and 8,000 more: the true containment of a in b is 1, the Jaccard 0.5.
        var a = Hashes(2, 8_000);
        var b = a.Concat(Hashes(3, 8_000)).ToArray();
        var (shared, left, right) = ShingleSketch.Compare(ShingleSketch.Create(a.ToArray(), 2048), ShingleSketch.Create(b, 2048));
        Assert.Equal(left, shared);
        Assert.InRange((double)shared / (left + right - shared), 0.45, 0.55);
    }

    [Fact]
    public void Bytes_round_trip()
    {
        var sketch = ShingleSketch.Create(Hashes(4, 5_000), 1000);
        var back = ShingleSketch.FromBytes(sketch.ToBytes());
        Assert.Equal(sketch.Level, back.Level);
        Assert.Equal(sketch.Values.ToArray(), back.Values.ToArray());
    }

    [Fact]
    public void Bytes_that_are_not_a_sketch_are_refused()
    {
        Assert.Throws<FormatException>(() => ShingleSketch.FromBytes([1, 2, 3]));
    }
}
