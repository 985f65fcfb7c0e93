using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Pipeline.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Pipeline.Benchmarks.CoreBenchmarks).Assembly).Run(args);
