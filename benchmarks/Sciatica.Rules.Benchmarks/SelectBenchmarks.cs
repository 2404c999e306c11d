using BenchmarkDotNet.Attributes;
using Sciatica.Rules;

namespace Sciatica.Rules.Benchmarks;

/// <summary>
/// <c>Select</c> on the default catalog for the profile archetypes, each asked again and again (every call
/// evaluates every rule; the parts of the decision are shared), and the general reference evaluator that clinician
/// overrides use (<c>...Evaluated</c>). <see cref="PeerBenchmarks"/> has the distinct-profile rows.
/// </summary>
[MemoryDiagnoser]
public class SelectBenchmarks
{
    private readonly ProgramSelector selector = new();

    public static PatientProfile ProgramProfile { get; } = new() { RedFlags = [], SymptomsTolerateExercise = true, Causes = [Cause.HerniatedDisc], AffectedRoots = [NerveRoot.L5], LegPain = 6, BackPain = 3, MedicalClearance = true, Age = 44 };

    public static PatientProfile EmergencyProfile { get; } = ProgramProfile with { RedFlags = [RedFlag.BladderDysfunction, RedFlag.SaddleAnesthesia] };

    public static PatientProfile TreatFirstProfile { get; } = ProgramProfile with { Causes = [Cause.Tumor] };

    public static PatientProfile ManyCausesProfile { get; } = ProgramProfile with
    {
        Causes = [Cause.HerniatedDisc, Cause.SpinalStenosis, Cause.Osteoporosis, Cause.Spondylolisthesis, Cause.TightMuscles],
        LandWalkingPainful = true,
        PoolAccess = true,
        DirectionalPreference = DirectionalPreference.Flexion,
    };

    [GlobalSetup]
    public void Warm()
    {
        foreach (var profile in new[] { ProgramProfile, EmergencyProfile, TreatFirstProfile, ManyCausesProfile })
        {
            selector.Select(profile);
        }
    }

    [Benchmark(Baseline = true)]
    public ProgramDecision Program() => selector.Select(ProgramProfile);

    [Benchmark]
    public ProgramDecision Emergency() => selector.Select(EmergencyProfile);

    [Benchmark]
    public ProgramDecision TreatFirst() => selector.Select(TreatFirstProfile);

    [Benchmark]
    public ProgramDecision ManyCauses() => selector.Select(ManyCausesProfile);

    [Benchmark]
    public ProgramDecision ProgramEvaluated() => selector.Evaluate(ProgramProfile);

    [Benchmark]
    public ProgramDecision EmergencyEvaluated() => selector.Evaluate(EmergencyProfile);

    [Benchmark]
    public ProgramDecision ManyCausesEvaluated() => selector.Evaluate(ManyCausesProfile);
}
