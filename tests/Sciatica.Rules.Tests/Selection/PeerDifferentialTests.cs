using FsCheck.Fluent;
using Sciatica.Rules.Benchmarks.Peers;
using Sciatica.Rules.Catalogs;
using Sciatica.Rules;
using Sciatica.Rules.Tests.Properties;

namespace Sciatica.Rules.Tests.Selection;

/// <summary>
/// The peer implementations used in the benchmarks (naive LINQ, Microsoft RulesEngine and NRules) must make the same
/// decision and include the same exercises as <see cref="ProgramSelector"/>, so that the benchmarks
/// compare equal work. Clinician overrides are left out: the peers do not implement them.
/// </summary>
public sealed class PeerDifferentialTests
{
    private const int Profiles = 10_000;

    private static readonly PeerRuleData Data = new(RuleSet.Default, ExerciseCatalog.Default);

    private static IEnumerable<Sciatica.Rules.PatientProfile> Generated() =>
        Arbitraries.ProfileFor(ProgramSelector.Default).Sample(Profiles, 30).Select(p => p with { ClinicianOverrides = [] });

    private static string Expected(ProgramSelector selector, Sciatica.Rules.PatientProfile profile)
    {
        var decision = selector.Select(profile);
        return decision.Decision + ": " + string.Join(",", decision.Exercises.Select(e => e.Id).Order(StringComparer.Ordinal));
    }

    private static string Actual(PeerDecision decision) =>
        decision.Decision + ": " + string.Join(",", decision.Included.Order(StringComparer.Ordinal));

    [Fact]
    public async Task RulesEnginePeer_TenThousandProfiles_SameDecisionsAsProgramSelector()
    {
        var peer = new RulesEnginePeer(Data);
        var selector = new ProgramSelector();
        var programs = 0;
        foreach (var profile in Generated())
        {
            var expected = Expected(selector, profile);
            Assert.Equal(expected, Actual(await peer.DecideAsync(profile)));
            programs += expected.StartsWith("Program", StringComparison.Ordinal) ? 1 : 0;
        }

        Assert.InRange(programs, Profiles / 5, Profiles);
    }

    [Fact]
    public async Task RulesEnginePeerPerExercise_TwoThousandProfiles_SameDecisionsAsProgramSelector()
    {
        var peer = new RulesEnginePeer(Data);
        var selector = new ProgramSelector();
        foreach (var profile in Generated().Take(2_000))
        {
            Assert.Equal(Expected(selector, profile), Actual(await peer.DecidePerExerciseAsync(profile)));
        }
    }

    [Fact]
    public void NaivePeer_TenThousandProfilesAndTheBenchmarkMix_SameDecisionsAsProgramSelector()
    {
        var peer = new NaivePeer(RuleSet.Default, ExerciseCatalog.Default);
        var selector = new ProgramSelector();
        foreach (var profile in Generated().Concat(Sciatica.Rules.Benchmarks.MixedProfiles.Create(1_000)))
        {
            Assert.Equal(Expected(selector, profile), Actual(peer.Decide(profile)));
        }
    }

    [Fact]
    public void NRulesPeer_TenThousandProfiles_SameDecisionsAsProgramSelector()
    {
        var peer = new NRulesPeer(Data);
        var selector = new ProgramSelector();
        foreach (var profile in Generated())
        {
            Assert.Equal(Expected(selector, profile), Actual(peer.Decide(profile)));
        }
    }
}
