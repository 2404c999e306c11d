using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Tests.Reference;

/// <summary>
/// The reference evaluator (the oracle): every rule as a plain predicate on the profile (<see cref="ReferenceRules"/>,
/// written here rather than compiled to a mask), one exercise at a time, clinician overrides considered rule by rule as
/// each exercise is excluded. Slow and plain on purpose. The library decides with its compiled evaluator only; the differential properties
/// (Properties/CompiledEvaluatorTests) check that it decides exactly as this one for generated profiles, catalogs,
/// rule sets and overrides. Overrides are taken as given: checking them is the library's job (ProgramSelectorTests).
/// </summary>
public sealed class ReferenceEvaluator
{
    private static readonly ConditionalWeakTable<ProgramSelector, ReferenceEvaluator> ByEngine = [];

    private readonly ProgramSelector selector;
    private readonly GeneralTables tables;

    private ReferenceEvaluator(ProgramSelector selector)
    {
        this.selector = selector;
        tables = new GeneralTables(selector.Catalog, selector.RuleSet);
    }

    /// <summary>The reference decision for a profile, over the engine's catalog and rule set.</summary>
    public static ProgramDecision Decide(ProgramSelector selector, PatientProfile profile) =>
        ByEngine.GetValue(selector, static s => new ReferenceEvaluator(s)).Evaluate(profile);

    private ProgramDecision Evaluate(PatientProfile profile)
    {
        var fired = selector.RuleSet.BuiltIns.Screening.Where(rule => rule.Applies(selector.RuleSet, profile)).ToImmutableArray();
        return fired.IsEmpty ? SelectProgram(profile) : Refuse(profile, fired);
    }

    private ProgramDecision Refuse(PatientProfile profile, ImmutableArray<ScreeningRule> fired)
    {
        var kind = fired.Max(rule => rule.Decision);
        // Each decision's usual timeframe is ordered like its urgency, so the soonest of the fired rules is the one to act on.
        var timeframe = fired.Min(rule => rule.Timeframe);
        // The screening list is written most urgent first; a stable sort keeps that order within a level.
        var screening = fired.OrderByDescending(rule => rule.Decision).Select(rule => rule.Reason).ToImmutableArray();
        var reasons = screening.AddRange(profile.ClinicianOverrides.Select(o => new DecisionReason(
            BuiltInRules.OverrideRefusedId,
            Invariant($"The clinician override of '{o.RuleId}' for '{o.ExerciseId}' was not applied: no exercise is given when screening decides '{ContractNames.Of(kind)}'."),
            ClinicalSources.Tbc)));
        EquatableArray<DecisionReason> shared = screening;
        return new ProgramDecision
        {
            Decision = kind,
            Timeframe = timeframe,
            Reasons = reasons,
            Exercises = [],
            Excluded = selector.Catalog.Exercises.Select(e => new ExcludedExercise(e.Id, shared)).ToEquatableArray(),
            SafetyAdvice = SafetyAdvice.For(kind, timeframe),
            RuleSetVersion = selector.RuleSetVersion,
        };
    }

