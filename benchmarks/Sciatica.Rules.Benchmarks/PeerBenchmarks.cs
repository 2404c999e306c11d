using BenchmarkDotNet.Attributes;
using Sciatica.Rules.Benchmarks.Peers;
using Sciatica.Rules;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Benchmarks;

/// <summary>
/// The same decisions (screening precedence and contraindication filtering under the default rule set)
/// by Sciatica.Rules and by the peers, over the same profiles, each engine built once and warm. The
/// differential test in the test suite checks that all three agree on 10,000 profiles.
/// </summary>
[MemoryDiagnoser]
public class PeerBenchmarks
{
    private readonly ProgramSelector selector = new();
    private readonly RulesEnginePeer rulesEngine = new(new PeerRuleData(RuleSet.Default, ExerciseCatalog.Default));
    private readonly NRulesPeer nrules = new(new PeerRuleData(RuleSet.Default, ExerciseCatalog.Default));

    [ParamsSource(nameof(Archetypes))]
    public string Archetype { get; set; } = "program";

    public static IEnumerable<string> Archetypes => ["program", "emergency", "many-causes"];

    private PatientProfile profile = SelectBenchmarks.ProgramProfile;

    [GlobalSetup]
    public void Setup()
    {
        profile = Archetype switch
        {
            "emergency" => SelectBenchmarks.EmergencyProfile,
            "many-causes" => SelectBenchmarks.ManyCausesProfile,
            _ => SelectBenchmarks.ProgramProfile,
        };
        selector.Select(profile);
        rulesEngine.DecideAsync(profile).AsTask().GetAwaiter().GetResult();
        nrules.Decide(profile);
    }

    [Benchmark(Baseline = true)]
    public DecisionKind SciaticaRules() => selector.Select(profile).Decision;

    [Benchmark]
    public DecisionKind SciaticaRulesEvaluated() => selector.Evaluate(profile).Decision;

    [Benchmark]
    public DecisionKind RulesEngine() => rulesEngine.DecideAsync(profile).AsTask().GetAwaiter().GetResult().Decision;

    [Benchmark]
    public DecisionKind NRules() => nrules.Decide(profile).Decision;
}
