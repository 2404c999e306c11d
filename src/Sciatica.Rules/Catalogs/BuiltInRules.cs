using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using static Sciatica.Rules.Catalogs.ClinicalSources;

namespace Sciatica.Rules.Catalogs;

/// <summary>
/// The rules every rule set has and no host can remove: the screening gates in order of urgency
/// (most urgent first [CKS, IFOMPT]), the eligibility rules and the program advice.
/// </summary>
internal sealed class BuiltInRules
{
    public const string ScreeningPassedId = "program-screening-passed";
    public const string ClinicianEnabledOnlyId = "clinician-enabled-only";
    public const string OverrideAppliedId = "clinician-override-applied";
    public const string OverrideRefusedId = "clinician-override-refused";
    public const string OverrideUnusedId = "clinician-override-unused";
    public const string PreferenceLiftsId = "directional-preference-lifts-rule";

    public BuiltInRules(RuleThresholds thresholds, ImmutableArray<ScreeningGate> gates)
    {
        Screening = MostUrgentFirst(gates, CreateScreening(thresholds));
        Eligibility = CreateEligibility();
        Advice = CreateAdvice(thresholds);
        Response = new ResponseRules(thresholds);
    }

    public ResponseRules Response { get; }

    /// <summary>The built-in rules over the gates that name a red flag or a cause (a gate naming neither is reported by validation, never compiled).</summary>
    public static BuiltInRules Over(RuleThresholds thresholds, ImmutableArray<ScreeningGate> screening)
    {
        var gates = ImmutableArray.CreateBuilder<ScreeningGate>(screening.Length);
        foreach (var gate in screening)
        {
            if (gate is { RedFlag: not null } or { Cause: not null })
            {
                gates.Add(gate);
            }
        }

        return new BuiltInRules(thresholds, gates.DrainToImmutable());
    }

    public ImmutableArray<ScreeningRule> Screening { get; }

    public ImmutableArray<EligibilityRule> Eligibility { get; }

    public ImmutableArray<AdvisoryRule> Advice { get; }

    public static DecisionReason ScreeningPassed { get; } = new(
        ScreeningPassedId,
        "No red flag or screening gate applies: a clinician has cleared exercise, the cause is diagnosed and symptoms tolerate exercise, so a program may start.",
        Seed);

    /// <summary>The reason given when a clinician-assessed directional preference lifts a relative rule; one text for every evaluator.</summary>
    public static DecisionReason PreferenceLifts(Contraindication rule, DirectionalPreference preference) => new(
        PreferenceLiftsId,
        string.Create(CultureInfo.InvariantCulture, $"The clinician-assessed {ContractNames.Of(preference)} directional preference lifts the relative rule '{rule.Id}'."),
        Dp);

    /// <summary>
    /// The ids of the rules the library adds itself, not the gates': the same whatever the thresholds, so worked out once.
    /// No gate or contraindication may take one, so that every rule id names one rule.
    /// </summary>
    public static IReadOnlySet<string> OwnIds => field ??= new BuiltInRules(new RuleThresholds(), []).Describe().Select(r => r.Id).ToFrozenSet(StringComparer.Ordinal);

    public IEnumerable<RuleDescription> Describe()
    {
        foreach (var rule in Screening)
        {
            yield return new RuleDescription(rule.Id, rule.Category, rule.Message, rule.Source, null);
        }

        foreach (var rule in Eligibility)
        {
            yield return new RuleDescription(rule.Id, RuleCategory.Eligibility, rule.Message, rule.Source, rule.Strength);
        }

        yield return new RuleDescription(ScreeningPassed.RuleId, RuleCategory.Advice, ScreeningPassed.Message, ScreeningPassed.Source, null);
        foreach (var rule in Advice)
        {
            yield return new RuleDescription(rule.Id, RuleCategory.Advice, rule.Message, rule.Source, null);
        }

        yield return new RuleDescription(PreferenceLiftsId, RuleCategory.Advice, "A clinician-assessed directional preference lifts a relative rule that it is documented to lift.", Dp, null);
        yield return new RuleDescription(OverrideAppliedId, RuleCategory.Advice, "A clinician lifted a relative rule for one exercise, with a recorded reason.", Tbc, null);
        yield return new RuleDescription(OverrideRefusedId, RuleCategory.Advice, "A clinician override was not applied because the rule is absolute or the decision is a screening decision.", Tbc, null);
        yield return new RuleDescription(OverrideUnusedId, RuleCategory.Advice, "A clinician override had no effect because the rule does not exclude that exercise for this person.", Tbc, null);
        foreach (var rule in Response.Describe())
        {
            yield return rule;
        }
    }

    /// <summary>The screening gates of the default rule set (from the embedded default catalog document).</summary>
    public static ImmutableArray<ScreeningGate> DefaultGates => DefaultCatalog.Embedded.RuleSet.Screening.AsImmutableArray();

