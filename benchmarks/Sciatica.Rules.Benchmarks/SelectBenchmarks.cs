using BenchmarkDotNet.Attributes;
using Sciatica.Rules;

namespace Sciatica.Rules.Benchmarks;

/// <summary>
/// <c>Select</c> on the default catalog for the profile archetypes, each asked again and again (every call
/// evaluates every rule; the parts of the decision are shared), and the same profiles with clinician overrides
/// (<c>...WithOverrides</c>: the compiled decision, then the overrides applied to it). <see cref="PeerBenchmarks"/> has the distinct-profile rows.
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

    /// <summary>
    /// Three clinician overrides on the default catalog: for a herniated disc the first lifts a relative rule and brings
    /// an exercise back, the second names a rule that does not apply (no osteoporosis) and the third a rule that does
    /// not exclude that exercise; with osteoporosis among the causes the second is refused (an absolute rule).
    /// </summary>
    public static IReadOnlyList<ClinicianOverride> Overrides { get; } =
    [
        new() { ExerciseId = "prone-press-up", RuleId = "disc-avoid-extension", Reason = "Centralises on repeated extension in clinic." },
        new() { ExerciseId = "seated-trunk-rotation", RuleId = "osteoporosis-avoid-twisting", Reason = "Bone density reviewed." },
        new() { ExerciseId = "walking", RuleId = "irritable-nerve-avoid-tensioner", Reason = "Tolerates walking." },
    ];

    public static PatientProfile ProgramWithOverridesProfile { get; } = ProgramProfile with { ClinicianOverrides = Overrides };

    public static PatientProfile EmergencyWithOverridesProfile { get; } = EmergencyProfile with { ClinicianOverrides = Overrides };

    public static PatientProfile ManyCausesWithOverridesProfile { get; } = ManyCausesProfile with { ClinicianOverrides = Overrides };

    [GlobalSetup]
    public void Warm()
    {
        foreach (var profile in new[] { ProgramProfile, EmergencyProfile, TreatFirstProfile, ManyCausesProfile, ProgramWithOverridesProfile, EmergencyWithOverridesProfile, ManyCausesWithOverridesProfile })
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
    public ProgramDecision ProgramWithOverrides() => selector.Select(ProgramWithOverridesProfile);

    [Benchmark]
    public ProgramDecision EmergencyWithOverrides() => selector.Select(EmergencyWithOverridesProfile);

    [Benchmark]
    public ProgramDecision ManyCausesWithOverrides() => selector.Select(ManyCausesWithOverridesProfile);
}
