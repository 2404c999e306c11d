using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Tests.Reference;

/// <summary>
/// Each rule of the library written as a plain predicate over the profile, for the reference evaluator: the library
/// itself keeps only each rule's compiled <see cref="Condition"/>, so these are written here, apart from it, from the
/// rule's words (its message and docs/rules.md). A rule the library adds without a predicate here fails every
/// differential property that reaches it, naming the rule: a new rule cannot go unchecked.
/// </summary>
internal static class ReferenceRules
{
    /// <summary>The new neurological symptoms and signs that, with known or suspected cancer, make a screening emergency.</summary>
    private static readonly RedFlag[] NeurologicalSigns = [RedFlag.ProgressiveWeakness, RedFlag.FootDrop, RedFlag.BilateralLegSymptoms, RedFlag.CordCompressionSigns];

    /// <summary>Whether a screening rule (a catalog's gate or a built-in rule) applies to the person.</summary>
    public static bool Applies(this ScreeningRule rule, RuleSet ruleSet, PatientProfile p)
    {
        foreach (var gate in ruleSet.Screening)
        {
            if (gate.Id == rule.Id)
            {
                return gate.RedFlag is { } flag ? p.Has(flag) : gate.Cause is { } cause ? p.Has(cause) : throw Missing(rule.Id);
            }
        }

        var t = ruleSet.Thresholds;
        return rule.Id switch
        {
            "emergency-cancer-with-neurological-signs" => p.Has(RedFlag.CancerHistory) && NeurologicalSigns.Any(p.Has),
            "emergency-suspected-cancer-with-neurological-signs" => p.Has(RedFlag.SuspectedCancer) && NeurologicalSigns.Any(p.Has),
            "treat-first-osteoporotic-trauma" => p.Has(Cause.Injury) && p.Has(Cause.Osteoporosis),
            "treat-first-trauma-older-age" => p.Has(Cause.Injury) && p.Age > t.SeriousPathologyMaximumAge,
            "treat-first-trauma-age-not-recorded" => p.Has(Cause.Injury) && p.Age is null,
            "advice-no-medical-clearance" => !p.MedicalClearance,
            "advice-symptoms-not-controlled" => !p.SymptomsTolerateExercise,
            "advice-recent-spine-surgery" => p.WeeksSinceSpineSurgery < t.MinimumWeeksAfterSpineSurgery,
            "advice-pain-above-ceiling" => Math.Max(p.LegPain, p.BackPain) >= t.SeverePainFrom,
            _ => throw Missing(rule.Id),
        };
    }

    /// <summary>Whether a built-in eligibility rule excludes the exercise for the person.</summary>
    public static bool Excludes(this EligibilityRule rule, PatientProfile p, Exercise e) => rule.Id switch
    {
        "land-walking-painful" => p.LandWalkingPainful && e.Moves(MovementPattern.WeightBearing),
        "aquatic-needs-pool" => !p.PoolAccess && e.Moves(MovementPattern.Aquatic),
        "water-walking-when-land-painful" => !p.LandWalkingPainful && e.Kind == ExerciseKind.Aerobic && e.Moves(MovementPattern.Aquatic),
        "extension-needs-preference" => p.DirectionalPreference != DirectionalPreference.Extension && e.Moves(MovementPattern.LumbarExtension),
        BuiltInRules.ClinicianEnabledOnlyId => e.ClinicianEnabledOnly,
        _ => throw Missing(rule.Id),
    };

    /// <summary>Whether a built-in advice rule applies to the person's program.</summary>
    public static bool Applies(this AdvisoryRule rule, RuleSet ruleSet, PatientProfile p)
    {
        var t = ruleSet.Thresholds;
        return rule.Id switch
        {
            "arthritis-specific-considerations" => p.Has(Cause.InflammatoryArthritis) || p.Has(Cause.Osteoarthritis),
            "no-aerobic-option" => p.LandWalkingPainful && !p.PoolAccess,
            "age-serious-pathology-risk" => p.Age < t.SeriousPathologyMinimumAge || p.Age > t.SeriousPathologyMaximumAge,
            "age-not-recorded" => p.Age is null,
            "advice-symptoms-six-weeks" => p.SymptomWeeks >= 6,
            "advice-symptom-duration-not-recorded" => p.SymptomWeeks is null,
            "advice-pregnancy" => p.PregnancyWeeks is not null,
            _ => throw Missing(rule.Id),
        };
    }

    /// <summary>
    /// Whether a contraindication applies to the person, before any lifting by directional preference: every condition
    /// it sets holds (one of its causes, or any cause when it lists none; its directional preference; spine surgery;
    /// its least leg pain; its least weeks of pregnancy).
    /// </summary>
    public static bool AppliesTo(this Contraindication c, PatientProfile p) =>
        (c.Causes.Count == 0 || c.Causes.Any(p.Has))
        && (c.WhenDirectionalPreference is null || c.WhenDirectionalPreference == p.DirectionalPreference)
        && (!c.AfterSpineSurgery || p.WeeksSinceSpineSurgery is not null)
        && (c.MinimumLegPain is not { } pain || p.LegPain >= pain)
        && (c.MinimumPregnancyWeeks is not { } weeks || p.PregnancyWeeks >= weeks);

    /// <summary>Whether the person's directional preference lifts the contraindication (only a relative one is lifted).</summary>
    public static bool IsLiftedFor(this Contraindication c, PatientProfile p) =>
        c.Strength == ContraindicationStrength.Relative
        && c.LiftedByDirectionalPreference is not null
        && c.LiftedByDirectionalPreference == p.DirectionalPreference;

    private static InvalidOperationException Missing(string id) =>
        new($"The reference evaluator has no predicate for rule '{id}': write one in Reference/ReferenceRules.cs from the rule's words.");
}
