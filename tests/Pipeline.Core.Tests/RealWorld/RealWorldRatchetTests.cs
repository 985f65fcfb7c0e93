using Xunit.Abstractions;

namespace Pipeline.Core.Tests.RealWorld;

/// <summary>
/// Extraction quality on the real pages of <c>../shared/realworld</c> must not fall below <see cref="RealWorldThresholds"/>.
/// The set must be present: without it these tests fail rather than skip. Figures are those of
/// <c>score.py</c> on <c>pipeline process --json</c> output (see docs/quality.md).
/// </summary>
public sealed class RealWorldRatchetTests(ITestOutputHelper output)
{
    private static RealWorldScores Scores => RealWorldSet.Overall;

    [Fact]
    public void Title_does_not_fall_below_its_ratchet() => AtLeast(Scores.Title.Percent, RealWorldThresholds.Title, "title");

    [Fact]
    public void PublishedAt_does_not_fall_below_its_ratchet() =>
        AtLeast(Scores.PublishedAt.Percent, RealWorldThresholds.PublishedAt, "publishedAt");

    [Fact]
    public void Authors_do_not_fall_below_their_ratchet() => AtLeast(Scores.Authors.Percent, RealWorldThresholds.Authors, "authors");

    [Fact]
    public void Language_does_not_fall_below_its_ratchet() => AtLeast(Scores.Language.Percent, RealWorldThresholds.Language, "language");

    [Fact]
    public void Main_text_kept_does_not_fall_below_its_ratchet() =>
        AtLeast(Scores.With.Percent, RealWorldThresholds.MainTextKept, "main text kept (with)");

    [Fact]
    public void Boilerplate_removed_does_not_fall_below_its_ratchet() =>
        AtLeast(Scores.Without.Percent, RealWorldThresholds.BoilerplateRemoved, "boilerplate removed (without)");

    [Fact]
    public void Doubled_bodies_appear_once_at_least_as_often_as_before() =>
        AtLeast(Scores.Once.Percent, RealWorldThresholds.Once, "once");

    [Fact]
    public void Segment_f1_does_not_fall_below_its_ratchet() => AtLeast(Scores.F1, RealWorldThresholds.SegmentF1, "segment F1");

    /// <summary>Prints the figures, per dumper and per language (run with a detailed console logger to see them).</summary>
    [Fact]
    public void Figures_are_reported_per_dumper_and_language()
    {
        output.WriteLine("overall: " + Scores);
        foreach (var (dumper, scores) in RealWorldSet.ByDumper)
        {
            output.WriteLine($"dumper {dumper}: {scores}");
        }

        foreach (var (language, scores) in RealWorldSet.ByLanguage)
        {
            output.WriteLine($"language {language}: {scores}");
        }

        Assert.Equal(Scores.With.Scored, RealWorldSet.ByDumper.Values.Sum(s => s.With.Scored));
    }

    private void AtLeast(double actual, double threshold, string field)
    {
        output.WriteLine($"{field}: {actual:F3} (ratchet {threshold:F3}); {Scores}");
        Assert.False(double.IsNaN(actual), $"{field}: nothing was scored");
        Assert.True(actual >= threshold, $"{field} fell to {actual:F3}, below its ratchet {threshold:F3}. Overall: {Scores}");
    }
}
