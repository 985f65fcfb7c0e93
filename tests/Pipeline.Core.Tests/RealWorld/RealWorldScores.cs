namespace Pipeline.Core.Tests.RealWorld;

/// <summary>Passed and scored checks of one field.</summary>
internal sealed class Tally
{
    public int Passed { get; private set; }

    public int Scored { get; private set; }

    public double Percent => Scored == 0 ? double.NaN : 100.0 * Passed / Scored;

    public void Add(bool ok)
    {
        Scored++;
        Passed += ok ? 1 : 0;
    }

    public override string ToString() => $"{Passed}/{Scored} = {Percent:F1}%";
}

/// <summary>The figures <c>score.py</c> prints, for one set of pages (all of them, or one dumper's or language's).</summary>
internal sealed class RealWorldScores
{
    public Tally Title { get; } = new();

    public Tally PublishedAt { get; } = new();

    public Tally Authors { get; } = new();

    public Tally Language { get; } = new();

    public Tally With { get; } = new();

    public Tally Without { get; } = new();

    public Tally Once { get; } = new();

    /// <summary>Segment precision, trafilatura's way: a <c>with</c> found is a true positive, a <c>without</c> found a false positive.</summary>
    public double Precision
    {
        get
        {
            var falsePositives = Without.Scored - Without.Passed;
            return With.Passed + falsePositives == 0 ? double.NaN : (double)With.Passed / (With.Passed + falsePositives);
        }
    }

    /// <summary>Segment recall: <c>with</c> snippets found.</summary>
    public double Recall => With.Scored == 0 ? double.NaN : (double)With.Passed / With.Scored;

    /// <summary>Segment F1.</summary>
    public double F1 => Precision + Recall is var sum && sum > 0 ? 2 * Precision * Recall / sum : 0;

    public override string ToString() =>
        $"title {Title}, publishedAt {PublishedAt}, authors {Authors}, language {Language}, with {With}, without {Without}, " +
        $"once {Once}, segments P {Precision:F3} R {Recall:F3} F1 {F1:F3}";
}
