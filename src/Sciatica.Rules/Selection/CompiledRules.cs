using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules;

/// <summary>
/// The rule set compiled to bit masks when an engine is built. A person becomes 128 bits of <see cref="Facts"/>;
/// each screening, contraindication, eligibility and advice rule is a mask test on them. Each exclusion rule
/// holds the set of catalog exercises it touches as a bitset, so excluding is an OR per touched exercise.
/// Every reason a program can give is numbered in output order (rule id, then message), so a decision's
/// reasons are a 64-bit set written out in bit order; equal sets share one list, as do equal per-exercise
/// exclusion reasons and equal screening refusals.
/// </summary>
/// <remarks>
/// Used for profiles without clinician overrides; <see cref="ProgramSelector"/> keeps the general evaluator for
/// overrides (which add free text) and as the reference that a property test compares this one against.
/// </remarks>
internal sealed class CompiledRules
{
    /// <summary>How many shared parts (reason lists, refusals) each table keeps; enough for every combination seen in practice.</summary>
    private const int SharedPartsCapacity = 4096;

    /// <summary>Distinct exclusion-reason sets remembered per exercise.</summary>
    private const int ExcludedVariantsPerExercise = 8;

    private readonly RuleThresholds thresholds;
    private readonly string version;
    private readonly Exercise[] exercises;
    private readonly PrescribedExercise[] prescriptions;
    private readonly int[] inclusionOrder;

    private readonly Condition[] screeningWhen;

    /// <summary>One fact from each screening rule that the rule cannot hold without: when a person has none of them, no screening rule holds.</summary>
    private readonly Facts screeningTrigger;
    private readonly ScreeningRule[] screening;

    private readonly Condition[] contraindicationWhen;
    private readonly Condition?[] contraindicationLift;
    private readonly ulong[] contraindicationExclusionBit;
    private readonly ulong[] contraindicationReasonBit;
    private readonly ulong[] contraindicationLiftReasonBit;
    private readonly ulong[][] contraindicationTouches;

    private readonly Condition[] eligibilityWhen;
    private readonly ulong[] eligibilityExclusionBit;
    private readonly ulong[] eligibilityReasonBit;
    private readonly ulong[][] eligibilityTouches;

    private readonly Condition[] adviceWhen;
    private readonly ulong[] adviceReasonBit;

    private readonly DecisionReason[] exclusionReasons;
    private readonly DecisionReason[] programReasons;

    private readonly BoundedInterner<IReadOnlyList<DecisionReason>> exclusionReasonLists = new(SharedPartsCapacity);
    private readonly BoundedInterner<IReadOnlyList<DecisionReason>> programReasonLists = new(SharedPartsCapacity);
    private readonly BoundedInterner<IReadOnlyList<PrescribedExercise>> includedLists = new(SharedPartsCapacity);
    private readonly BoundedInterner<ProgramDecision> refusals = new(SharedPartsCapacity);
    private readonly ExcludedVariant[]?[] excludedVariants;

    private static readonly IReadOnlyList<string> ProgramAdvice = ValueList.Of(SafetyAdvice.For(DecisionKind.Program));
    private static readonly IReadOnlyList<PrescribedExercise> NoExercises = ValueList.Empty<PrescribedExercise>();

