using BenchmarkDotNet.Attributes;
using Sciatica.Rules.Cli;
using Sciatica.Rules;

namespace Sciatica.Rules.Benchmarks;

/// <summary>The contract end to end: profile JSON in, decision JSON out; and the CLI's batch path for one line.</summary>
[MemoryDiagnoser]
public class JsonBenchmarks
{
    private const string Profile = """{"causes":["herniatedDisc"],"affectedRoots":["l5"],"legPain":6,"backPain":3,"redFlags":[],"medicalClearance":true,"symptomsTolerateExercise":true,"landWalkingPainful":false,"poolAccess":false,"age":44,"weeksSinceSpineSurgery":null,"directionalPreference":null}""";
    private const string Invalid = """{"causes":["herniated"],"legPain":11,"backPain":3,"medicalClearance":true}""";
    private readonly ProgramSelector selector = new();

    [Benchmark(Baseline = true)]
    public string JsonInJsonOut() => SciaticaJson.WriteDecision(selector.Select(SciaticaJson.ReadProfile(Profile)));

    [Benchmark]
    public string ReadProfileOnly() => SciaticaJson.ReadProfile(Profile).Causes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Benchmark]
    public string BatchLine()
    {
        var invalid = 0;
        return Batch.Decide(selector, Profile, 1, ref invalid);
    }

    [Benchmark]
    public string BatchInvalidLine()
    {
        var invalid = 0;
        return Batch.Decide(selector, Invalid, 1, ref invalid);
    }
}
