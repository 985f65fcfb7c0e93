using System.Diagnostics;
using BenchmarkDotNet.Running;
using Pipeline.Core.Metadata.Languages;

// dotnet run -c Release --project benchmarks/Pipeline.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/Pipeline.Benchmarks -- lingua-load   (one-time model load, cold process)
// dotnet run -c Release --project benchmarks/Pipeline.Benchmarks -- near-dup      (near-duplicate rules scored on the labelled set)
// dotnet run -c Release --project benchmarks/Pipeline.Benchmarks -- gzip-read [MB] [ROUNDS]   (batch gzip reader against GZipStream)
if (args is ["near-dup", .. var rest])
{
    return Pipeline.Benchmarks.NearDuplicateComparison.Run(rest);
}

if (args is ["gzip-read", .. var gzipArgs])
{
    return Pipeline.Benchmarks.GzipThroughput.Run(gzipArgs);
}

if (args is ["lingua-load"])
{
    var clock = Stopwatch.StartNew();
    new LinguaLanguageDetector().Detect("Ceci est une phrase assez courte pour que le détecteur statistique soit appelé.");
    var first = clock.Elapsed;
    clock.Restart();
    new LinguaLanguageDetector().Detect("Ceci est une autre phrase, et le modèle est déjà chargé en mémoire.");
    Console.WriteLine($"Lingua first detection (model load included): {first.TotalMilliseconds:F0} ms; next detection: {clock.Elapsed.TotalMilliseconds:F2} ms");
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(Pipeline.Benchmarks.CoreBenchmarks).Assembly).Run(args);
return 0;
