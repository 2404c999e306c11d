using BenchmarkDotNet.Running;
using Sciatica.Rules.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(SelectBenchmarks).Assembly).Run(args);
