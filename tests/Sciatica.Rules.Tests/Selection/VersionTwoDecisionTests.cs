using Sciatica.Rules;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Tests.Selection;

/// <summary>The version 2 decisions at and around their thresholds: how soon, severe pain, the nerve, pregnancy.</summary>
public sealed class VersionTwoDecisionTests
{
    private static readonly ProgramSelector Selector = new();

    public static TheoryData<PatientProfile, DecisionKind, Timeframe?> Timeframes => new()
    {
        { Profiles.WithFlags(RedFlag.SaddleAnesthesia, RedFlag.Fever), DecisionKind.Emergency, Timeframe.Now },
        { Profiles.WithFlags(RedFlag.FootDrop), DecisionKind.UrgentReferral, Timeframe.Within24Hours },
        { Profiles.WithFlags(RedFlag.Fever), DecisionKind.TreatCauseFirst, Timeframe.Within24Hours },
        { Profiles.WithFlags(RedFlag.Fever, RedFlag.IvDrugUse), DecisionKind.TreatCauseFirst, Timeframe.Within24Hours },
        { Profiles.With(Cause.Infection) with { RedFlags = [RedFlag.Fever] }, DecisionKind.TreatCauseFirst, Timeframe.Within24Hours },
        { Profiles.WithFlags(RedFlag.IvDrugUse), DecisionKind.TreatCauseFirst, Timeframe.WithinDays },
        { Profiles.With(Cause.Tumor), DecisionKind.TreatCauseFirst, Timeframe.WithinDays },
        { Profiles.WithFlags(RedFlag.NonMechanicalPain), DecisionKind.TreatCauseFirst, Timeframe.WithinDays },
        { Profiles.WithFlags(RedFlag.ThoracicPain), DecisionKind.TreatCauseFirst, Timeframe.WithinDays },
        { Profiles.WithFlags(RedFlag.ProlongedCorticosteroidUse), DecisionKind.TreatCauseFirst, Timeframe.WithinDays },
        { Profiles.Clear with { MedicalClearance = false }, DecisionKind.SeekMedicalAdvice, Timeframe.BeforeExercising },
        { Profiles.Clear, DecisionKind.Program, null },
    };

    [Theory]
    [MemberData(nameof(Timeframes))]
    public void Select_EveryDecision_SaysHowSoon(PatientProfile profile, DecisionKind decision, Timeframe? timeframe)
    {
        var result = Selector.Select(profile);

        Assert.Equal(decision, result.Decision);
        Assert.Equal(timeframe, result.Timeframe);
    }

