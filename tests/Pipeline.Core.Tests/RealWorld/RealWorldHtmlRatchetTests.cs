using Xunit.Abstractions;

namespace Pipeline.Core.Tests.RealWorld;

/// <summary>
/// Extraction quality on the real pages' original HTML (<c>../shared/realworld/html</c>) must not fall below
/// <see cref="RealWorldHtmlThresholds"/>. The same labels as the text dumps; figures as <c>score.py</c> gives them on
/// <c>pipeline process --json</c> output of <c>html/</c> (see docs/quality.md).
/// </summary>
public sealed class RealWorldHtmlRatchetTests(ITestOutputHelper output)
{
    private static RealWorldScores Scores => RealWorldSet.HtmlOverall;

    [Fact]
    public void Html_title_does_not_fall_below_its_ratchet() => AtLeast(Scores.Title.Percent, RealWorldHtmlThresholds.Title, "title");

    [Fact]
    public void Html_publishedAt_does_not_fall_below_its_ratchet() =>
        AtLeast(Scores.PublishedAt.Percent, RealWorldHtmlThresholds.PublishedAt, "publishedAt");

    [Fact]
    public void Html_authors_do_not_fall_below_their_ratchet() => AtLeast(Scores.Authors.Percent, RealWorldHtmlThresholds.Authors, "authors");

    [Fact]
    public void Html_language_does_not_fall_below_its_ratchet() =>
        AtLeast(Scores.Language.Percent, RealWorldHtmlThresholds.Language, "language");

    [Fact]
    public void Html_main_text_kept_does_not_fall_below_its_ratchet() =>
        AtLeast(Scores.With.Percent, RealWorldHtmlThresholds.MainTextKept, "main text kept (with)");

    [Fact]
    public void Html_boilerplate_removed_does_not_fall_below_its_ratchet() =>
        AtLeast(Scores.Without.Percent, RealWorldHtmlThresholds.BoilerplateRemoved, "boilerplate removed (without)");

    [Fact]
    public void Html_segment_f1_does_not_fall_below_its_ratchet() => AtLeast(Scores.F1, RealWorldHtmlThresholds.SegmentF1, "segment F1");

    private void AtLeast(double actual, double threshold, string field)
    {
        output.WriteLine($"html {field}: {actual:F3} (ratchet {threshold:F3}); {Scores}");
        Assert.False(double.IsNaN(actual), $"{field}: nothing was scored");
        Assert.True(actual >= threshold, $"html {field} fell to {actual:F3}, below its ratchet {threshold:F3}. Overall: {Scores}");
    }
}
