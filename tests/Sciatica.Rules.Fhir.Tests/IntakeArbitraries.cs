using FsCheck;
using FsCheck.Fluent;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Fhir.Tests;

/// <summary>
/// Intakes for the differential test: every cause, red flag, root and preference, pain 0 to 10 (and both sides of the
/// severe-pain ceiling), ages at and around the thresholds, surgery and pregnancy weeks around every rule's boundary,
/// and clinician overrides (mostly of a rule that touches the exercise, relative or absolute). Half the intakes pass
/// screening so that programs are as common as refusals. A failing intake shrinks toward fewer answers.
/// </summary>
public static class IntakeArbitraries
{
    private static readonly ProgramSelector Engine = ProgramSelector.Default;

    private static readonly Cause[] ProgramCauses =
    [
        Cause.BulgingDisc, Cause.HerniatedDisc, Cause.RupturedDisc, Cause.SpinalStenosis, Cause.Osteoarthritis, Cause.InflammatoryArthritis,
        Cause.Spondylolisthesis, Cause.Osteoporosis, Cause.PoorPosture, Cause.TightMuscles,
    ];

    public static Arbitrary<PatientProfile> Profile() => Arb.From(ProfileGen, Shrink);

    private static Gen<int> Pain => Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Constant(10)), (1, Gen.Elements(3, 4, 6, 7)), (4, Gen.Choose(0, 10)));

    private static Gen<int?> Optional(int weight, Gen<int> value) => Gen.Frequency((weight, Gen.Constant<int?>(null)), (2, value.Select(v => (int?)v)));

    private static Gen<PatientProfile> ProfileGen =>
        from screened in Gen.Elements(true, false)
        from causes in Gen.Frequency((3, Gen.Elements(ProgramCauses).Select(c => new[] { c })), (2, Gen.SubListOf(Enum.GetValues<Cause>()).Select(l => l.ToArray())))
        from oneCause in Gen.Elements(Enum.GetValues<Cause>())
        from roots in Gen.SubListOf(Enum.GetValues<NerveRoot>())
        from legPain in Pain
        from backPain in Pain
        from redFlags in Gen.Frequency((4, Gen.Constant(Array.Empty<RedFlag>())), (2, Gen.Elements(Enum.GetValues<RedFlag>()).Select(f => new[] { f })), (1, Gen.SubListOf(Enum.GetValues<RedFlag>()).Select(l => l.ToArray())))
        from clearance in Gen.Frequency((5, Gen.Constant(true)), (1, Gen.Constant(false)))
        from tolerate in Gen.Frequency((5, Gen.Constant(true)), (1, Gen.Constant(false)))
        from landPainful in Gen.Elements(true, false)
        from pool in Gen.Elements(true, false)
        from age in Optional(2, Gen.Frequency((1, Gen.Elements(16, 19, 20, 50, 51, 120)), (2, Gen.Choose(16, 120))))
        from surgery in Optional(5, Gen.Frequency((2, Gen.Elements(0, 3, 4, 5)), (1, Gen.Choose(0, 520))))
        from symptomWeeks in Optional(3, Gen.Frequency((1, Gen.Elements(0, 5, 6, 520)), (1, Gen.Choose(0, 520))))
        from pregnancy in Optional(5, Gen.Frequency((2, Gen.Elements(0, 11, 12, 19, 20, 42)), (1, Gen.Choose(0, 42))))
        from preference in Gen.Frequency((3, Gen.Constant<DirectionalPreference?>(null)), (1, Gen.Constant<DirectionalPreference?>(DirectionalPreference.Extension)), (1, Gen.Constant<DirectionalPreference?>(DirectionalPreference.Flexion)))
        from overrides in Gen.Frequency((2, Gen.Constant(Array.Empty<ClinicianOverride>())), (3, Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(Override, n))))
        let profile = new PatientProfile
        {
            Causes = causes.Length == 0 ? [oneCause] : causes,
            AffectedRoots = [.. roots],
            LegPain = legPain,
            BackPain = backPain,
            RedFlags = redFlags,
            MedicalClearance = clearance,
            SymptomsTolerateExercise = tolerate,
            LandWalkingPainful = landPainful,
            PoolAccess = pool,
            Age = age,
            WeeksSinceSpineSurgery = surgery,
            SymptomWeeks = symptomWeeks,
            PregnancyWeeks = pregnancy,
            DirectionalPreference = preference,
            ClinicianOverrides = [.. overrides.DistinctBy(o => (o.ExerciseId, o.RuleId))],
        }
        select screened ? profile with
        {
            Causes = [.. profile.Causes.Where(ProgramCauses.Contains).DefaultIfEmpty(Cause.HerniatedDisc)],
            RedFlags = [],
            MedicalClearance = true,
            SymptomsTolerateExercise = true,
            WeeksSinceSpineSurgery = profile.WeeksSinceSpineSurgery is { } w ? Math.Max(w, Engine.RuleSet.Thresholds.MinimumWeeksAfterSpineSurgery) : null,
            LegPain = Math.Min(legPain, Engine.RuleSet.Thresholds.SeverePainFrom - 1),
            BackPain = Math.Min(backPain, Engine.RuleSet.Thresholds.SeverePainFrom - 1),
        } : profile;

    /// <summary>An override of a rule that can exclude exercises: mostly a pair where the rule touches the exercise, sometimes any pair.</summary>
    private static Gen<ClinicianOverride> Override
    {
        get
        {
            var rules = Engine.RuleSet.Rules.Where(r => r.Strength is not null).Select(r => r.Id).ToArray();
            var eligibility = Engine.RuleSet.Rules.Where(r => r.Category == RuleCategory.Eligibility).Select(r => r.Id).ToArray();
            var touching = Engine.RuleSet.Contraindications
                .SelectMany(c => Engine.Catalog.Exercises.Where(e => c.Movements.Intersect(e.Movements).Any() || c.Positions.Contains(e.Position)).Select(e => (Exercise: e.Id, Rule: c.Id)))
                .Concat(Engine.Catalog.Exercises.SelectMany(e => eligibility.Select(rule => (Exercise: e.Id, Rule: rule))))
                .ToArray();
            var any = from exercise in Gen.Elements(Engine.Catalog.Exercises.Select(e => e.Id).ToArray())
                      from rule in Gen.Elements(rules)
                      select (Exercise: exercise, Rule: rule);
            return Gen.Frequency((4, Gen.Elements(touching)), (1, any))
                .Select(pair => new ClinicianOverride { ExerciseId = pair.Exercise, RuleId = pair.Rule, Reason = "Assessed in clinic." });
        }
    }

    /// <summary>Smaller intakes first: fewer causes, flags, roots and overrides, optional answers left out, pain toward 0.</summary>
    private static IEnumerable<PatientProfile> Shrink(PatientProfile p)
    {
        for (var i = 0; i < p.Causes.Count && p.Causes.Count > 1; i++)
        {
            yield return p with { Causes = [.. p.Causes.Where((_, j) => j != i)] };
        }

        for (var i = 0; i < p.RedFlags.Count; i++)
        {
            yield return p with { RedFlags = [.. p.RedFlags.Where((_, j) => j != i)] };
        }

        for (var i = 0; i < p.ClinicianOverrides.Count; i++)
        {
            yield return p with { ClinicianOverrides = [.. p.ClinicianOverrides.Where((_, j) => j != i)] };
        }

        if (p.AffectedRoots.Count > 0)
        {
            yield return p with { AffectedRoots = [] };
        }

        if (p.Age is not null)
        {
            yield return p with { Age = null };
        }

        if (p.WeeksSinceSpineSurgery is not null)
        {
            yield return p with { WeeksSinceSpineSurgery = null };
        }

        if (p.SymptomWeeks is not null)
        {
            yield return p with { SymptomWeeks = null };
        }

        if (p.PregnancyWeeks is not null)
        {
            yield return p with { PregnancyWeeks = null };
        }

        if (p.DirectionalPreference is not null)
        {
            yield return p with { DirectionalPreference = null };
        }

        if (p.LandWalkingPainful)
        {
            yield return p with { LandWalkingPainful = false };
        }

        if (p.PoolAccess)
        {
            yield return p with { PoolAccess = false };
        }

        if (p.LegPain > 0)
        {
            yield return p with { LegPain = p.LegPain - 1 };
        }

        if (p.BackPain > 0)
        {
            yield return p with { BackPain = p.BackPain - 1 };
        }
    }
}
