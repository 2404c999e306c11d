using BenchmarkDotNet.Attributes;
using Sciatica.Rules.Domain;
using Sciatica.Rules.Selection;

namespace Sciatica.Rules.Benchmarks;

/// <summary><c>Select</c> on the default catalog for the profile archetypes.</summary>
[MemoryDiagnoser]
public class SelectBenchmarks
{
    private readonly ProgramSelector selector = ProgramSelector.Default;

    private readonly PatientProfile program = new() { Causes = [Cause.HerniatedDisc], LegPain = 6, BackPain = 3, MedicalClearance = true };

    private readonly PatientProfile emergency = new() { Causes = [Cause.HerniatedDisc], RedFlags = [RedFlag.BladderDysfunction], LegPain = 8, BackPain = 6, MedicalClearance = true };

    private readonly PatientProfile treatFirst = new() { Causes = [Cause.Tumor], LegPain = 5, BackPain = 5, MedicalClearance = true };

    private readonly PatientProfile manyCauses = new()
    {
        Causes = [Cause.HerniatedDisc, Cause.SpinalStenosis, Cause.Osteoporosis, Cause.Spondylolisthesis, Cause.TightMuscles],
        LegPain = 5, BackPain = 4, MedicalClearance = true, LandWalkingPainful = true, PoolAccess = true,
    };

    [Benchmark(Baseline = true)]
    public ProgramDecision Program() => selector.Select(program);

    [Benchmark]
    public ProgramDecision Emergency() => selector.Select(emergency);

    [Benchmark]
    public ProgramDecision TreatFirst() => selector.Select(treatFirst);

    [Benchmark]
    public ProgramDecision ManyCauses() => selector.Select(manyCauses);
}
