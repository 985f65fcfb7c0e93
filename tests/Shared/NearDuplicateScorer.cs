namespace Pipeline.Tests.Shared;

/// <summary>
/// Scores dedup decisions on a <see cref="NearDuplicateSet"/>: each duplicate decision is a predicted pair (the document
/// and the one it duplicates). A predicted pair is right when it is a labelled positive; any other is a false positive
/// (a labelled hard negative or not). A positive is found when the decisions link its two documents directly.
/// </summary>
internal static class NearDuplicateScorer
{
    /// <summary>Precision, recall and F1 of a run, with the counts behind them.</summary>
    public sealed record Score(int Predicted, int Correct, int Positives, int Found, int HardNegativesPredicted)
    {
        public double Precision => Predicted == 0 ? 1 : (double)Correct / Predicted;

        public double Recall => Positives == 0 ? 1 : (double)Found / Positives;

        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

        public override string ToString() =>
            FormattableString.Invariant($"precision {Precision:0.000}, recall {Recall:0.000}, F1 {F1:0.000} ({Found} of {Positives} positives found; {Predicted} duplicate decisions, {Predicted - Correct} wrong, {HardNegativesPredicted} on labelled hard negatives)");
    }

    /// <summary>Scores decisions given as document name -> name of the document it duplicates (null when canonical).</summary>
    public static Score Evaluate(NearDuplicateSet set, IReadOnlyDictionary<string, string?> duplicateOf)
    {
        static (string, string) Key(string a, string b) => string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
        var positives = set.Positives.Select(p => Key(p.A, p.B)).ToHashSet();
        var negatives = set.Negatives.Select(p => Key(p.A, p.B)).ToHashSet();
        var predicted = duplicateOf.Where(d => d.Value is not null).Select(d => Key(d.Key, d.Value!)).ToList();
        var linked = predicted.ToHashSet();
        return new Score(
            predicted.Count,
            predicted.Count(positives.Contains),
            positives.Count,
            positives.Count(linked.Contains),
            predicted.Count(negatives.Contains));
    }
}