    /// <summary>The gates' rules, then the built-in ones, most urgent first; the written order is kept within a level (a stable sort, by hand).</summary>
    private static ImmutableArray<ScreeningRule> MostUrgentFirst(ImmutableArray<ScreeningGate> gates, ImmutableArray<ScreeningRule> builtIn)
    {
        var rules = new ScreeningRule[gates.Length + builtIn.Length];
        var most = DecisionKind.Program;
        for (var i = 0; i < rules.Length; i++)
        {
            rules[i] = i < gates.Length ? Compile(gates[i]) : builtIn[i - gates.Length];
            most = rules[i].Decision > most ? rules[i].Decision : most;
        }

        var sorted = ImmutableArray.CreateBuilder<ScreeningRule>(rules.Length);
        for (var level = most; sorted.Count < rules.Length; level--)
        {
            foreach (var rule in rules)
            {
                if (rule.Decision == level)
                {
                    sorted.Add(rule);
                }
            }
        }

        return sorted.MoveToImmutable();
    }

    private static ScreeningRule Compile(ScreeningGate gate) =>
        gate.RedFlag is { } flag
            ? new(gate.Id, gate.Decision, gate.Rationale, gate.Source, Condition.AllOf(Facts.RedFlag(flag)), gate.Timeframe)
            : gate.Cause is { } cause
                ? new(gate.Id, gate.Decision, gate.Rationale, gate.Source, Condition.AllOf(Facts.Cause(cause)), gate.Timeframe)
                : throw new InvalidOperationException($"Screening gate '{gate.Id}' names neither a red flag nor a cause.");

    private static ImmutableArray<ScreeningRule> CreateScreening(RuleThresholds t)
    {
        var older = string.Create(CultureInfo.InvariantCulture, $"{t.SeriousPathologyMaximumAge}");
        var weeks = string.Create(CultureInfo.InvariantCulture, $"{t.MinimumWeeksAfterSpineSurgery}");
        var pain = string.Create(CultureInfo.InvariantCulture, $"{t.SeverePainFrom}");

        return
        [
            new("emergency-cancer-with-neurological-signs", DecisionKind.Emergency,
                "A history of cancer with weakness, foot drop, symptoms in both legs or signs of spinal cord compression: metastatic spinal cord compression is suspected, which needs emergency care now.",
                Ng234, CancerWithNeurologicalSign(RedFlag.CancerHistory)),
            new("emergency-suspected-cancer-with-neurological-signs", DecisionKind.Emergency,
                "Suspected cancer with weakness, foot drop, symptoms in both legs or signs of spinal cord compression: metastatic spinal cord compression is suspected, which needs emergency care now.",
                Ng234, CancerWithNeurologicalSign(RedFlag.SuspectedCancer)),
            new("treat-first-osteoporotic-trauma", DecisionKind.TreatCauseFirst,
                "An injury in a person with osteoporosis, even a minor one, can cause a vertebral fracture: a clinician must rule it out before exercise.",
                Ahcpr, Condition.AllOf(Facts.Cause(Cause.Injury), Facts.Cause(Cause.Osteoporosis))),
            new("treat-first-trauma-older-age", DecisionKind.TreatCauseFirst,
                $"An injury in a person older than {older} can cause a fracture even when minor: a clinician must rule it out before exercise.",
                Ahcpr, Condition.AllOf(Facts.Cause(Cause.Injury), Facts.AgeAboveSeriousPathologyMaximum)),
            new("treat-first-trauma-age-not-recorded", DecisionKind.TreatCauseFirst,
                $"An injury was recorded without the person's age, so it is treated as an injury in a person older than {older}, which can cause a fracture even when minor: a clinician must rule it out before exercise.",
                Ahcpr, Condition.AllOf(Facts.Cause(Cause.Injury), Facts.AgeNotRecorded)),
            new("advice-no-medical-clearance", DecisionKind.SeekMedicalAdvice,
                "Medical advice is needed before starting: the wrong exercises can make symptoms worse.",
                Seed, Condition.AllOf(Facts.NoMedicalClearance)),
            new("advice-symptoms-not-controlled", DecisionKind.SeekMedicalAdvice,
                "Symptoms need to be controlled first, for example with medication, so that exercise can be tolerated.",
                Seed, Condition.AllOf(Facts.SymptomsDoNotTolerateExercise)),
            new("advice-recent-spine-surgery", DecisionKind.SeekMedicalAdvice,
                t.MinimumWeeksAfterSpineSurgery <= 6
                    ? $"Spine surgery was less than {weeks} weeks ago: rehabilitation exercise starts 4 to 6 weeks after surgery, when the surgical team agrees."
                    : $"Spine surgery was less than {weeks} weeks ago: exercise here starts no earlier than {weeks} weeks after spine surgery (later than the 4 to 6 weeks at which rehabilitation exercise can start), and only when the surgical team agrees.",
                PostOp, Condition.AllOf(Facts.SpineSurgeryTooRecent)),
            new("advice-pain-above-ceiling", DecisionKind.SeekMedicalAdvice,
                $"Leg or back pain is {pain} out of 10 or more, which is severe: symptoms need to be controlled, for example with medication, before exercise can be tolerated.",
                Nrs, Condition.AnyOf(Facts.LegPainSevere, Facts.BackPainSevere)),
        ];
    }

