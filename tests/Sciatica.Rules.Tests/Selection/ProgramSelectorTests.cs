using Sciatica.Rules;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Tests.Selection;

public sealed class ProgramSelectorTests
{
    private static readonly ProgramSelector Selector = ProgramSelector.Default;

    private static IReadOnlyList<string> Included(ProgramDecision decision) => decision.Exercises.Select(e => e.Id).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void Select_HerniatedDisc_ExcludesBackBendsAndTwistsAndKeepsWalkingAndStretches()
    {
        var decision = Selector.Select(Profiles.With(Cause.HerniatedDisc) with { LegPain = 3 });

        Assert.Equal(DecisionKind.Program, decision.Decision);
        Assert.Equal(
            ["abdominal-bracing", "bird-dog", "bridge", "knee-to-chest", "pelvic-tilt", "piriformis-stretch", "supine-hamstring-stretch", "walking"],
            Included(decision));
    }

    [Fact]
    public void Select_HerniatedDiscWithModerateLegPain_LeavesOutTheNeuralTensioner()
    {
        var decision = Selector.Select(Profiles.With(Cause.HerniatedDisc) with { LegPain = 4 });

        Assert.Equal(
            ["abdominal-bracing", "bird-dog", "bridge", "knee-to-chest", "pelvic-tilt", "piriformis-stretch", "walking"],
            Included(decision));
        Assert.Equal(["irritable-nerve-avoid-tensioner"], decision.Excluded.Single(e => e.Id == "supine-hamstring-stretch").Reasons.Select(r => r.RuleId));
    }

    [Fact]
    public void Select_SpinalStenosis_KeepsFlexionAndAvoidsExtensionAndRotation()
    {
        var decision = Selector.Select(Profiles.With(Cause.SpinalStenosis));

        Assert.Contains("knee-to-chest", Included(decision));
        Assert.DoesNotContain(decision.Exercises, e => e.Movements.Contains(MovementPattern.LumbarExtension) || e.Movements.Contains(MovementPattern.LumbarRotation));
    }

    [Fact]
    public void Select_SeveralCauses_UnionsTheirContraindications()
    {
        var decision = Selector.Select(Profiles.With(Cause.Spondylolisthesis, Cause.Osteoporosis));

        Assert.DoesNotContain(decision.Exercises, e => e.Movements.Contains(MovementPattern.LumbarExtension));
        Assert.DoesNotContain(decision.Exercises, e => e.Movements.Contains(MovementPattern.LumbarRotation));
    }

    [Theory]
    [InlineData(RedFlag.BladderDysfunction, RedFlag.FootDrop, DecisionKind.Emergency)]
    [InlineData(RedFlag.SaddleAnesthesia, RedFlag.CancerHistory, DecisionKind.Emergency)]
    [InlineData(RedFlag.FootDrop, RedFlag.Fever, DecisionKind.UrgentReferral)]
    [InlineData(RedFlag.ProgressiveWeakness, RedFlag.SignificantTrauma, DecisionKind.UrgentReferral)]
    public void Select_TwoRedFlags_MostUrgentWins(RedFlag first, RedFlag second, DecisionKind expected)
    {
        var decision = Selector.Select(Profiles.WithFlags(first, second) with { MedicalClearance = false, Causes = [Cause.Unknown] });

        Assert.Equal(expected, decision.Decision);
        Assert.Empty(decision.Exercises);
        Assert.Equal(Selector.Catalog.Exercises.Count, decision.Excluded.Count);
        Assert.All(decision.Excluded, e => Assert.NotEmpty(e.Reasons));
    }

    [Fact]
    public void Select_TreatFirstCauseWithoutClearance_TreatFirstWinsOverAdvice()
    {
        var decision = Selector.Select(Profiles.With(Cause.Infection) with { MedicalClearance = false });

        Assert.Equal(DecisionKind.TreatCauseFirst, decision.Decision);
        Assert.Equal("treat-first-infection", decision.Reasons[0].RuleId);
        Assert.Contains(decision.Reasons, r => r.RuleId == "advice-no-medical-clearance");
    }

