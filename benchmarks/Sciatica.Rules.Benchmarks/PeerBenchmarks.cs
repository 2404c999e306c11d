using BenchmarkDotNet.Attributes;
using Sciatica.Rules.Benchmarks.Peers;
using Sciatica.Rules;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Benchmarks;

/// <summary>
/// The same decisions by every implementation over the same 64 distinct mixed profiles (<see cref="MixedProfiles"/>),
/// each engine built once and warm; each row is the mean per decision. The naive LINQ version is the baseline.
/// The differential test in the test suite checks that every peer agrees with the engine on 10,000 profiles.
/// </summary>
/// <remarks>
/// Sciatica.Rules rows: <c>Select</c> evaluates every rule on every call (there is no decision memo); its shared
/// reason lists are warm after the first pass, as in a running host. <c>SelectOneRepeated</c> asks for one profile
/// 64 times, to show that repeating a profile buys nothing. RulesEngine runs its workflow once per profile;
/// the per-exercise row is the layout an earlier version of these benchmarks used, kept and labelled as such.
/// </remarks>
[MemoryDiagnoser]
public class PeerBenchmarks
{
    private const int Count = 64;
    private readonly PatientProfile[] profiles = MixedProfiles.Create(Count);
    private readonly ProgramSelector selector = new();
    private readonly NaivePeer naive = new(RuleSet.Default, ExerciseCatalog.Default);
    private readonly RulesEnginePeer rulesEngine = new(new PeerRuleData(RuleSet.Default, ExerciseCatalog.Default));
    private readonly NRulesPeer nrules = new(new PeerRuleData(RuleSet.Default, ExerciseCatalog.Default));

    [GlobalSetup]
    public void Warm()
    {
        foreach (var profile in profiles)
        {
            selector.Select(profile);
            rulesEngine.DecideAsync(profile).AsTask().GetAwaiter().GetResult();
            rulesEngine.DecidePerExerciseAsync(profile).AsTask().GetAwaiter().GetResult();
            nrules.Decide(profile);
            naive.Decide(profile);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int NaiveLinqNoExplanations()
    {
        var included = 0;
        foreach (var profile in profiles)
        {
            included += naive.Decide(profile).Included.Count;
        }

        return included;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int SciaticaRulesSelect()
    {
        var included = 0;
        foreach (var profile in profiles)
        {
            included += selector.Select(profile).Exercises.Count;
        }

        return included;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int SciaticaRulesSelectOneRepeated()
    {
        var included = 0;
        var profile = profiles[0];
        for (var i = 0; i < Count; i++)
        {
            included += selector.Select(profile).Exercises.Count;
        }

        return included;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int RulesEngineOncePerProfile()
    {
        var included = 0;
        foreach (var profile in profiles)
        {
            included += rulesEngine.DecideAsync(profile).AsTask().GetAwaiter().GetResult().Included.Count;
        }

        return included;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int RulesEnginePerExercise()
    {
        var included = 0;
        foreach (var profile in profiles)
        {
            included += rulesEngine.DecidePerExerciseAsync(profile).AsTask().GetAwaiter().GetResult().Included.Count;
        }

        return included;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int NRules()
    {
        var included = 0;
        foreach (var profile in profiles)
        {
            included += nrules.Decide(profile).Included.Count;
        }

        return included;
    }
}
