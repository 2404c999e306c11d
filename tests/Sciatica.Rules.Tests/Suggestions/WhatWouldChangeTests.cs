namespace Sciatica.Rules.Tests.Suggestions;

/// <summary>The worked examples of docs/what-would-change-it.md, each decided with what would change it.</summary>
public sealed class WhatWouldChangeTests
{
    private static readonly PatientProfile Disc = new()
    {
        Causes = [Cause.HerniatedDisc],
        AffectedRoots = [NerveRoot.L5],
        LegPain = 5,
        BackPain = 3,
        RedFlags = [],
        MedicalClearance = true,
        SymptomsTolerateExercise = true,
        Age = 44,
    };

    private static IReadOnlyList<SuggestedChange> WhatIf(PatientProfile profile) =>
        ProgramSelector.Default.Select(profile, SelectionOptions.WithWhatWouldChange).WhatWouldChange!;

    [Fact]
    public void Select_WithoutTheOption_HasNoWhatWouldChangeAndTheSameJson()
    {
        var plain = ProgramSelector.Default.Select(Disc);

        Assert.Null(plain.WhatWouldChange);
        Assert.Equal(plain, ProgramSelector.Default.Select(Disc, SelectionOptions.None));
        Assert.DoesNotContain("whatWouldChange", SciaticaJson.WriteDecision(plain), StringComparison.Ordinal);
    }

    [Fact]
    public void Osteoporosis_NothingBringsBackASpinalFlexionExercise()
    {
        var changes = WhatIf(Disc with { Causes = [Cause.Osteoporosis] });

        // Absolute rules: no entry for the flexion and twisting exercises; the relative ones still have theirs.
        Assert.DoesNotContain(changes, c => c.Target is "knee-to-chest" or "piriformis-stretch" or "lower-trunk-rotation" or "seated-trunk-rotation");
        Assert.Contains(changes, c => c.Target == "prone-press-up" && c.Patch == new ProfilePatch { SetsDirectionalPreference = true, DirectionalPreference = DirectionalPreference.Extension });
    }

    [Fact]
    public void DiscWithLegPainEightAndNoClearance_ClearanceAndLegPainSix()
    {
        var changes = WhatIf(Disc with { LegPain = 8, MedicalClearance = false });

        var change = Assert.Single(changes);
        Assert.Equal(SuggestedChange.DecisionTarget, change.Target);
        Assert.Equal("program", change.Gives);
        Assert.Equal(new ProfilePatch { MedicalClearance = true, LegPain = 6 }, change.Patch);
        Assert.Contains("leg pain is controlled to 6 or less", change.Explanation, StringComparison.Ordinal);
        Assert.Equal("""{"medicalClearance":true,"legPain":6}""", SciaticaJson.WritePatch(change.Patch));
    }

    [Fact]
    public void NoClearance_RecordingClearanceGivesAProgram()
    {
        var change = Assert.Single(WhatIf(Disc with { MedicalClearance = false }));

        Assert.Equal(new ProfilePatch { MedicalClearance = true }, change.Patch);
        Assert.Equal("program", change.Gives);
    }

    [Fact]
    public void LandWalkingPainfulWithoutAPool_APoolBringsWaterWalking_NothingBringsLandWalking()
    {
        var changes = WhatIf(Disc with { LandWalkingPainful = true });

        var water = Assert.Single(changes, c => c.Target == "water-walking");
        Assert.Equal(new ProfilePatch { PoolAccess = true }, water.Patch);
        Assert.DoesNotContain(changes, c => c.Target == "walking");
    }

    [Fact]
    public void RedFlag_NothingChangesIt()
    {
        Assert.Empty(WhatIf(Disc with { RedFlags = [RedFlag.BladderDysfunction], MedicalClearance = false }));
        Assert.Empty(WhatIf(Disc with { Causes = [Cause.Unknown] }));
    }

    [Fact]
    public void ExistingOverrides_AreKeptInThePatch()
    {
        var existing = Profiles.Override("seated-trunk-rotation", "disc-avoid-rotation");
        var changes = WhatIf(Disc with { ClinicianOverrides = [existing] });

        var rotation = Assert.Single(changes, c => c.Target == "lower-trunk-rotation");
        Assert.Equal(2, rotation.Patch.ClinicianOverrides!.Count);
        Assert.Contains(existing, rotation.Patch.ClinicianOverrides);
        Assert.DoesNotContain(changes, c => c.Target == "seated-trunk-rotation");
    }

    [Fact]
    public void Select_WithTheOptionOnAnotherSelector_SaysItCannot()
    {
        IProgramSelector other = new PlainSelector();

        Assert.Throws<NotSupportedException>(() => other.Select(Disc, SelectionOptions.WithWhatWouldChange));
        Assert.Equal(ProgramSelector.Default.Select(Disc), other.Select(Disc, SelectionOptions.None));
    }

    private sealed class PlainSelector : IProgramSelector
    {
        public string RuleSetVersion => ProgramSelector.Default.RuleSetVersion;

        public Sciatica.Rules.Catalogs.ExerciseCatalog Catalog => ProgramSelector.Default.Catalog;

        public Sciatica.Rules.Catalogs.RuleSet RuleSet => ProgramSelector.Default.RuleSet;

        public ProgramDecision Select(PatientProfile profile) => ProgramSelector.Default.Select(profile);
    }
}
