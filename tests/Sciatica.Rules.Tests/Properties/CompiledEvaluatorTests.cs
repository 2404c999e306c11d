using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Sciatica.Rules.Catalogs;

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
                    Assert.Equal(pair.world.Evaluate(profile), pair.world.Select(profile));
                }
            });

    [SafetyProperty]
    public void CompactJson_WrittenFromSharedFragments_SameBytesAsTheSerializer(Scenario s)
    {
        var decision = s.Decide();
        var expected = System.Text.Json.JsonSerializer.Serialize(decision, ContractJson.Compact.ProgramDecision);

        Assert.Equal(expected, SciaticaJson.WriteDecision(decision));
        var bytes = new System.Buffers.ArrayBufferWriter<byte>();
        SciaticaJson.WriteDecisionUtf8(decision, bytes);
        Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(bytes.WrittenSpan));
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
    public void RuleSetTooLargeForMasks_GeneralEvaluatorDecides()
    {
        // 70 contraindications do not fit a 64-bit mask of exclusion rules: the engine falls back to the general evaluator.
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

        Assert.Equal(selector.Evaluate(Profiles.With(Cause.HerniatedDisc)), decision);
        Assert.Contains(decision.Excluded, e => e.Reasons.Any(r => r.RuleId == "many-00"));
    }
}
