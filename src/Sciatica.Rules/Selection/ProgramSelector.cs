using System.Collections.Immutable;
using System.Globalization;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules;

/// <summary>
/// The selection engine: from a person's profile to one explained decision. Screening comes first and
/// the most urgent applicable decision wins; only then are exercises chosen, each catalog exercise
/// either included with its rationale or excluded with every rule that excludes it.
/// </summary>
/// <remarks>
/// Pure and deterministic: no clock, no randomness, no culture dependence and no I/O. The rule set is compiled
/// to bit masks once, here (see docs/benchmarks.md); every call evaluates every rule afresh. Equal parts of
/// decisions (reason lists, refusals) are shared between calls in bounded tables, which never change an answer,
/// so one instance is safe and best shared between threads. The rule-set version is computed once, here.
/// </remarks>
public sealed class ProgramSelector : IProgramSelector
{
    private readonly BuiltInRules builtIns;

    /// <summary>The rule set compiled to bit masks.</summary>
    private readonly CompiledRules compiled;

    /// <summary>The general evaluator's tables: built on its first use, since profiles without overrides never need them.</summary>
    private GeneralTables? general;

    private ChangeSearch? suggestions;

    /// <summary>Creates an engine over the default catalog and rule set.</summary>
    public ProgramSelector()
        : this(ExerciseCatalog.Default, RuleSet.Default)
    {
    }