    private ProgramDecision SelectProgram(PatientProfile profile)
    {
        var general = tables;
        var contraindications = general.Contraindications;
        var contraindicationReasons = general.ContraindicationReasons;
        var contraindicationMovements = general.ContraindicationMovements;
        var contraindicationPositions = general.ContraindicationPositions;
        var exerciseMovements = general.ExerciseMovements;
        var exercisePositions = general.ExercisePositions;
        var reasons = new List<DecisionReason>();
        var enforced = new List<int>();
        var enforcedMovements = 0u;
        var enforcedPositions = 0u;
        for (var c = 0; c < contraindications.Length; c++)
        {
            var rule = contraindications[c];
            if (!rule.AppliesTo(profile))
            {
                continue;
            }

            if (rule.IsLiftedFor(profile))
            {
                reasons.Add(BuiltInRules.PreferenceLifts(rule, profile.DirectionalPreference!.Value));
                continue;
            }

            enforced.Add(c);
            enforcedMovements |= contraindicationMovements[c];
            enforcedPositions |= contraindicationPositions[c];
        }

        var exclusion = new Exclusion(profile, reasons);
        // A contraindication is given as a reason of the program only when it left out at least one exercise.
        var firedContraindication = new bool[contraindications.Length];
        var firedEligibility = new bool[selector.RuleSet.BuiltIns.Eligibility.Length];
        var included = new List<PrescribedExercise>();
        var excluded = new List<ExcludedExercise>();
        var exercises = selector.Catalog.Exercises;
        for (var e = 0; e < exercises.Count; e++)
        {
            var exercise = exercises[e];
            exclusion.Start(exercise);
            if ((exerciseMovements[e] & enforcedMovements) != 0 || (exercisePositions[e] & enforcedPositions) != 0)
            {
                foreach (var c in enforced)
                {
                    if ((contraindicationMovements[c] & exerciseMovements[e]) != 0 || (contraindicationPositions[c] & exercisePositions[e]) != 0)
                    {
                        firedContraindication[c] |= exclusion.Consider(contraindications[c].Id, contraindications[c].Strength, contraindicationReasons[c]);
                    }
                }
            }

            for (var r = 0; r < selector.RuleSet.BuiltIns.Eligibility.Length; r++)
            {
                var rule = selector.RuleSet.BuiltIns.Eligibility[r];
                if (rule.Excludes(profile, exercise))
                {
                    firedEligibility[r] |= exclusion.Consider(rule.Id, rule.Strength, rule.Reason);
                }
            }

            if (exclusion.Why is { } why)
            {
                excluded.Add(new ExcludedExercise(exercise.Id, [.. why]));
            }
            else
            {
                included.Add(general.Prescriptions[e]);
            }

            exclusion.Finish();
        }

        reasons.AddRange(contraindicationReasons.Where((_, c) => firedContraindication[c]));
        reasons.AddRange(selector.RuleSet.BuiltIns.Eligibility.Where((_, r) => firedEligibility[r]).Select(rule => rule.Reason));
        reasons.AddRange(selector.RuleSet.BuiltIns.Advice.Where(rule => rule.Applies(selector.RuleSet, profile)).Select(rule => rule.Reason));
        foreach (var unused in profile.ClinicianOverrides.Where(o => !exclusion.Used.Contains(o)))
        {
            reasons.Add(new DecisionReason(
                BuiltInRules.OverrideUnusedId,
                Invariant($"The clinician override of '{unused.RuleId}' for '{unused.ExerciseId}' had no effect: that rule does not exclude that exercise for this person."),
                ClinicalSources.Tbc));
        }

        return new ProgramDecision
        {
            Decision = DecisionKind.Program,
            Timeframe = null,
            Reasons = [BuiltInRules.ScreeningPassed, .. reasons.OrderBy(r => r.RuleId, StringComparer.Ordinal).ThenBy(r => r.Message, StringComparer.Ordinal)],
            // The catalog is in id order and OrderBy is stable: exercises come by kind, then id.
            Exercises = included.OrderBy(e => e.Kind).ToEquatableArray(),
            Excluded = excluded.ToEquatableArray(),
            SafetyAdvice = SafetyAdvice.For(DecisionKind.Program),
            RuleSetVersion = selector.RuleSetVersion,
        };
    }

    /// <summary>
    /// What the reference evaluator reads: contraindications with their reasons and movement and position masks, and each
    /// exercise's masks and prescription.
    /// </summary>
    private sealed class GeneralTables
    {
        public GeneralTables(ExerciseCatalog catalog, RuleSet ruleSet)
        {
            Contraindications = ruleSet.Contraindications.AsImmutableArray();
            ContraindicationReasons = [.. Contraindications.Select(c => new DecisionReason(c.Id, c.Rationale, c.Source))];
            ContraindicationMovements = [.. Contraindications.Select(c => MovementMask(c.Movements))];
            ContraindicationPositions = [.. Contraindications.Select(c => PositionMask(c.Positions))];
            ExerciseMovements = [.. catalog.Exercises.Select(e => MovementMask(e.Movements))];
            ExercisePositions = [.. catalog.Exercises.Select(e => 1u << (int)e.Position)];
            Prescriptions = [.. catalog.Exercises.Select(PrescribedExercise.From)];
        }

