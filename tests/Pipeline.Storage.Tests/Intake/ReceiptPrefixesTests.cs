using Pipeline.Storage.Intake;

namespace Pipeline.Storage.Tests.Intake;

/// <summary>How a scanner narrows the receipt listings of a page of fresh blobs.</summary>
public sealed class ReceiptPrefixesTests
{
    [Fact]
    public void Names_in_sequence_are_listed_by_one_prefix_per_next_character()
    {
        var prefixes = BlobScanner.ReceiptPrefixes(["doc-0500.txt", "doc-0512.txt", "doc-0612.txt", "doc-0720.txt"]);

        Assert.Equal(["doc-05", "doc-06", "doc-07"], prefixes);
    }

    [Fact]
    public void Names_spread_over_many_next_characters_are_listed_by_their_common_prefix()
    {
        var prefixes = BlobScanner.ReceiptPrefixes(["in/a.txt", "in/b.txt", "in/c.txt", "in/d.txt", "in/e.txt"]);

        Assert.Equal(["in/"], prefixes);
    }

    [Fact]
    public void Single_name_is_listed_by_its_own_receipts_only()
    {
        var prefixes = BlobScanner.ReceiptPrefixes(["report.txt"]);

        Assert.Equal(["report.txt/"], prefixes);
    }

    [Fact]
    public void No_names_need_no_listing()
    {
        Assert.Empty(BlobScanner.ReceiptPrefixes([]));
    }

    [Fact]
    public void Prefixes_never_end_inside_a_surrogate_pair()
    {
        var grouped = BlobScanner.ReceiptPrefixes(["x\U0001F600", "xa", "xb"]);
        var common = BlobScanner.ReceiptPrefixes(["x\U0001F600.txt", "x\U0001F601.txt", "xa", "xb", "xc"]);

        Assert.All(grouped.Concat(common), p => Assert.False(char.IsHighSurrogate(p[^1])));
        Assert.Equal(["x"], common);
    }

    [Fact]
    public void Name_that_prefixes_another_keeps_its_own_group()
    {
        var prefixes = BlobScanner.ReceiptPrefixes(["a", "a.txt"]);

        Assert.Equal(["a/", "a."], prefixes);
    }
}
