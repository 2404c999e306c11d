using System.Collections.Immutable;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Sciatica.Rules;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Benchmarks;

/// <summary>
/// How selection grows with the catalog: synthetic catalogs of 15 to 10,000 exercises with one contraindication
/// per ten exercises (so 1,000 rules at 10,000 exercises). <c>Select</c> evaluates every rule on every call; one
/// profile repeated shares every part of its decision with the previous call, 64 distinct mixed profiles share
/// less.
/// </summary>
[MemoryDiagnoser]
public class ScalingBenchmarks
{
    private const int Count = 64;
    private readonly PatientProfile[] profiles = MixedProfiles.Create(Count);
    private ProgramSelector selector = ProgramSelector.Default;

    [Params(15, 100, 1_000, 10_000)]
    public int Exercises { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        selector = Synthetic(Exercises);
        selector.Select(SelectBenchmarks.ManyCausesProfile);
        foreach (var profile in profiles)
        {
            selector.Select(profile);
        }
    }

    [Benchmark(Baseline = true)]
    public ProgramDecision SelectOneProfile() => selector.Select(SelectBenchmarks.ManyCausesProfile);

    [Benchmark(OperationsPerInvoke = Count)]
    public int SelectMixedProfiles()
    {
        var included = 0;
        foreach (var profile in profiles)
        {
            included += selector.Select(profile).Exercises.Count;
        }

        return included;
    }

    /// <summary>A deterministic synthetic catalog: exercises cycle through kinds and movements; contraindications through causes.</summary>
    public static ProgramSelector Synthetic(int exercises)
    {
        var movements = Enum.GetValues<MovementPattern>();
        var causes = Enum.GetValues<Cause>().Where(c => ScreeningGate.BriefMinimum(c) == DecisionKind.Program).ToArray();
        var template = ExerciseCatalog.Default.Exercises;
        var list = Enumerable.Range(0, exercises).Select(i =>
        {
            var basis = template[i % template.Count];
            return basis with
            {
                Id = string.Create(CultureInfo.InvariantCulture, $"exercise-{i:D5}"),
                Alternative = null,
                Movements = ImmutableArray.Create(basis.Movements[0], movements[i % movements.Length]).Distinct().ToEquatableArray(),
            };
        });
        var contraindications = Enumerable.Range(0, Math.Max(1, exercises / 10)).Select(i => new Contraindication
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"synthetic-{i:D5}"),
            Causes = [causes[i % causes.Length]],
            Movements = [movements[(i * 7) % movements.Length]],
            Strength = i % 3 == 0 ? ContraindicationStrength.Absolute : ContraindicationStrength.Relative,
            Rationale = "Synthetic contraindication for the scaling benchmark.",
            Source = ClinicalSources.Seed,
        });
        return new ProgramSelector(new ExerciseCatalog(list), new RuleSet("synthetic", "1.0.0", contraindications));
    }
}