    /// <summary>Creates an engine over a catalog and a rule set, both already validated.</summary>
    /// <param name="catalog">The exercises to choose from.</param>
    /// <param name="ruleSet">The rules to apply.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ProgramSelector(ExerciseCatalog catalog, RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(ruleSet);
        Catalog = catalog;
        RuleSet = ruleSet;
        builtIns = ruleSet.BuiltIns;
        RuleSetVersion = ContentFingerprint.Compute(catalog, ruleSet);
        compiled = new CompiledRules(catalog, ruleSet, RuleSetVersion);
    }

    /// <summary>Gets a shared engine over the default catalog and rule set.</summary>
    public static ProgramSelector Default { get; } = new();

    /// <inheritdoc />
    public ExerciseCatalog Catalog { get; }

    /// <inheritdoc />
    public RuleSet RuleSet { get; }

    /// <inheritdoc />
    public string RuleSetVersion { get; }

    /// <inheritdoc />
    public ProgramDecision Select(PatientProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        using var activity = SciaticaRulesTelemetry.Source.StartActivity("sciatica_rules.select");
        var decision = Decide(profile);
        SciaticaRulesTelemetry.Decided(decision.Decision, RuleSetVersion);
        activity?.SetTag("decision", ContractNames.Of(decision.Decision));
        activity?.SetTag("rule_set_version", RuleSetVersion);
        return decision;
    }

    /// <inheritdoc />
    public ProgramDecision Select(PatientProfile profile, SelectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var decision = Select(profile);
        if (!options.WhatWouldChange)
        {
            return decision;
        }

        using var activity = SciaticaRulesTelemetry.Source.StartActivity("sciatica_rules.what_would_change");
        return decision with { WhatWouldChange = Suggestions.Find(profile, decision) };
    }

    /// <summary>What would change the decision, searched afresh (not from the shared answers): the reference and the cost measured.</summary>
    internal IReadOnlyList<SuggestedChange> WhatWouldChangeAfresh(PatientProfile profile) => Suggestions.SearchAfresh(profile, Select(profile));

    /// <summary>The search for what would change a decision: built on its first use, since plain decisions never need it.</summary>
    private ChangeSearch Suggestions => LazyInitializer.EnsureInitialized(ref suggestions, () => new ChangeSearch(compiled));

    private ProgramDecision Decide(PatientProfile profile)
    {
        if (!profile.ClinicianOverrides.IsEmpty)
        {
            // Overrides carry free text into the decision: never cached.
            ValidateOverrides(profile);
            return Evaluate(profile);
        }

        return compiled.Decide(profile);
    }

    /// <summary>
    /// The general evaluator: every rule as written (its predicate on the profile, not its compiled mask), one
    /// exercise at a time. It decides for clinician overrides, and it is the reference the compiled evaluator is
    /// tested against.
    /// </summary>
    internal ProgramDecision Evaluate(PatientProfile profile)
    {
        var fired = builtIns.Screening.Where(rule => rule.Applies(profile)).ToImmutableArray();
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
            Excluded = Catalog.Exercises.Select(e => new ExcludedExercise(e.Id, shared)).ToEquatableArray(),
            SafetyAdvice = SafetyAdvice.For(kind, timeframe),
            RuleSetVersion = RuleSetVersion,
        };
    }

    private GeneralTables General => LazyInitializer.EnsureInitialized(ref general, () => new GeneralTables(Catalog, RuleSet));

    private ProgramDecision SelectProgram(PatientProfile profile)
    {
        var general = General;
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
        var firedEligibility = new bool[builtIns.Eligibility.Length];
        var included = new List<PrescribedExercise>();
        var excluded = new List<ExcludedExercise>();
        var exercises = Catalog.Exercises;
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

            for (var r = 0; r < builtIns.Eligibility.Length; r++)
            {
                var rule = builtIns.Eligibility[r];
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
        reasons.AddRange(builtIns.Eligibility.Where((_, r) => firedEligibility[r]).Select(rule => rule.Reason));
        reasons.AddRange(builtIns.Advice.Where(rule => rule.Applies(profile)).Select(rule => rule.Reason));
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
            RuleSetVersion = RuleSetVersion,
        };
    }

    /// <summary>
    /// What the general evaluator reads: contraindications with their reasons and movement and position masks, each
    /// exercise's masks and prescription, and the strength of every rule an override may name.
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
            StrengthByRuleId = ruleSet.Rules.Where(r => r.Strength is not null).ToDictionary(r => r.Id, r => r.Strength, StringComparer.Ordinal);
        }

        public ImmutableArray<Contraindication> Contraindications { get; }

        public ImmutableArray<DecisionReason> ContraindicationReasons { get; }

        public uint[] ContraindicationMovements { get; }

        public uint[] ContraindicationPositions { get; }

        public uint[] ExerciseMovements { get; }

        public uint[] ExercisePositions { get; }

        public ImmutableArray<PrescribedExercise> Prescriptions { get; }

        public Dictionary<string, ContraindicationStrength?> StrengthByRuleId { get; }
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

    private void ValidateOverrides(PatientProfile profile)
    {
        var problems = new ProblemList();
        var seen = new HashSet<(string?, string?)>();
        for (var i = 0; i < profile.ClinicianOverrides.Count; i++)
        {
            var o = profile.ClinicianOverrides[i];
            var path = Invariant($"$.clinicianOverrides[{i}]");
            if (o.ExerciseId is null || Catalog.Find(o.ExerciseId) is null)
            {
                problems.Add(path + ".exerciseId", Invariant($"'{ProblemList.Echo(o.ExerciseId ?? string.Empty)}' is not an exercise of the catalog; allowed values: {ProblemList.Listed(Catalog.Exercises.Select(e => e.Id).Order(StringComparer.Ordinal), 160)}."));
            }

            if (o.RuleId is null || !General.StrengthByRuleId.ContainsKey(o.RuleId))
            {
                // A screening rule refuses exercise altogether: say so plainly, since that is what the clinician must act on.
                var why = o.RuleId is not null && RuleSet.Screening.Any(g => g.Id == o.RuleId)
                    ? "is a screening rule: it decides whether exercise may start at all, so no override can name it (the person needs the care or assessment it asks for first)"
                    : "is not a rule that excludes exercises, so no override can name it";
                problems.Add(path + ".ruleId", Invariant($"'{ProblemList.Echo(o.RuleId ?? string.Empty)}' {why}; allowed values: {AllowedOverrideRules()}."));
            }

            if (!seen.Add((o.ExerciseId, o.RuleId)))
            {
                problems.Add(path, Invariant($"is a second override of '{ProblemList.Echo(o.RuleId ?? string.Empty)}' for '{ProblemList.Echo(o.ExerciseId ?? string.Empty)}'; allowed: one override per exercise and rule."));
            }

            problems.RequireText(path + ".reason", o.Reason);
        }

        problems.ThrowIfAny("profile");
    }

    /// <summary>The rule ids an override may name: relative rules it can lift, and absolute ones it is refused for.</summary>
    private string AllowedOverrideRules()
    {
        var rules = RuleSet.Rules.Where(r => r.Strength is not null).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        // Each list within its share of a bounded message (the rule set lists them all: RuleSet.Rules).
        return "relative rules (lifted for the exercise): " + ProblemList.Listed(rules.Where(r => r.Strength == ContraindicationStrength.Relative).Select(r => r.Id), 70)
            + "; absolute rules (named, but never lifted): " + ProblemList.Listed(rules.Where(r => r.Strength == ContraindicationStrength.Absolute).Select(r => r.Id), 70);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
