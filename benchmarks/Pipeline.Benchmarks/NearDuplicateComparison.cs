using System.Globalization;
using System.Text;
using System.Text.Json;
using Pipeline.Core.Deduplication;
using Pipeline.Core.Documents;
using Pipeline.Core.Processing;
using Pipeline.Tests.Shared;

namespace Pipeline.Benchmarks;

/// <summary>
/// <c>near-dup</c>: scores near-duplicate rules on the labelled set (tests/Shared/NearDuplicateSet.cs): this pipeline's
/// defaults, its previous defaults, datatrove's and text-dedup's MinHash defaults, and single changes to ours.
/// <c>near-dup --write DIR</c> writes the set as files (named so that name order is the set's order) with
/// <c>labels.tsv</c>; <c>near-dup --score DIR RESULTS.jsonl</c> scores the output of <c>pipeline process DIR --json</c>.
/// </summary>
internal static class NearDuplicateComparison
{
    public static int Run(string[] args)
    {
        var set = NearDuplicateSet.Generate();
        if (args is ["--write", var folder])
        {
            Write(set, folder);
            return 0;
        }

        if (args is ["--score", var dir, var results])
        {
            Console.WriteLine(Score(set, dir, results));
            return 0;
        }

        var processor = new DocumentProcessor();
        var prepared = set.Documents.Select(d => (d.Name, Prepared: processor.Prepare(new RawInput(d.Name, Encoding.UTF8.GetBytes(d.Text))))).ToList();
        var clean = prepared.Select(p => (p.Name, Text: p.Prepared.CleanText ?? string.Empty)).ToList();
        Console.WriteLine($"{set.Documents.Count} documents, {set.Positives.Count} positive pairs, {set.Negatives.Count} hard-negative pairs");
        Console.WriteLine();
        Console.WriteLine("| rule | precision | recall | F1 | hard negatives taken |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        void Row(string rule, IReadOnlyDictionary<string, string?> decisions)
        {
            var s = NearDuplicateScorer.Evaluate(set, decisions);
            Console.WriteLine(FormattableString.Invariant($"| {rule} | {s.Precision:0.000} | {s.Recall:0.000} | {s.F1:0.000} | {s.HardNegativesPredicted} |"));
        }

        if (args is ["--misses"])
        {
            // The positives the defaults miss, with their verified similarity and shared band count.
            var ours = Ours(clean, FingerprintOptions.Default);
            var fingerprinter = new Fingerprinter();
            var matcher = new NearDuplicateMatcher();
            var text = clean.ToDictionary(c => c.Name, c => c.Text);
            var kind = set.Documents.ToDictionary(d => d.Name, d => d.Kind);
            foreach (var (x, y) in set.Positives.Where(p => ours[p.A] != p.B && ours[p.B] != p.A))
            {
                var fa = fingerprinter.Compute(text[x], out var sa);
                var fb = fingerprinter.Compute(text[y], out var sb);
                var bands = LshBands.Compute(fa.Minhash, FingerprintOptions.Default).Intersect(LshBands.Compute(fb.Minhash, FingerprintOptions.Default)).Count();
                var (value, measure) = matcher.Similarity(sa, sb);
                Console.WriteLine(FormattableString.Invariant($"{x} / {y}: {measure} {value:0.000}, {bands} shared bands, {kind[y]}; decisions {ours[x] ?? "canonical"} / {ours[y] ?? "canonical"}"));
            }

            return 0;
        }

        Row("this pipeline: 10-word shingles in paragraphs of 10+ words, 28 x 4 bands, containment (ratio <= 3) or Jaccard >= 0.65 on the sketch", Ours(clean, FingerprintOptions.Default));
        Row("previous defaults: 5-word shingles over the whole text, 14 x 8 bands, estimated Jaccard >= 0.8", Lsh(clean, 5, 14, 8, 0.8));
        Row("datatrove MinhashDedup defaults: 5-grams, 14 x 8 buckets, any shared bucket", Lsh(clean, 5, 14, 8, null));
        var (b, r) = OptimalParam(0.7, 256);
        Row($"text-dedup minhash defaults: 5-grams, 256 permutations, threshold 0.7 (b x r = {b} x {r}), any shared band", Lsh(clean, 5, b, r, null));
        Row("ours with 5-word shingles", Ours(clean, FingerprintOptions.Default with { ShingleSize = 5 }));
        Row("ours with 8-word shingles", Ours(clean, FingerprintOptions.Default with { ShingleSize = 8 }));
        Row("ours with Jaccard only (no containment)", Ours(clean, FingerprintOptions.Default with { MaxContainmentRatio = 1 }));
        Row("ours with short paragraphs kept", Ours(clean, FingerprintOptions.Default with { MinParagraphWords = 0 }));
        Row("ours with 14 x 8 bands", Ours(clean, FingerprintOptions.Default with { Bands = 14, RowsPerBand = 8 }));
        Row("ours, similarity threshold 0.55", Ours(clean, FingerprintOptions.Default with { SimilarityThreshold = 0.55 }));
        Row("ours, similarity threshold 0.75", Ours(clean, FingerprintOptions.Default with { SimilarityThreshold = 0.75 }));
        return 0;
    }

    /// <summary>This pipeline's index with <paramref name="options"/>, in the set's order.</summary>
    private static Dictionary<string, string?> Ours(List<(string Name, string Text)> clean, FingerprintOptions options)
    {
        var fingerprinter = new Fingerprinter(options);
        var index = new InMemoryDedupIndex(options);
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        var decisions = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, text) in clean)
        {
            var id = ContentId.ForText(text);
            owner.TryAdd(id, name);
            var decision = index.ClaimAsync(new DedupCandidate(id, fingerprinter.Compute(text, out var sketch), sketch, name)).AsTask().GetAwaiter().GetResult();
            decisions[name] = decision.DuplicateOf is { } of ? owner[of.Id] : null;
        }

