using System.Text;
using System.Text.Json;
using Pipeline.Core.Batches;
using Pipeline.Storage.Batches;
using Pipeline.Storage.Runtime;

namespace Pipeline.Storage.Tests.Batches;

/// <summary>The fan-out's checkpoint as stored: where a resumed fan-out reads on from, in old and new checkpoints.</summary>
public sealed class FanOutCheckpointTests
{
    private static readonly BatchKind Gzip = new(BatchFormat.JsonLines, Gzip: true);
    private static readonly BatchKind Plain = new(BatchFormat.JsonLines, Gzip: false);

    private static FanOutCheckpoint Read(string json) =>
        JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(json), RuntimeJson.Default.FanOutCheckpoint)!;

    [Fact]
    public void A_gzip_checkpoint_saved_before_member_offsets_has_no_resume_point_so_it_resumes_by_skipping_records()
    {
        var old = Read("""{ "format": "jsonl+gzip", "position": 51234, "nextIndex": 300, "skipped": 0, "done": false }""");

        Assert.Equal((300L, 51234L, null, null), (old.NextIndex, old.Position, old.MemberOffset, old.MemberSkip));
        Assert.Null(old.ResumePoint(Gzip));
    }

    [Fact]
    public void A_gzip_checkpoint_resumes_at_its_member_and_skips_into_it()
    {
        var saved = new FanOutCheckpoint("jsonl+gzip", 51234, 300, 0, Done: false, MemberOffset: 20480, MemberSkip: 34);

        var roundTrip = Read(JsonSerializer.Serialize(saved, RuntimeJson.Default.FanOutCheckpoint));

        Assert.Equal(saved, roundTrip);
        Assert.Equal(new BatchResumePoint(51234, 20480, 34), roundTrip.ResumePoint(Gzip));
    }

    [Fact]
    public void An_uncompressed_checkpoint_old_or_new_resumes_at_its_position()
    {
        var old = Read("""{ "format": "jsonl", "position": 9000, "nextIndex": 100, "skipped": 0, "done": false }""");

        Assert.Equal(new BatchResumePoint(9000, 9000, 0), old.ResumePoint(Plain));
        Assert.DoesNotContain("member", JsonSerializer.Serialize(old, RuntimeJson.Default.FanOutCheckpoint), StringComparison.OrdinalIgnoreCase);
    }
}
