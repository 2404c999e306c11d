using Sciatica.Rules;

namespace Sciatica.Rules.Tests.Catalogs;

/// <summary>Each statement of the seed article that the default rules encode, checked as behaviour.</summary>
public sealed class SeedStatementTests
{
    private static readonly ProgramSelector Selector = ProgramSelector.Default;

    [Fact]
    public void MedicalAdviceShouldBeSoughtFirst_NoClearance_NoProgram()
    {
        var decision = Selector.Select(Profiles.Clear with { MedicalClearance = false });

        Assert.Equal(DecisionKind.SeekMedicalAdvice, decision.Decision);
        Assert.Empty(decision.Exercises);
    }

    [Fact]
    public void FirstStepIsToDiagnoseTheUnderlyingProblem_UnknownCause_NoProgram() =>
        Assert.Equal(DecisionKind.SeekMedicalAdvice, Selector.Select(Profiles.With(Cause.Unknown, Cause.TightMuscles)).Decision);

    [Theory]
    [InlineData(Cause.Tumor)]
    [InlineData(Cause.Infection)]
    [InlineData(Cause.SpinalVascularAbnormality)]
    public void UnderlyingCauseMustBeTreatedFirst_SeriousCause_TreatFirst(Cause cause) =>
        Assert.Equal(DecisionKind.TreatCauseFirst, Selector.Select(Profiles.With(cause, Cause.HerniatedDisc)).Decision);

    [Fact]
    public void MedicationToControlSymptomsSoExerciseCanBeTolerated_NotTolerated_NoProgram() =>
        Assert.Equal(DecisionKind.SeekMedicalAdvice, Selector.Select(Profiles.Clear with { SymptomsTolerateExercise = false }).Decision);

    [Fact]
    public void ProgramMayIncludeWalking_DefaultProgram_IncludesWalking() =>
        Assert.Contains(Selector.Select(Profiles.Clear).Exercises, e => e.Id == "walking");

    [Fact]
    public void IfWalkingOnLandIsTooPainfulTryWalkingInWater_WithPool_WaterWalkingInstead()
    {
        var decision = Selector.Select(Profiles.Clear with { LandWalkingPainful = true, PoolAccess = true });

        Assert.Contains(decision.Exercises, e => e.Id == "water-walking");
        Assert.DoesNotContain(decision.Exercises, e => e.Id == "walking");
    }

    [Fact]
    public void ThreeStretchesEachHeldThirtySeconds_DefaultProgram_IncludesThemAtThirtySeconds()
    {
        // Leg pain 3 (mild): from 4 the straight-leg stretch, a neural tensioner, is left out [NEURO].
        var decision = Selector.Select(Profiles.Clear with { LegPain = 3 });

        foreach (var id in new[] { "knee-to-chest", "lower-trunk-rotation", "supine-hamstring-stretch" })
        {
            Assert.Equal(30, decision.Exercises.Single(e => e.Id == id).Dosage.HoldSeconds);
        }
    }

    [Fact]
    public void StrengthenLowBackAndAbdominalMuscles_DefaultProgram_IncludesStrengthening() =>
        Assert.Contains(Selector.Select(Profiles.With(Cause.HerniatedDisc)).Exercises, e => e.Kind == ExerciseKind.Strengthening);

    [Theory]
    [InlineData(Cause.HerniatedDisc)]
    [InlineData(Cause.SpinalStenosis)]
    public void BackBendsAndTwistingContraindicatedForDiscOrStenosis(Cause cause)
    {
        var decision = Selector.Select(Profiles.With(cause));

        Assert.DoesNotContain(decision.Exercises, e => e.Movements.Contains(MovementPattern.LumbarExtension) || e.Movements.Contains(MovementPattern.LumbarRotation));
        Assert.Contains(decision.Excluded, e => e.Id == "lower-trunk-rotation");
    }

    [Fact]
    public void CertainFormsOfArthritisHaveSpecificConsiderations_InflammatoryArthritis_SaysSo() =>
        Assert.Contains(Selector.Select(Profiles.With(Cause.InflammatoryArthritis)).Reasons, r => r.RuleId == "arthritis-specific-considerations");

    [Fact]
    public void ExerciseShouldNeverMakeSymptomsWorse_EveryProgram_SaysSoAndRecommendsSupervision()
    {
        var advice = Selector.Select(Profiles.Clear).SafetyAdvice;

        Assert.Contains(advice, a => a.Contains("should not make your symptoms worse", StringComparison.Ordinal));
        Assert.Contains(advice, a => a.Contains("supervision of a physical therapist", StringComparison.Ordinal));
        Assert.DoesNotContain(advice, a => a.Contains("recover", StringComparison.OrdinalIgnoreCase) && a.Contains("will", StringComparison.OrdinalIgnoreCase));
    }
}