    [Theory]
    [InlineData(3, DecisionKind.SeekMedicalAdvice)]
    [InlineData(4, DecisionKind.Program)]
    public void Select_WeeksSinceSurgery_ProgramStartsAtFourWeeks(int weeks, DecisionKind expected) =>
        Assert.Equal(expected, Selector.Select(Profiles.Clear with { WeeksSinceSpineSurgery = weeks }).Decision);

    [Theory]
    [InlineData(50, DecisionKind.Program)]
    [InlineData(51, DecisionKind.TreatCauseFirst)]
    public void Select_InjuryByAge_OlderThanThresholdIsAssessedFirst(int age, DecisionKind expected) =>
        Assert.Equal(expected, Selector.Select(Profiles.With(Cause.Injury) with { Age = age }).Decision);

    [Fact]
    public void Select_InjuryAgeThreshold_IsConfigurable()
    {
        var uk = new ProgramSelector(ExerciseCatalog.Default, new RuleSet("uk", "1.0.0", RuleSet.Default.Contraindications, new RuleThresholds { SeriousPathologyMaximumAge = 55 }));

        Assert.Equal(DecisionKind.Program, uk.Select(Profiles.With(Cause.Injury) with { Age = 53 }).Decision);
        Assert.Equal(DecisionKind.TreatCauseFirst, uk.Select(Profiles.With(Cause.Injury) with { Age = 56 }).Decision);
        Assert.NotEqual(Selector.RuleSetVersion, uk.RuleSetVersion);
    }

    [Fact]
    public void Select_LandWalkingPainfulWithPool_WaterWalkingReplacesWalking()
    {
        var decision = Selector.Select(Profiles.Clear with { LandWalkingPainful = true, PoolAccess = true });

        Assert.Contains("water-walking", Included(decision));
        Assert.DoesNotContain("walking", Included(decision));
    }

    [Fact]
    public void Select_LandWalkingPainfulWithoutPool_NoAerobicExerciseAndSaysWhy()
    {
        var decision = Selector.Select(Profiles.Clear with { LandWalkingPainful = true });

        Assert.Equal(DecisionKind.Program, decision.Decision);
        Assert.DoesNotContain(decision.Exercises, e => e.Kind == ExerciseKind.Aerobic);
        Assert.Contains(decision.Reasons, r => r.RuleId == "no-aerobic-option");
    }

    [Fact]
    public void Select_DiscWithExtensionPreference_AllowsPressUpsAndAvoidsFlexion()
    {
        var decision = Selector.Select(Profiles.With(Cause.HerniatedDisc) with { DirectionalPreference = DirectionalPreference.Extension });

        Assert.Contains("prone-press-up", Included(decision));
        Assert.Contains("standing-back-extension", Included(decision));
        Assert.DoesNotContain("knee-to-chest", Included(decision));
        Assert.DoesNotContain("lower-trunk-rotation", Included(decision));
    }

    [Fact]
    public void Select_StenosisWithExtensionPreference_StenosisRuleIsNotLifted()
    {
        var decision = Selector.Select(Profiles.With(Cause.SpinalStenosis) with { DirectionalPreference = DirectionalPreference.Extension });

        Assert.DoesNotContain("prone-press-up", Included(decision));
    }

    [Fact]
    public void Select_OverrideOfRelativeRule_IncludesExerciseAndShowsOverride()
    {
        var decision = Selector.Select(Profiles.With(Cause.HerniatedDisc) with { ClinicianOverrides = [Profiles.Override("lower-trunk-rotation", "disc-avoid-rotation")] });

        Assert.Contains("lower-trunk-rotation", Included(decision));
        Assert.Contains(decision.Reasons, r => r.RuleId == "clinician-override-applied"
            && r.Message.Contains("'lower-trunk-rotation' is included.", StringComparison.Ordinal)
            && r.Message.Contains("Assessed in clinic.", StringComparison.Ordinal));
    }

