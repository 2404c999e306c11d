using FsCheck;
using FsCheck.Fluent;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Tests.Properties;

/// <summary>
/// Generators for the one-evaluator property: worlds as any catalog document could give them (random exercises,
/// contraindications, some guarding custom catalogs only, thresholds, and the default screening gates in any order
/// with stricter extra gates), profiles from <see cref="Arbitraries.ProfileFor"/>, and clinician overrides that lift
/// a relative rule, are refused for an absolute one or under screening, or name a rule that does not exclude the
/// exercise, several per profile and several per exercise.
/// </summary>
public static class OverrideWorlds
{
    public static Arbitrary<OverrideCase> Cases() =>
        (from world in Gen.Frequency((1, Gen.Constant(ProgramSelector.Default)), (3, LoadableWorld))
         from profile in Arbitraries.ProfileFor(world)
         from more in Arbitraries.OverridesFor(world, profile)
         from moreStill in Arbitraries.OverridesFor(world, profile)
         let overrides = profile.ClinicianOverrides.Concat(more).Concat(moreStill).DistinctBy(o => (o.ExerciseId, o.RuleId)).ToEquatableArray()
         select new OverrideCase(world, profile with { ClinicianOverrides = overrides })).ToArbitrary();

    private static Gen<ProgramSelector> LoadableWorld =>
        from world in Arbitraries.RandomWorld()
        from customOnly in Gen.ListOf(Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true))), world.RuleSet.Contraindications.Count)
        from gates in Gen.Shuffle(RuleSet.Default.Screening.ToArray())
        from extra in Gen.ListOf(ExtraGate).Select(list => list.Take(6).Select((g, i) => g with { Id = $"extra-gate-{i}" }).ToList())
        select new ProgramSelector(
            world.Catalog,
            new RuleSet(
                "loadable",
                "1.0.0",
                world.RuleSet.Contraindications.Select((c, i) => c with { GuardsCustomCatalogsOnly = customOnly[i] }),
                world.RuleSet.Thresholds,
                [.. gates, .. extra]));

    /// <summary>A gate at least as strict as the brief asks for its red flag or cause (a host may tighten, never loosen).</summary>
    private static Gen<ScreeningGate> ExtraGate =>
        from byFlag in Gen.Elements(true, false)
        from flag in Gen.Elements(Enum.GetValues<RedFlag>())
        from cause in Gen.Elements(Enum.GetValues<Cause>())
        let minimum = byFlag ? ScreeningGate.BriefMinimum(flag) : ScreeningGate.BriefMinimum(cause)
        from decision in Gen.Elements(Enum.GetValues<DecisionKind>().Where(d => d > DecisionKind.Program && d >= minimum).ToArray())
        from timeframe in Gen.Frequency((3, Gen.Constant<Timeframe?>(null)), (1, Gen.Elements(Enum.GetValues<Timeframe>()).Select(t => (Timeframe?)t)))
        select new ScreeningGate
        {
            Id = "extra-gate",
            RedFlag = byFlag ? flag : null,
            Cause = byFlag ? null : cause,
            Decision = decision,
            Timeframe = timeframe,
            Rationale = "Generated stricter gate.",
            Source = ClinicalSources.Tbc,
        };
}

/// <summary>An engine over a generated world and a profile with clinician overrides valid for it.</summary>
/// <remarks>Printed as the profile's contract JSON and the world's size, so a failing case reads like an intake.</remarks>
public sealed record OverrideCase(ProgramSelector Selector, PatientProfile Profile)
{
    public override string ToString() =>
        $"{(ReferenceEquals(Selector, ProgramSelector.Default) ? "default catalog and rule set" : $"generated world ({Selector.Catalog.Exercises.Count} exercises, {Selector.RuleSet.Contraindications.Count} contraindications, {Selector.RuleSet.Screening.Count} gates)")}; profile: {SciaticaJson.WriteProfile(Profile)}";
}
