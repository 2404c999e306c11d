using Sciatica.Rules;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Tests.Catalogs;

/// <summary>
/// One example per rule id of the default rule set: the profile that makes the rule fire, the decision
/// it must give, the reason it must show, and (for exclusion rules) the exercise it must leave out.
/// </summary>
public sealed class RuleExampleTests
{
    public sealed record Example(string RuleId, PatientProfile Profile, DecisionKind Decision, string? ExcludedExercise = null, RuleSet? RuleSet = null, ExerciseCatalog? Catalog = null)
    {
        public override string ToString() => RuleId;
    }

    private static readonly PatientProfile Clear = Profiles.Clear;

    private static readonly Example[] All =
    [
        new("emergency-bladder-dysfunction", Profiles.WithFlags(RedFlag.BladderDysfunction), DecisionKind.Emergency),
        new("emergency-bowel-dysfunction", Profiles.WithFlags(RedFlag.BowelDysfunction), DecisionKind.Emergency),
        new("emergency-saddle-anesthesia", Profiles.WithFlags(RedFlag.SaddleAnesthesia), DecisionKind.Emergency),
        new("emergency-bilateral-leg-symptoms", Profiles.WithFlags(RedFlag.BilateralLegSymptoms), DecisionKind.Emergency),
        new("emergency-cord-compression-signs", Profiles.WithFlags(RedFlag.CordCompressionSigns), DecisionKind.Emergency),
        new("emergency-cancer-with-neurological-signs", Profiles.WithFlags(RedFlag.CancerHistory, RedFlag.FootDrop), DecisionKind.Emergency),
        new("emergency-suspected-cancer-with-neurological-signs", Profiles.WithFlags(RedFlag.SuspectedCancer, RedFlag.ProgressiveWeakness), DecisionKind.Emergency),
        new("urgent-progressive-weakness", Profiles.WithFlags(RedFlag.ProgressiveWeakness), DecisionKind.UrgentReferral),
        new("urgent-foot-drop", Profiles.WithFlags(RedFlag.FootDrop), DecisionKind.UrgentReferral),
        new("treat-first-tumor", Profiles.With(Cause.Tumor), DecisionKind.TreatCauseFirst),
        new("treat-first-infection", Profiles.With(Cause.Infection), DecisionKind.TreatCauseFirst),
        new("treat-first-vascular-abnormality", Profiles.With(Cause.SpinalVascularAbnormality), DecisionKind.TreatCauseFirst),
        new("treat-first-cancer-history", Profiles.WithFlags(RedFlag.CancerHistory), DecisionKind.TreatCauseFirst),
        new("treat-first-suspected-cancer", Profiles.WithFlags(RedFlag.SuspectedCancer), DecisionKind.TreatCauseFirst),
        new("treat-first-fever", Profiles.WithFlags(RedFlag.Fever), DecisionKind.TreatCauseFirst),
        new("treat-first-unexplained-weight-loss", Profiles.WithFlags(RedFlag.UnexplainedWeightLoss), DecisionKind.TreatCauseFirst),
        new("treat-first-iv-drug-use", Profiles.WithFlags(RedFlag.IvDrugUse), DecisionKind.TreatCauseFirst),
        new("treat-first-immunosuppression", Profiles.WithFlags(RedFlag.Immunosuppression), DecisionKind.TreatCauseFirst),
        new("treat-first-significant-trauma", Profiles.WithFlags(RedFlag.SignificantTrauma), DecisionKind.TreatCauseFirst),
        new("treat-first-osteoporotic-trauma", Profiles.With(Cause.Injury, Cause.Osteoporosis), DecisionKind.TreatCauseFirst),
        new("treat-first-trauma-older-age", Profiles.With(Cause.Injury) with { Age = 51 }, DecisionKind.TreatCauseFirst),
        new("treat-first-trauma-age-not-recorded", Profiles.With(Cause.Injury) with { Age = null }, DecisionKind.TreatCauseFirst),
        new("treat-first-non-mechanical-pain", Profiles.WithFlags(RedFlag.NonMechanicalPain), DecisionKind.TreatCauseFirst),
        new("treat-first-thoracic-pain", Profiles.WithFlags(RedFlag.ThoracicPain), DecisionKind.TreatCauseFirst),
        new("treat-first-prolonged-corticosteroid-use", Profiles.WithFlags(RedFlag.ProlongedCorticosteroidUse), DecisionKind.TreatCauseFirst),
        new("advice-no-medical-clearance", Clear with { MedicalClearance = false }, DecisionKind.SeekMedicalAdvice),
        new("advice-cause-unknown", Profiles.With(Cause.Unknown), DecisionKind.SeekMedicalAdvice),
        new("advice-symptoms-not-controlled", Clear with { SymptomsTolerateExercise = false }, DecisionKind.SeekMedicalAdvice),
        new("advice-recent-spine-surgery", Clear with { WeeksSinceSpineSurgery = 3 }, DecisionKind.SeekMedicalAdvice),
        new("advice-pain-above-ceiling", Clear with { LegPain = 7 }, DecisionKind.SeekMedicalAdvice),
        new("land-walking-painful", Clear with { LandWalkingPainful = true }, DecisionKind.Program, "walking"),
        new("aquatic-needs-pool", Clear, DecisionKind.Program, "water-walking"),
        new("water-walking-when-land-painful", Clear with { PoolAccess = true }, DecisionKind.Program, "water-walking"),
        new("extension-needs-preference", Clear, DecisionKind.Program, "prone-press-up"),
        new("clinician-enabled-only", Clear, DecisionKind.Program, "sciatic-nerve-glide"),
        new("program-screening-passed", Clear, DecisionKind.Program),
        new("arthritis-specific-considerations", Profiles.With(Cause.InflammatoryArthritis), DecisionKind.Program),
        new("no-aerobic-option", Clear with { LandWalkingPainful = true }, DecisionKind.Program),
        new("age-serious-pathology-risk", Clear with { Age = 51 }, DecisionKind.Program),
        new("age-not-recorded", Clear with { Age = null }, DecisionKind.Program),
        new("advice-symptoms-six-weeks", Clear with { SymptomWeeks = 6 }, DecisionKind.Program),
        new("advice-symptom-duration-not-recorded", Clear with { SymptomWeeks = null }, DecisionKind.Program),
        new("advice-pregnancy", Clear with { PregnancyWeeks = 8 }, DecisionKind.Program),
        new("directional-preference-lifts-rule", Profiles.With(Cause.HerniatedDisc) with { DirectionalPreference = DirectionalPreference.Extension }, DecisionKind.Program),
        new("clinician-override-applied", Clear with { ClinicianOverrides = [Profiles.Override("sciatic-nerve-glide", "clinician-enabled-only")] }, DecisionKind.Program),
        new("clinician-override-refused", Profiles.With(Cause.Osteoporosis) with { ClinicianOverrides = [Profiles.Override("lower-trunk-rotation", "osteoporosis-avoid-twisting")] }, DecisionKind.Program),
        new("clinician-override-unused", Clear with { ClinicianOverrides = [Profiles.Override("walking", "disc-avoid-extension")] }, DecisionKind.Program),
        new("disc-avoid-extension", Profiles.With(Cause.HerniatedDisc), DecisionKind.Program, "standing-back-extension"),
        new("disc-avoid-rotation", Profiles.With(Cause.BulgingDisc), DecisionKind.Program, "lower-trunk-rotation"),
        new("extension-preference-avoid-flexion", Clear with { DirectionalPreference = DirectionalPreference.Extension }, DecisionKind.Program, "knee-to-chest"),
        new("flexion-preference-avoid-extension", Clear with { DirectionalPreference = DirectionalPreference.Flexion }, DecisionKind.Program, "prone-press-up"),
        new("stenosis-avoid-extension", Profiles.With(Cause.SpinalStenosis), DecisionKind.Program, "prone-press-up"),
        new("stenosis-avoid-rotation", Profiles.With(Cause.SpinalStenosis), DecisionKind.Program, "seated-trunk-rotation"),
        new("osteoarthritis-avoid-extension", Profiles.With(Cause.Osteoarthritis), DecisionKind.Program, "standing-back-extension"),
        new("osteoarthritis-avoid-rotation", Profiles.With(Cause.Osteoarthritis), DecisionKind.Program, "lower-trunk-rotation"),
        new("spondylolisthesis-avoid-extension", Profiles.With(Cause.Spondylolisthesis), DecisionKind.Program, "prone-press-up"),
        new("osteoporosis-avoid-spinal-flexion", Profiles.With(Cause.Osteoporosis), DecisionKind.Program, "knee-to-chest"),
        new("osteoporosis-avoid-twisting", Profiles.With(Cause.Osteoporosis), DecisionKind.Program, "seated-trunk-rotation"),
        new("osteoporosis-avoid-high-impact", Profiles.With(Cause.Osteoporosis), DecisionKind.Program, "skipping", Catalog: WithSkipping()),
        new("post-surgery-avoid-bending-lifting-twisting", Clear with { WeeksSinceSpineSurgery = 4 }, DecisionKind.Program, "piriformis-stretch"),
        new("irritable-nerve-avoid-tensioner", Clear with { LegPain = 4 }, DecisionKind.Program, "supine-hamstring-stretch"),
        new("pregnancy-avoid-supine", Clear with { PregnancyWeeks = 20 }, DecisionKind.Program, "bridge"),
        new("pregnancy-avoid-prone", Clear with { PregnancyWeeks = 12 }, DecisionKind.Program, "prone-press-up"),
    ];