        return decisions;
    }

    /// <summary>
    /// Plain MinHash LSH over word n-grams of the whole text (as datatrove and text-dedup shingle it): a document is a
    /// duplicate of the first earlier kept document sharing a band (the smallest index of its cluster, as both keep),
    /// confirmed by estimated Jaccard when <paramref name="threshold"/> is given.
    /// </summary>
    private static Dictionary<string, string?> Lsh(List<(string Name, string Text)> clean, int n, int bands, int rows, double? threshold)
    {
        var options = new FingerprintOptions { ShingleSize = n, MinParagraphWords = 0, Bands = bands, RowsPerBand = rows };
        var fingerprinter = new Fingerprinter(options);
        var buckets = new Dictionary<(int, ulong), List<(string Name, uint[] Minhash)>>();
        var decisions = new Dictionary<string, string?>(StringComparer.Ordinal);
        var hashes = new ulong[bands];
        foreach (var (name, text) in clean)
        {
            // One paragraph: shingles run across paragraph breaks, as in both libraries.
            var minhash = fingerprinter.Compute(text.Replace("\n\n", " ", StringComparison.Ordinal)).Minhash.ToArray();
            LshBands.ComputeHashes(minhash, options, hashes);
            string? match = null;
            for (var band = 0; band < bands && match is null; band++)
            {
                if (buckets.TryGetValue((band, hashes[band]), out var members))
                {
                    match = members.FirstOrDefault(m => threshold is null || MinHashSignature.EstimateJaccard(minhash, m.Minhash) >= threshold).Name;
                }
            }

            decisions[name] = match;
            if (match is null)
            {
                for (var band = 0; band < bands; band++)
                {
                    if (!buckets.TryGetValue((band, hashes[band]), out var members))
                    {
                        buckets[(band, hashes[band])] = members = [];
                    }

                    members.Add((name, minhash));
                }
            }
        }

        return decisions;
    }

    /// <summary>
    /// text-dedup's (and datasketch's) <c>optimal_param</c>: the bands and rows within <paramref name="permutations"/>
    /// that minimise the false-positive plus false-negative area of the S-curve around the threshold, weights 0.5 each.
    /// </summary>
    internal static (int Bands, int Rows) OptimalParam(double threshold, int permutations)
    {
        static double Integrate(Func<double, double> f, double a, double b)
        {
            const int steps = 2000;
            var h = (b - a) / steps;
            var sum = 0.5 * (f(a) + f(b));
            for (var i = 1; i < steps; i++)
            {
                sum += f(a + (i * h));
            }

            return sum * h;
        }

        var best = (Error: double.MaxValue, Bands: 0, Rows: 0);
        for (var b = 1; b <= permutations; b++)
        {
            for (var r = 1; r <= permutations / b; r++)
            {
                var fp = Integrate(s => 1 - Math.Pow(1 - Math.Pow(s, r), b), 0, threshold);
                var fn = Integrate(s => 1 - (1 - Math.Pow(1 - Math.Pow(s, r), b)), threshold, 1);
                var error = (0.5 * fp) + (0.5 * fn);
                if (error < best.Error)
                {
                    best = (error, b, r);
                }
            }
        }

        return (best.Bands, best.Rows);
    }

    private static void Write(NearDuplicateSet set, string folder)
    {
        Directory.CreateDirectory(folder);
        for (var i = 0; i < set.Documents.Count; i++)
        {
            File.WriteAllText(Path.Combine(folder, FileName(i, set.Documents[i].Name)), set.Documents[i].Text, new UTF8Encoding(false));
        }

        var labels = new StringBuilder("label\ta\tb\n");
        var file = set.Documents.Select((d, i) => (d.Name, File: FileName(i, d.Name))).ToDictionary(x => x.Name, x => x.File);
        foreach (var (a, b) in set.Positives)
        {
            labels.Append(CultureInfo.InvariantCulture, $"positive\t{file[a]}\t{file[b]}\n");
        }

        foreach (var (a, b) in set.Negatives)
        {
            labels.Append(CultureInfo.InvariantCulture, $"negative\t{file[a]}\t{file[b]}\n");
        }

        File.WriteAllText(Path.Combine(folder, "labels.tsv"), labels.ToString());
        Console.WriteLine($"Wrote {set.Documents.Count} documents and labels.tsv to {folder}");
    }

    private static string FileName(int index, string name) => string.Create(CultureInfo.InvariantCulture, $"{index:D4}-{name}");

    /// <summary>Scores the JSON Lines output of <c>pipeline process DIR --json</c> (labels.tsv is not an input: pass the .txt files).</summary>
    private static NearDuplicateScorer.Score Score(NearDuplicateSet set, string dir, string results)
    {
        var byFile = set.Documents.Select((d, i) => (d.Name, File: FileName(i, d.Name))).ToDictionary(x => x.File, x => x.Name);
        var idToName = new Dictionary<string, string>(StringComparer.Ordinal);
        var decisions = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(results).Where(l => l.Length > 0))
        {
            using var record = JsonDocument.Parse(line);
            var root = record.RootElement;
            var name = byFile[Path.GetFileName(root.GetProperty("source").GetProperty("name").GetString()!)];
            var id = root.GetProperty("id").GetString()!;
            idToName.TryAdd(id, name);
            var of = root.GetProperty("duplicateOf");
            // A canonical document without a record of its own id (its run failed after the claim) counts as a wrong link.
            decisions[name] = of.ValueKind == JsonValueKind.Object
                ? idToName.GetValueOrDefault(of.GetProperty("id").GetString()!) ?? "(no record) " + of.GetProperty("id").GetString()
                : null;
            if (root.GetProperty("status").GetString() == "failed")
            {
                Console.WriteLine($"{name}: failed, {root.GetProperty("error").GetProperty("type").GetString()}");
            }
        }

        _ = dir;
        return NearDuplicateScorer.Evaluate(set, decisions);
    }
}