    private CompiledRules(ExerciseCatalog catalog, RuleSet ruleSet, string version)
    {
        var builtIns = ruleSet.BuiltIns;
        thresholds = ruleSet.Thresholds;
        this.version = version;
        exercises = [.. catalog.Exercises];
        prescriptions = [.. exercises.Select(PrescribedExercise.From)];
        // Programs list exercises by kind, then in catalog (id) order.
        inclusionOrder = [.. Enumerable.Range(0, exercises.Length).OrderBy(e => exercises[e].Kind).ThenBy(e => e)];
        excludedVariants = new ExcludedVariant[]?[exercises.Length];

        screening = [.. builtIns.Screening];
        screeningWhen = [.. screening.Select(rule => rule.When)];
        screeningTrigger = screeningWhen.Aggregate(Facts.None, (trigger, when) => trigger.Or(when.Trigger));

        var contraindications = ruleSet.Contraindications.AsImmutableArray();
        var eligibility = builtIns.Eligibility;

        // Exclusion reasons of one exercise are listed in rule id order: number the exclusion rules that way.
        var exclusionRules = contraindications.Select(c => (c.Id, Reason: new DecisionReason(c.Id, c.Rationale, c.Source)))
            .Concat(eligibility.Select(r => (r.Id, r.Reason)))
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        exclusionReasons = [.. exclusionRules.Select(r => r.Reason)];
        var exclusionOrder = exclusionRules.Select((r, i) => (r.Id, i)).ToDictionary(r => r.Id, r => r.i, StringComparer.Ordinal);

        // Every reason a program can give, in output order (rule id, then message).
        var lifts = contraindications
            .Where(c => c.Strength == ContraindicationStrength.Relative && c.LiftedByDirectionalPreference is not null)
            .ToDictionary(c => c.Id, c => LiftReason(c, c.LiftedByDirectionalPreference!.Value), StringComparer.Ordinal);
        var all = contraindications.Select(c => new DecisionReason(c.Id, c.Rationale, c.Source))
            .Concat(lifts.Values)
            .Concat(eligibility.Select(r => r.Reason))
            .Concat(builtIns.Advice.Select(a => a.Reason))
            .OrderBy(r => r.RuleId, StringComparer.Ordinal)
            .ThenBy(r => r.Message, StringComparer.Ordinal)
            .ToList();
        programReasons = [.. all];
        ulong ReasonBit(DecisionReason reason) => 1UL << all.IndexOf(reason);

        contraindicationWhen = [.. contraindications.Select(c => c.CompileCondition())];
        contraindicationLift = [.. contraindications.Select(c => lifts.ContainsKey(c.Id) ? Condition.AllOf(Facts.Prefers(c.LiftedByDirectionalPreference!.Value)) : (Condition?)null)];
        contraindicationExclusionBit = [.. contraindications.Select(c => 1UL << exclusionOrder[c.Id])];
        contraindicationReasonBit = [.. contraindications.Select(c => ReasonBit(new DecisionReason(c.Id, c.Rationale, c.Source)))];
        contraindicationLiftReasonBit = [.. contraindications.Select(c => lifts.TryGetValue(c.Id, out var lift) ? ReasonBit(lift) : 0UL)];
        contraindicationTouches = [.. contraindications.Select(c => Bitset(exercises, c.Touches))];

        eligibilityWhen = [.. eligibility.Select(r => r.When)];
        eligibilityExclusionBit = [.. eligibility.Select(r => 1UL << exclusionOrder[r.Id])];
        eligibilityReasonBit = [.. eligibility.Select(r => ReasonBit(r.Reason))];
        eligibilityTouches = [.. eligibility.Select(r => Bitset(exercises, r.Touches))];

        adviceWhen = [.. builtIns.Advice.Select(a => a.When)];
        adviceReasonBit = [.. builtIns.Advice.Select(a => ReasonBit(a.Reason))];
        DecisionJson.Remember(ProgramAdvice);
        DecisionJson.Remember(NoExercises);
    }

    /// <summary>Compiles the rule set for the catalog, or returns <see langword="null"/> when a set of rules does not fit 64-bit masks (the general evaluator then decides).</summary>
    public static CompiledRules? TryCompile(ExerciseCatalog catalog, RuleSet ruleSet, string version)
    {
        var builtIns = ruleSet.BuiltIns;
        var contraindications = ruleSet.Contraindications.Count;
        var lifts = ruleSet.Contraindications.Count(c => c.LiftedByDirectionalPreference is not null);
        var fits = builtIns.Screening.Length <= 64
            && contraindications + builtIns.Eligibility.Length <= 64
            && contraindications + lifts + builtIns.Eligibility.Length + builtIns.Advice.Length <= 64
            && ruleSet.Contraindications.Select(c => c.Id).Concat(builtIns.Eligibility.Select(r => r.Id)).Distinct(StringComparer.Ordinal).Count() == contraindications + builtIns.Eligibility.Length;
        return fits ? new CompiledRules(catalog, ruleSet, version) : null;
    }