    public static TheoryData<Example> Examples { get; } = new(All);

    /// <summary>The default catalog plus a high-impact exercise, which only a host's catalog would have (the rule guards custom catalogs).</summary>
    private static ExerciseCatalog WithSkipping()
    {
        var walking = ExerciseCatalog.Default.Find("walking")!;
        return new ExerciseCatalog([.. ExerciseCatalog.Default.Exercises, walking with { Id = "skipping", Name = "Skipping", Movements = [MovementPattern.HighImpact, MovementPattern.WeightBearing] }]);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Rule_Example_GivesItsDecisionAndReason(Example example)
    {
        // A fresh engine: no decision memoised by an earlier test stands in for this rule's evaluation.
        var selector = new ProgramSelector(example.Catalog ?? ExerciseCatalog.Default, example.RuleSet ?? RuleSet.Default);

        var decision = selector.Select(example.Profile);

        Assert.Equal(example.Decision, decision.Decision);
        var reason = Assert.Single(decision.Reasons, r => r.RuleId == example.RuleId);
        Assert.False(string.IsNullOrWhiteSpace(reason.Message));
        Assert.True(ClinicalSources.IsKnown(reason.Source));
        if (example.ExcludedExercise is { } id)
        {
            Assert.DoesNotContain(decision.Exercises, e => e.Id == id);
            Assert.Contains(decision.Excluded.Single(e => e.Id == id).Reasons, r => r.RuleId == example.RuleId);
        }
    }

    [Theory]
    [InlineData(4, 3, "Spine surgery was less than 4 weeks ago: rehabilitation exercise starts 4 to 6 weeks after surgery, when the surgical team agrees.")]
    [InlineData(6, 5, "Spine surgery was less than 6 weeks ago: rehabilitation exercise starts 4 to 6 weeks after surgery, when the surgical team agrees.")]
    [InlineData(12, 8, "Spine surgery was less than 12 weeks ago: exercise here starts no earlier than 12 weeks after spine surgery (later than the 4 to 6 weeks at which rehabilitation exercise can start), and only when the surgical team agrees.")]
    public void AdviceRecentSpineSurgery_MessageAgreesWithTheRuleSetsWait(int minimumWeeks, int weeksSinceSurgery, string message)
    {
        // A clinic that waits longer than the published 4 to 6 weeks must not be told, at 8 weeks, that exercise starts at 4 to 6.
        var ruleSet = new RuleSet("clinic", "1", RuleSet.Default.Contraindications, new RuleThresholds { MinimumWeeksAfterSpineSurgery = minimumWeeks });

        var decision = new ProgramSelector(ExerciseCatalog.Default, ruleSet).Select(Clear with { WeeksSinceSpineSurgery = weeksSinceSurgery });

        Assert.Equal(DecisionKind.SeekMedicalAdvice, decision.Decision);
        Assert.Equal(message, Assert.Single(decision.Reasons, r => r.RuleId == "advice-recent-spine-surgery").Message);
    }

    [Fact]
    public void DefaultRuleSet_EveryResponseRule_HasANamedExampleTest()
    {
        // Response rules are shown by SessionReviewerTests, whose test names carry the rule id.
        var names = typeof(Review.SessionReviewerTests).GetMethods().Concat(typeof(Review.SessionReviewerVersionTwoTests).GetMethods()).Concat(typeof(Review.SessionReviewerVersionThreeTests).GetMethods()).Select(m => m.Name).ToList();

        var missing = RuleSet.Default.Rules.Where(r => r.Category == RuleCategory.Response)
            .Select(r => r.Id)
            .Where(id => !names.Any(n => n.Contains(Pascal(id), StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(missing);
    }

    private static string Pascal(string id) => string.Concat(id.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    [Fact]
    public void DefaultRuleSet_EveryRule_HasAnExample()
    {
        var covered = All.Select(e => e.RuleId).ToHashSet();

        var missing = RuleSet.Default.Rules.Where(r => r.Category != RuleCategory.Response).Select(r => r.Id).Where(id => !covered.Contains(id)).ToList();

        Assert.Empty(missing);
    }
}