    /// <summary>The new neurological symptoms and signs that, with known or suspected cancer, mean metastatic spinal cord compression is suspected [NG234].</summary>
    private static readonly RedFlag[] NeurologicalSigns = [RedFlag.ProgressiveWeakness, RedFlag.FootDrop, RedFlag.BilateralLegSymptoms, RedFlag.CordCompressionSigns];

    private static Condition CancerWithNeurologicalSign(RedFlag cancer)
    {
        var any = Facts.None;
        foreach (var flag in NeurologicalSigns)
        {
            any = any.With(Facts.RedFlag(flag));
        }

        return new Condition(Facts.None.With(Facts.RedFlag(cancer)), any);
    }

    private static ImmutableArray<EligibilityRule> CreateEligibility() =>
    [
        new("land-walking-painful", ContraindicationStrength.Absolute,
            "Walking on land is too painful for now, so weight-bearing exercise on land is left out.",
            Seed, Condition.AllOf(Facts.LandWalkingPainful), e => e.Moves(MovementPattern.WeightBearing)),
        new("aquatic-needs-pool", ContraindicationStrength.Absolute,
            "Exercise in water needs a pool, and no pool is available.",
            Seed, Condition.AllOf(Facts.NoPoolAccess), e => e.Moves(MovementPattern.Aquatic)),
        new("water-walking-when-land-painful", ContraindicationStrength.Relative,
            "Walking on land is the default aerobic exercise; water walking replaces it only when land walking is too painful.",
            Seed, Condition.AllOf(Facts.LandWalkingNotPainful), e => e.Kind == ExerciseKind.Aerobic && e.Moves(MovementPattern.Aquatic)),
        new("extension-needs-preference", ContraindicationStrength.Relative,
            "Repeated back-bend exercises are used only when a clinician has found that extension eases the symptoms (an extension directional preference).",
            Dp, Condition.AllOf(Facts.NoExtensionPreference), e => e.Moves(MovementPattern.LumbarExtension)),
        new(ClinicianEnabledOnlyId, ContraindicationStrength.Relative,
            "This exercise is added only by a clinician who has assessed the person.",
            Tbc, Condition.Always, e => e.ClinicianEnabledOnly),
    ];

    private static ImmutableArray<AdvisoryRule> CreateAdvice(RuleThresholds t)
    {
        var young = string.Create(CultureInfo.InvariantCulture, $"{t.SeriousPathologyMinimumAge}");
        var older = string.Create(CultureInfo.InvariantCulture, $"{t.SeriousPathologyMaximumAge}");
        return
        [
            new("arthritis-specific-considerations",
                "Certain forms of arthritis have specific considerations: a program designed and supervised by a physical therapist, with the specialist's advice, is preferred.",
                Seed, Condition.AnyOf(Facts.Cause(Cause.InflammatoryArthritis), Facts.Cause(Cause.Osteoarthritis))),
            new("no-aerobic-option",
                "Walking on land is too painful and no pool is available, so this program has no aerobic exercise for now; ask a clinician about other ways to stay active.",
                Seed, Condition.AllOf(Facts.LandWalkingPainful, Facts.NoPoolAccess)),
            new("age-serious-pathology-risk",
                $"Age under {young} or over {older} makes serious causes of back pain more likely: report any warning sign to a clinician straight away.",
                Ahcpr, Condition.AnyOf(Facts.AgeBelowSeriousPathologyMinimum, Facts.AgeAboveSeriousPathologyMaximum)),
            new("age-not-recorded",
                $"Age was not recorded: under {young} or over {older}, serious causes of back pain are more likely, so report any warning sign to a clinician straight away.",
                Ahcpr, Condition.AllOf(Facts.AgeNotRecorded)),
            new("advice-symptoms-six-weeks",
                "Sciatica has lasted 6 weeks or more: if it is not improving, ask a clinician to review it (scans and referral are considered when a treatment would follow from them).",
                Jensen, Condition.AllOf(Facts.SymptomsSixWeeksOrMore)),
            new("advice-symptom-duration-not-recorded",
                "How long the sciatica has lasted was not recorded: if it has lasted 6 weeks or more and is not improving, ask a clinician to review it.",
                Jensen, Condition.AllOf(Facts.SymptomWeeksNotRecorded)),
            new("advice-pregnancy",
                "Exercise in an uncomplicated pregnancy is encouraged once a clinician has checked it; from 12 weeks exercises lying face down are left out, and from 20 weeks exercises lying on the back, because lying flat can lower blood pressure.",
                Acog, Condition.AllOf(Facts.Pregnant)),
        ];
    }
}