        public ImmutableArray<Contraindication> Contraindications { get; }

        public ImmutableArray<DecisionReason> ContraindicationReasons { get; }

        public uint[] ContraindicationMovements { get; }

        public uint[] ContraindicationPositions { get; }

        public uint[] ExerciseMovements { get; }

        public uint[] ExercisePositions { get; }

        public ImmutableArray<PrescribedExercise> Prescriptions { get; }
    }

    private static uint PositionMask(IReadOnlyList<BodyPosition> positions)
    {
        var mask = 0u;
        foreach (var position in positions)
        {
            mask |= 1u << (int)position;
        }

        return mask;
    }

    private static uint MovementMask(IReadOnlyList<MovementPattern> movements)
    {
        var mask = 0u;
        foreach (var movement in movements)
        {
            mask |= 1u << (int)movement;
        }

        return mask;
    }

    /// <summary>Collects why one exercise is excluded (in rule id order), applying clinician overrides of relative rules.</summary>
    private sealed class Exclusion(PatientProfile profile, List<DecisionReason> reasons)
    {
        private readonly List<ClinicianOverride> lifted = [];
        private Exercise exercise = null!;

        public List<DecisionReason>? Why { get; private set; }

        public HashSet<ClinicianOverride> Used { get; } = [];

        public void Start(Exercise next)
        {
            exercise = next;
            Why = null;
            lifted.Clear();
        }

        /// <summary>Says what each lifted rule did for the exercise: it is now included, or other rules (named) still exclude it.</summary>
        public void Finish()
        {
            foreach (var clinician in lifted)
            {
                var outcome = Why is null
                    ? Invariant($"'{exercise.Id}' is included.")
                    : Invariant($"'{exercise.Id}' stays excluded by {string.Join(", ", Why.Select(r => "'" + r.RuleId + "'"))}.");
                reasons.Add(new DecisionReason(
                    BuiltInRules.OverrideAppliedId,
                    Invariant($"A clinician lifted the relative rule '{clinician.RuleId}' for '{exercise.Id}': {outcome} Reason given: {clinician.Reason}"),
                    ClinicalSources.Tbc));
            }
        }

        /// <summary>Keeps the reasons in rule id order: contraindications arrive in id order, eligibility rules are placed among them.</summary>
        private void AddInOrder(DecisionReason reason)
        {
            var why = Why ??= [];
            var at = why.Count;
            while (at > 0 && string.CompareOrdinal(why[at - 1].RuleId, reason.RuleId) > 0)
            {
                at--;
            }

            why.Insert(at, reason);
        }

        public bool Consider(string ruleId, ContraindicationStrength strength, DecisionReason reason)
        {
            var clinician = profile.ClinicianOverrides.IsEmpty
                ? null
                : profile.ClinicianOverrides.FirstOrDefault(o => o.ExerciseId == exercise.Id && o.RuleId == ruleId);
            if (clinician is null)
            {
                AddInOrder(reason);
                return true;
            }

            Used.Add(clinician);
            if (strength == ContraindicationStrength.Relative)
            {
                lifted.Add(clinician);
                return false;
            }

            AddInOrder(reason);
            reasons.Add(new DecisionReason(
                BuiltInRules.OverrideRefusedId,
                Invariant($"The clinician override of '{ruleId}' for '{exercise.Id}' was not applied: the rule is absolute and nothing lifts it."),
                ClinicalSources.Tbc));
            return true;
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
