using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Sciatica.Rules.Catalogs;
using Sciatica.Rules.Tests.Reference;

namespace Sciatica.Rules.Tests.Properties;

/// <summary>
/// The compiled evaluator (rules as bit masks over the person's facts, exclusions as exercise bitsets, shared
/// reason lists) decides exactly as the general evaluator, which applies each rule's predicate as written.
/// </summary>
public sealed class CompiledEvaluatorTests
{
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 200, QuietOnSuccess = true)]
    public Property LargeCatalogs_CompiledEqualsReference() =>
        Prop.ForAll(
            (from world in Arbitraries.LargeWorld()
             from profiles in Gen.ListOf(Arbitraries.ProfileFor(world), 5)
             select (world, profiles)).ToArbitrary(),
            pair =>
            {
                foreach (var profile in pair.profiles)
                {
                    Assert.Equal(ReferenceEvaluator.Decide(pair.world, profile), pair.world.Select(profile));
                }
            });

    /// <summary>
    /// The one evaluator in production decides as the oracle for worlds any catalog document could give, with clinician
    /// overrides: the decision and its timeframe, the included exercises with their dosage, the excluded ones with their
    /// reasons, and the rules that fired (overrides' reasons among them), each compared on its own so that a failure
    /// names the part that differs. Asked twice, so that a decision built from shared parts is compared as well.
    /// </summary>
    [SafetyProperty]
    public Property WithOverrides_AnyLoadableWorld_CompiledDecidesAsTheReference() =>
        Prop.ForAll(OverrideWorlds.Cases(), c =>
        {
            var expected = ReferenceEvaluator.Decide(c.Selector, c.Profile);
            foreach (var actual in new[] { c.Selector.Select(c.Profile), c.Selector.Select(c.Profile) })
            {
                Assert.Equal(expected.Decision, actual.Decision);
                Assert.Equal(expected.Timeframe, actual.Timeframe);
                Assert.Equal(expected.Exercises.Select(e => (e.Id, e.Dosage)), actual.Exercises.Select(e => (e.Id, e.Dosage)));
                Assert.Equal(expected.Excluded, actual.Excluded);
                Assert.Equal(expected.Reasons, actual.Reasons);
                Assert.Equal(expected, actual);
            }
        });

    [SafetyProperty]
    public void DecisionJson_CompactFromSharedFragmentsAndIndented_SameBytesAsTheSerializer(Scenario s)
    {
        var decision = s.Decide();
        var expected = System.Text.Json.JsonSerializer.Serialize(decision, ContractJson.Compact.ProgramDecision);

        Assert.Equal(expected, SciaticaJson.WriteDecision(decision));
        var bytes = new System.Buffers.ArrayBufferWriter<byte>();
        SciaticaJson.WriteDecisionUtf8(decision, bytes);
        Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(bytes.WrittenSpan));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(decision, ContractJson.Indented.ProgramDecision), SciaticaJson.WriteDecision(decision, indented: true));
    }

    [Fact]
    public void MoreThanSixtyFourScreeningRules_CompiledEqualsReference()
    {
        // Extra emergency gates on every red flag and cause: the screening rules no longer fit one 64-bit word.
        IEnumerable<ScreeningGate> Extra(string prefix) =>
            Enum.GetValues<RedFlag>().Select(f => new ScreeningGate { Id = $"{prefix}-flag-{(int)f}", RedFlag = f, Decision = DecisionKind.Emergency, Rationale = "Generated.", Source = ClinicalSources.Tbc })
                .Concat(Enum.GetValues<Cause>().Select(c => new ScreeningGate { Id = $"{prefix}-cause-{(int)c}", Cause = c, Decision = DecisionKind.Emergency, Rationale = "Generated.", Source = ClinicalSources.Tbc }));
        var ruleSet = new RuleSet("many-gates", "1.0.0", RuleSet.Default.Contraindications, RuleSet.Default.Thresholds, [.. RuleSet.Default.Screening, .. Extra("extra"), .. Extra("again")]);
        var selector = new ProgramSelector(ExerciseCatalog.Default, ruleSet);
        Assert.True(ruleSet.BuiltIns.Screening.Length > 64, $"{ruleSet.BuiltIns.Screening.Length} screening rules");

        foreach (var profile in Sciatica.Rules.Benchmarks.MixedProfiles.Create(200).Append(Profiles.WithFlags(RedFlag.ProlongedCorticosteroidUse)).Append(Profiles.With(Cause.Unknown)))
        {
            Assert.Equal(ReferenceEvaluator.Decide(selector, profile), selector.Select(profile));
        }
    }

    [Theory]
    [InlineData(15)]
    [InlineData(1_000)]
    public void BenchmarkCatalogs_BuildAndCompiledEqualsReference(int exercises)
    {
        // The scaling benchmark's synthetic catalogs (1,000 exercises: 100 rules, two words of rule bits) and its profiles.
        var selector = Sciatica.Rules.Benchmarks.ScalingBenchmarks.Synthetic(exercises);

        foreach (var profile in Sciatica.Rules.Benchmarks.MixedProfiles.Create(64))
        {
            Assert.Equal(ReferenceEvaluator.Decide(selector, profile), selector.Select(profile));
        }
    }

    [Fact]
    public void SharedParts_SameReasonsShareOneList_DecisionsStillDistinctObjects()
    {
        var selector = new ProgramSelector();
        var first = selector.Select(Profiles.With(Cause.HerniatedDisc) with { Age = 44 });
        var second = selector.Select(Profiles.With(Cause.HerniatedDisc) with { Age = 45 });

        Assert.Equal(first, second);
        Assert.NotSame(first, second);
        Assert.Same(first.Reasons, second.Reasons);
        Assert.Same(first.Excluded[0].Reasons, second.Excluded[0].Reasons);
    }

    [Fact]
    public void RuleSetOverSixtyFourRules_CompiledEqualsReference()
    {
        // 70 contraindications: exclusion and reason sets take more than one 64-bit word.
        var many = Enumerable.Range(0, 70).Select(i => new Contraindication
        {
            Id = $"many-{i:D2}",
            Causes = [Cause.HerniatedDisc],
            Movements = [i % 2 == 0 ? MovementPattern.LumbarFlexion : MovementPattern.HipRotation],
            Strength = ContraindicationStrength.Relative,
            Rationale = "Generated.",
            Source = ClinicalSources.Tbc,
        });
        var selector = new ProgramSelector(ExerciseCatalog.Default, new RuleSet("many", "1.0.0", many, RuleSet.Default.Thresholds));

        var decision = selector.Select(Profiles.With(Cause.HerniatedDisc));

        Assert.Equal(ReferenceEvaluator.Decide(selector, Profiles.With(Cause.HerniatedDisc)), decision);
        Assert.Contains(decision.Excluded, e => e.Reasons.Any(r => r.RuleId == "many-00"));
    }
}