    [Fact]
    public void Select_Fever_SafetyAdviceSaysWithin24Hours()
    {
        var advice = Selector.Select(Profiles.WithFlags(RedFlag.Fever)).SafetyAdvice[0];

        Assert.Contains("within 24 hours", advice, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(6, 0, DecisionKind.Program)]
    [InlineData(7, 0, DecisionKind.SeekMedicalAdvice)]
    [InlineData(0, 7, DecisionKind.SeekMedicalAdvice)]
    [InlineData(10, 10, DecisionKind.SeekMedicalAdvice)]
    public void Select_SeverePain_SeeksMedicalAdviceFromSeven(int leg, int back, DecisionKind expected)
    {
        var decision = Selector.Select(Profiles.Clear with { LegPain = leg, BackPain = back });

        Assert.Equal(expected, decision.Decision);
        Assert.Equal(expected != DecisionKind.Program, decision.Reasons.Any(r => r.RuleId == "advice-pain-above-ceiling"));
    }

    [Fact]
    public void RuleSet_HostLowersSeverePain_ItApplies_ButCannotRaiseIt()
    {
        var lower = new ProgramSelector(ExerciseCatalog.Default, new RuleSet("strict", "1", RuleSet.Default.Contraindications, new RuleThresholds { SeverePainFrom = 5 }));

        Assert.Equal(DecisionKind.SeekMedicalAdvice, lower.Select(Profiles.Clear with { LegPain = 5 }).Decision);
        var error = Assert.Throws<SciaticaValidationException>(() => new RuleSet("loose", "1", RuleSet.Default.Contraindications, new RuleThresholds { SeverePainFrom = 8 }));
        Assert.Contains(error.Problems, p => p.Path == "$.thresholds.severePainFrom");
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(4, false)]
    [InlineData(6, false)]
    public void Select_LegPain_NeuralTensionerOnlyWhileMild(int legPain, bool included) =>
        Assert.Equal(included, Selector.Select(Profiles.Clear with { LegPain = legPain }).Exercises.Any(e => e.Id == "supine-hamstring-stretch"));

    [Fact]
    public void Select_ModerateLegPain_ClinicianMayStillChooseTheSlider()
    {
        var decision = Selector.Select(Profiles.Clear with
        {
            LegPain = 6,
            ClinicianOverrides = [Profiles.Override("sciatic-nerve-glide", "clinician-enabled-only")],
        });

        Assert.Contains(decision.Exercises, e => e.Id == "sciatic-nerve-glide" && e.Movements.Contains(MovementPattern.NeuralSlider));
        Assert.DoesNotContain(decision.Exercises, e => e.Movements.Contains(MovementPattern.NeuralTension));
    }

    [Fact]
    public void Select_Osteoporosis_NoSpinalFlexionExercise()
    {
        var decision = Selector.Select(Profiles.With(Cause.Osteoporosis) with { LegPain = 2 });

        Assert.DoesNotContain(decision.Exercises, e => e.Movements.Contains(MovementPattern.LumbarFlexion) || e.Movements.Contains(MovementPattern.LumbarRotation));
        Assert.Contains(decision.Excluded.Single(e => e.Id == "knee-to-chest").Reasons, r => r.RuleId == "osteoporosis-avoid-spinal-flexion" && r.Source == "SINAKI");
        Assert.Contains(decision.Excluded, e => e.Id == "piriformis-stretch");
        // The high-impact rule excludes nothing in the default catalog, so it is not given as a reason for this program.
        Assert.DoesNotContain(decision.Reasons, r => r.RuleId == "osteoporosis-avoid-high-impact");
    }

    [Fact]
    public void Select_FourWeeksAfterSurgery_NoPiriformisStretch() =>
        Assert.DoesNotContain(Selector.Select(Profiles.Clear with { WeeksSinceSpineSurgery = 4 }).Exercises, e => e.Id is "piriformis-stretch" or "knee-to-chest");

    [Theory]
    [InlineData(11, true, true)]
    [InlineData(12, true, false)]
    [InlineData(19, true, false)]
    [InlineData(20, false, false)]
    public void Select_Pregnancy_LyingPositionsLeftOutFromTwelveAndTwentyWeeks(int weeks, bool supineIncluded, bool proneIncluded)
    {
        var decision = Selector.Select(Profiles.Clear with { LegPain = 2, PregnancyWeeks = weeks, DirectionalPreference = DirectionalPreference.Extension });

        Assert.Equal(supineIncluded, decision.Exercises.Any(e => e.Id == "bridge"));
        Assert.Equal(proneIncluded, decision.Exercises.Any(e => e.Id == "prone-press-up"));
        Assert.Contains(decision.Reasons, r => r.RuleId == "advice-pregnancy");
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(6, true)]
    public void Select_SymptomWeeks_SixWeekReviewAdvice(int weeks, bool advised) =>
        Assert.Equal(advised, Selector.Select(Profiles.Clear with { SymptomWeeks = weeks }).Reasons.Any(r => r.RuleId == "advice-symptoms-six-weeks"));

    [Fact]
    public void Select_InjuryWithoutAge_TreatedAsOlderAndSaysSo()
    {
        var decision = Selector.Select(Profiles.With(Cause.Injury));

        Assert.Equal(DecisionKind.TreatCauseFirst, decision.Decision);
        Assert.Contains(decision.Reasons, r => r.RuleId == "treat-first-trauma-age-not-recorded" && r.Message.Contains("without the person's age", StringComparison.Ordinal));
        Assert.Equal(DecisionKind.Program, Selector.Select(Profiles.With(Cause.Injury) with { Age = 30 }).Decision);
    }

    [Fact]
    public void ReadProfile_VersionTwoFields_ReadAndWrittenBack()
    {
        var profile = SciaticaJson.ReadProfile("""
            {"causes":["herniatedDisc"],"affectedRoots":["s1"],"legPain":3,"backPain":2,"medicalClearance":true,"symptomsTolerateExercise":true,
             "redFlags":[],"symptomWeeks":7,"pregnancyWeeks":14}
            """);

        Assert.Equal([NerveRoot.S1], profile.AffectedRoots);
        Assert.Equal(7, profile.SymptomWeeks);
        Assert.Equal(14, profile.PregnancyWeeks);
        Assert.Equal(profile, SciaticaJson.ReadProfile(SciaticaJson.WriteProfile(profile)));
    }

    [Fact]
    public void ReadProfile_DuplicateOverride_IsAnInputErrorAtItsPosition()
    {
        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile("""
            {"causes":["tightMuscles"],"legPain":3,"backPain":2,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true,"clinicianOverrides":[
              {"exerciseId":"sciatic-nerve-glide","ruleId":"clinician-enabled-only","reason":"a"},
              {"exerciseId":"sciatic-nerve-glide","ruleId":"clinician-enabled-only","reason":"b"}]}
            """));

        Assert.Contains(error.Problems, p => p.Path == "$.clinicianOverrides[1]" && p.Message.Contains("second override", StringComparison.Ordinal));
    }
}
