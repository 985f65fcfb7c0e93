using Pipeline.Core.Deduplication;

namespace Pipeline.Core.Tests.Deduplication;

public sealed class RadixSortTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(1_000)]
    [InlineData(1_536)]
    [InlineData(20_000)]
    public void Sorts_like_a_comparison_sort(int count)
    {
        var random = new Random(count);
        var values = Enumerable.Range(0, count).Select(_ => (uint)random.NextInt64(1L << 32)).ToArray();
        var expected = values.Order().ToArray();

        RadixSort.Sort(values);

        Assert.Equal(expected, values);
    }

    [Fact]
    public void Keeps_repeats_and_the_extreme_values()
    {
        var values = Enumerable.Repeat(new uint[] { uint.MaxValue, 0, 1u << 22, 1u << 11, 5, 5 }, 500).SelectMany(v => v).ToArray();
        var expected = values.Order().ToArray();

        RadixSort.Sort(values);

        Assert.Equal(expected, values);
    }
}