    /// <summary>Decides for a profile without clinician overrides.</summary>
    public ProgramDecision Decide(PatientProfile profile)
    {
        var facts = Facts.Of(profile, thresholds);
        var fired = 0UL;
        for (var i = 0; i < screeningWhen.Length && facts.Intersects(screeningTrigger); i++)
        {
            if (screeningWhen[i].Holds(facts))
            {
                fired |= 1UL << i;
            }
        }

        if (fired != 0)
        {
            var refusal = refusals.GetOrCreate(fired, this, static (mask, self) => self.Refusal(mask));
            return refusal with { };
        }

        return Program(facts);
    }

    private ProgramDecision Program(Facts facts)
    {
        var count = exercises.Length;
        ulong[]? rented = count > 256 ? ArrayPool<ulong>.Shared.Rent(count) : null;
        var why = rented is null ? stackalloc ulong[count] : rented.AsSpan(0, count);
        why.Clear();
        try
        {
            var reasons = 0UL;
            for (var c = 0; c < contraindicationWhen.Length; c++)
            {
                if (!contraindicationWhen[c].Holds(facts))
                {
                    continue;
                }

                if (contraindicationLift[c] is { } lift && lift.Holds(facts))
                {
                    reasons |= contraindicationLiftReasonBit[c];
                    continue;
                }

                if (Mark(contraindicationTouches[c], contraindicationExclusionBit[c], why))
                {
                    reasons |= contraindicationReasonBit[c];
                }
            }

            for (var r = 0; r < eligibilityWhen.Length; r++)
            {
                if (eligibilityWhen[r].Holds(facts) && Mark(eligibilityTouches[r], eligibilityExclusionBit[r], why))
                {
                    reasons |= eligibilityReasonBit[r];
                }
            }

            for (var a = 0; a < adviceWhen.Length; a++)
            {
                if (adviceWhen[a].Holds(facts))
                {
                    reasons |= adviceReasonBit[a];
                }
            }

            var excludedCount = 0;
            foreach (var mask in why)
            {
                excludedCount += mask == 0 ? 0 : 1;
            }

            var excluded = new ExcludedExercise[excludedCount];
            var next = 0;
            for (var e = 0; e < count && next < excludedCount; e++)
            {
                if (why[e] != 0)
                {
                    excluded[next++] = Excluded(e, why[e]);
                }
            }

            return new ProgramDecision
            {
                Decision = DecisionKind.Program,
                Timeframe = null,
                Reasons = programReasonLists.GetOrCreate(reasons, programReasons, static (mask, all) => ProgramReasons(mask, all)),
                Exercises = Included(why),
                Excluded = Wrap(excluded),
                SafetyAdvice = ProgramAdvice,
                RuleSetVersion = version,
            };
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<ulong>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Sets <paramref name="bit"/> on every exercise in <paramref name="touches"/>; says whether there was any.</summary>
    private static bool Mark(ulong[] touches, ulong bit, Span<ulong> why)
    {
        var any = false;
        for (var word = 0; word < touches.Length; word++)
        {
            var set = touches[word];
            any |= set != 0;
            while (set != 0)
            {
                why[(word << 6) + BitOperations.TrailingZeroCount(set)] |= bit;
                set &= set - 1;
            }
        }

        return any;
    }

    private IReadOnlyList<PrescribedExercise> Included(ReadOnlySpan<ulong> why)
    {
        if (exercises.Length <= 64)
        {
            var included = 0UL;
            for (var e = 0; e < why.Length; e++)
            {
                included |= why[e] == 0 ? 1UL << e : 0;
            }

            return includedLists.GetOrCreate(included, this, static (mask, self) => self.IncludedList(mask));
        }

        var list = new List<PrescribedExercise>();
        foreach (var e in inclusionOrder)
        {
            if (why[e] == 0)
            {
                list.Add(prescriptions[e]);
            }
        }

        return Wrap([.. list]);
    }

    private IReadOnlyList<PrescribedExercise> IncludedList(ulong mask)
    {
        var list = inclusionOrder.Where(e => (mask & (1UL << e)) != 0).Select(e => prescriptions[e]).ToArray();
        var shared = list.Length == 0 ? NoExercises : Wrap(list);
        DecisionJson.Remember(shared);
        return shared;
    }

    private ExcludedExercise Excluded(int exercise, ulong mask)
    {
        var variants = Volatile.Read(ref excludedVariants[exercise]);
        if (variants is not null)
        {
            foreach (var variant in variants)
            {
                if (variant.Mask == mask)
                {
                    return variant.Excluded;
                }
            }
        }

        var created = new ExcludedExercise(exercises[exercise].Id, exclusionReasonLists.GetOrCreate(mask, exclusionReasons, static (m, all) => Pick(m, all)));
        if (variants is null || variants.Length < ExcludedVariantsPerExercise)
        {
            DecisionJson.Remember(created);
            // Losing a race only means the variant is built again next time.
            Volatile.Write(ref excludedVariants[exercise], [.. variants ?? [], new ExcludedVariant(mask, created)]);
        }

        return created;
    }

    private static IReadOnlyList<DecisionReason> ProgramReasons(ulong mask, DecisionReason[] all)
    {
        var list = new DecisionReason[1 + BitOperations.PopCount(mask)];
        list[0] = BuiltInRules.ScreeningPassed;
        var next = 1;
        for (var set = mask; set != 0; set &= set - 1)
        {
            list[next++] = all[BitOperations.TrailingZeroCount(set)];
        }

        var shared = Wrap(list);
        DecisionJson.Remember(shared);
        return shared;
    }

    private static IReadOnlyList<DecisionReason> Pick(ulong mask, DecisionReason[] all)
    {
        var list = new DecisionReason[BitOperations.PopCount(mask)];
        var next = 0;
        for (var set = mask; set != 0; set &= set - 1)
        {
            list[next++] = all[BitOperations.TrailingZeroCount(set)];
        }

        return Wrap(list);
    }

    private ProgramDecision Refusal(ulong fired)
    {
        var rules = new List<ScreeningRule>();
        for (var set = fired; set != 0; set &= set - 1)
        {
            rules.Add(screening[BitOperations.TrailingZeroCount(set)]);
        }

        // The screening list is most urgent first, so bit order is the order of the reasons.
        var kind = rules.Max(rule => rule.Decision);
        var timeframe = rules.Min(rule => rule.Timeframe);
        var reasons = Wrap(rules.Select(rule => rule.Reason).ToArray());
        var excluded = Wrap(exercises.Select(e => new ExcludedExercise(e.Id, reasons)).ToArray());
        var advice = ValueList.Of(SafetyAdvice.For(kind, timeframe));
        DecisionJson.Remember(reasons);
        DecisionJson.Remember(excluded);
        DecisionJson.Remember(advice);
        return new ProgramDecision
        {
            Decision = kind,
            Timeframe = timeframe,
            Reasons = reasons,
            Exercises = NoExercises,
            Excluded = excluded,
            SafetyAdvice = advice,
            RuleSetVersion = version,
        };
    }

    private static DecisionReason LiftReason(Contraindication rule, DirectionalPreference preference) => new(
        BuiltInRules.PreferenceLiftsId,
        string.Create(CultureInfo.InvariantCulture, $"The clinician-assessed {ContractNames.Of(preference)} directional preference lifts the relative rule '{rule.Id}'."),
        ClinicalSources.Dp);

    private static ulong[] Bitset(Exercise[] exercises, Func<Exercise, bool> touches)
    {
        var set = new ulong[(exercises.Length + 63) / 64];
        for (var e = 0; e < exercises.Length; e++)
        {
            if (touches(exercises[e]))
            {
                set[e >> 6] |= 1UL << e;
            }
        }

        return set;
    }

    /// <summary>Boxes the list once, as the records store it, so that shared lists are shared without a copy.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "Boxing once here is the point: the records keep the boxed list as it is.")]
    private static IReadOnlyList<T> Wrap<T>(T[] items) => new EquatableArray<T>(ImmutableCollectionsMarshal.AsImmutableArray(items));

    private sealed record ExcludedVariant(ulong Mask, ExcludedExercise Excluded);
}