    [Fact]
    public void Select_OverrideLiftingOneOfTwoRules_SaysWhichRuleStillExcludes()
    {
        // Stenosis and a disc both keep twisting out: lifting one rule leaves the exercise excluded by the other.
        var decision = Selector.Select(Profiles.With(Cause.HerniatedDisc, Cause.SpinalStenosis) with { ClinicianOverrides = [Profiles.Override("lower-trunk-rotation", "disc-avoid-rotation")] });

        Assert.DoesNotContain("lower-trunk-rotation", Included(decision));
        Assert.Contains(decision.Reasons, r => r.RuleId == "clinician-override-applied"
            && r.Message.Contains("'lower-trunk-rotation' stays excluded by 'stenosis-avoid-rotation'.", StringComparison.Ordinal));
    }

    [Fact]
    public void Select_OverrideOfAbsoluteRule_IsRefusedAndExerciseStaysOut()
    {
        var decision = Selector.Select(Profiles.With(Cause.Osteoporosis) with { ClinicianOverrides = [Profiles.Override("lower-trunk-rotation", "osteoporosis-avoid-twisting")] });

        Assert.DoesNotContain("lower-trunk-rotation", Included(decision));
        Assert.Contains(decision.Excluded.Single(e => e.Id == "lower-trunk-rotation").Reasons, r => r.RuleId == "osteoporosis-avoid-twisting");
        Assert.Contains(decision.Reasons, r => r.RuleId == "clinician-override-refused");
    }

    [Fact]
    public void Select_OverrideUnderAScreeningDecision_IsRefused()
    {
        var decision = Selector.Select(Profiles.WithFlags(RedFlag.FootDrop) with { ClinicianOverrides = [Profiles.Override("walking", "land-walking-painful")] });

        Assert.Equal(DecisionKind.UrgentReferral, decision.Decision);
        Assert.Empty(decision.Exercises);
        Assert.Contains(decision.Reasons, r => r.RuleId == "clinician-override-refused");
    }

    [Theory]
    [InlineData("no-such-exercise", "disc-avoid-rotation", "$.clinicianOverrides[0].exerciseId")]
    [InlineData("walking", "no-such-rule", "$.clinicianOverrides[0].ruleId")]
    public void Select_OverrideNamingUnknownIds_ThrowsNamingTheField(string exerciseId, string ruleId, string path)
    {
        var profile = Profiles.Clear with { ClinicianOverrides = [Profiles.Override(exerciseId, ruleId)] };

        var error = Assert.Throws<SciaticaValidationException>(() => Selector.Select(profile));

        Assert.Equal(path, Assert.Single(error.Problems).Path);
    }

    [Fact]
    public void Select_StretchesHoldThirtySeconds()
    {
        var decision = Selector.Select(Profiles.Clear);

        Assert.All(decision.Exercises.Where(e => e.Kind == ExerciseKind.Stretch), e => Assert.Equal(30, e.Dosage.HoldSeconds));
        Assert.All(decision.Exercises.Where(e => e.Kind != ExerciseKind.Stretch), e => Assert.Null(e.Dosage.HoldSeconds));
        Assert.All(decision.Exercises.Where(e => e.Kind == ExerciseKind.Aerobic), e => Assert.NotNull(e.Dosage.Minutes));
    }

    [Fact]
    public void Select_EveryCatalogExerciseAppearsExactlyOnce()
    {
        var decision = Selector.Select(Profiles.With(Cause.HerniatedDisc, Cause.SpinalStenosis));

        var ids = decision.Exercises.Select(e => e.Id).Concat(decision.Excluded.Select(e => e.Id)).Order(StringComparer.Ordinal);

        Assert.Equal(Selector.Catalog.Exercises.Select(e => e.Id).Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public void Select_Null_Throws() => Assert.Throws<ArgumentNullException>(() => Selector.Select(null!));

    [Fact]
    public void RuleSetVersion_NamesTheRuleSetAndHashesContent()
    {
        Assert.StartsWith("default/3.0.0+", Selector.RuleSetVersion, StringComparison.Ordinal);
        var changed = new ExerciseCatalog(ExerciseCatalog.Default.Exercises.Select(e => e.Id == "walking" ? e with { Name = "Walk" } : e));

        Assert.NotEqual(Selector.RuleSetVersion, new ProgramSelector(changed, RuleSet.Default).RuleSetVersion);
        Assert.Equal(Selector.RuleSetVersion, new ProgramSelector().RuleSetVersion);
    }
}
