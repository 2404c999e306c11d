using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules;

/// <summary>
/// The rule set compiled to bit masks when an engine is built. A person becomes 128 bits of <see cref="Facts"/>;
/// each screening, contraindication, eligibility and advice rule is a mask test on them. Catalog exercises that
/// look the same to every rule (same movements, position, kind and clinician-only flag) form one class, and each
/// exclusion rule holds the classes it touches as a bitset, so excluding costs an OR per touched class, not per
/// exercise. Exclusion rules are numbered in rule id order and every reason a program can give in output order
/// (rule id, then message), so reasons are bit sets written out in bit order. Equal parts of decisions (reason
/// lists, a class's exclusion reasons, the included and excluded lists, screening refusals) are shared.
/// </summary>
/// <remarks>
/// Used for profiles without clinician overrides; <see cref="ProgramSelector"/> keeps the general evaluator for
/// overrides (which add free text) and as the reference that property tests compare this one against.
/// </remarks>
internal sealed class CompiledRules
{
    /// <summary>How many shared parts each table keeps at most; the exercise-list table also stays within <see cref="SharedListBytes"/>.</summary>
    private const int SharedPartsCapacity = 4096;

    /// <summary>The memory the shared included and excluded lists may take, estimated at 64 bytes per exercise.</summary>
    private const long SharedListBytes = 64L * 1024 * 1024;

    /// <summary>The longest list whose JSON is remembered whole; longer ones are written from their (remembered) items.</summary>
    private const int RememberedListItems = 256;

    /// <summary>Distinct reason lists remembered beside each exercise (its excluded entries) and each class (its reason lists).</summary>
    private const int VariantsRemembered = 8;

    private readonly RuleThresholds thresholds;
    private readonly string version;
    private readonly Exercise[] exercises;
    private readonly PrescribedExercise[] prescriptions;
    private readonly int[] inclusionOrder;
    private readonly int[] exerciseClass;
    private readonly int classCount;

    private readonly ScreeningRule[] screening;
    private readonly Condition[] screeningWhen;

    /// <summary>One fact from each screening rule that the rule cannot hold without: when a person has none of them, no screening rule holds.</summary>
    private readonly Facts screeningTrigger;

    /// <summary>Screening rules that test one fact (a red flag, a cause, a yes/no field), by that fact: the rules it fires.</summary>
    private readonly ulong[] firedByLowFact = new ulong[64];
    private readonly ulong[] firedByHighFact = new ulong[64];
    private readonly Facts singleFactRules;

    /// <summary>The other screening rules (and every rule past the 64th), tested one by one.</summary>
    private readonly int[] otherScreeningRules;

    private readonly ExclusionRule[] exclusions;
    private readonly int exclusionWords;
    private readonly DecisionReason[] exclusionReasons;

    private readonly Condition[] adviceWhen;
    private readonly int[] adviceReason;

    private readonly DecisionReason[] programReasons;
    private readonly int programReasonWords;

    private readonly BoundedInterner<ReasonListPart> classReasonLists = new(SharedPartsCapacity);
    private readonly BoundedInterner<IReadOnlyList<DecisionReason>> programReasonLists = new(SharedPartsCapacity);
    private readonly BoundedInterner<ProgramLists> programLists;
    private readonly BoundedInterner<ProgramDecision> refusals = new(SharedPartsCapacity);
    private readonly ExcludedVariant[]?[] excludedVariants;
    private readonly ClassVariant[]?[] classVariants;
    private int nextReasonListId;

    private static readonly IReadOnlyList<string> ProgramAdvice = ValueList.Of(SafetyAdvice.For(DecisionKind.Program));
    private static readonly IReadOnlyList<PrescribedExercise> NoExercises = ValueList.Empty<PrescribedExercise>();
    private static readonly IReadOnlyList<ExcludedExercise> NoneExcluded = ValueList.Empty<ExcludedExercise>();

    /// <remarks>
    /// Written with loops and arrays rather than LINQ: an engine is built at start-up, where every generic
    /// instantiation over a value type is compiled before the first decision (docs/benchmarks.md, cold start).
    /// </remarks>
    public CompiledRules(ExerciseCatalog catalog, RuleSet ruleSet, string version)
    {
        var builtIns = ruleSet.BuiltIns;
        thresholds = ruleSet.Thresholds;
        this.version = version;
        var catalogExercises = catalog.Exercises;
        exercises = new Exercise[catalogExercises.Count];
        prescriptions = new PrescribedExercise[exercises.Length];
        for (var e = 0; e < exercises.Length; e++)
        {
            exercises[e] = catalogExercises[e];
            prescriptions[e] = PrescribedExercise.From(exercises[e]);
        }

        inclusionOrder = InclusionOrder(exercises);
        excludedVariants = new ExcludedVariant[]?[exercises.Length];
        programLists = new((int)Math.Clamp(SharedListBytes / (64L * Math.Max(1, exercises.Length)), 16, SharedPartsCapacity));

        // Classes: exercises every rule sees alike. The first exercise of each class stands for it.
        var classes = new Dictionary<ClassKey, int>();
        exerciseClass = new int[exercises.Length];
        for (var e = 0; e < exercises.Length; e++)
        {
            var key = new ClassKey(exercises[e]);
            if (!classes.TryGetValue(key, out var found))
            {
                found = classes.Count;
                classes.Add(key, found);
            }

            exerciseClass[e] = found;
        }

        classCount = classes.Count;
        classVariants = new ClassVariant[]?[classCount];
        var representative = new Exercise[classCount];
        for (var e = exercises.Length - 1; e >= 0; e--)
        {
            representative[exerciseClass[e]] = exercises[e];
        }

        var screeningRules = builtIns.Screening;
        screening = new ScreeningRule[screeningRules.Length];
        screeningWhen = new Condition[screening.Length];
        var others = new int[screening.Length];
        var otherCount = 0;
        for (var i = 0; i < screening.Length; i++)
        {
            screening[i] = screeningRules[i];
            var when = screeningWhen[i] = screening[i].When;
            screeningTrigger = screeningTrigger.Or(when.Trigger);
            if (i < 64 && when.Any.IsEmpty && when.All.Count == 1)
            {
                singleFactRules = singleFactRules.Or(when.All);
                if (when.All.Low != 0)
                {
                    firedByLowFact[BitOperations.TrailingZeroCount(when.All.Low)] |= 1UL << i;
                }
                else
                {
                    firedByHighFact[BitOperations.TrailingZeroCount(when.All.High)] |= 1UL << i;
                }
            }
            else
            {
                others[otherCount++] = i;
            }
        }

        otherScreeningRules = others.AsSpan(0, otherCount).ToArray();

        var contraindications = ruleSet.Contraindications;
        var eligibility = builtIns.Eligibility;
        var advice = builtIns.Advice;
        var lifts = new Dictionary<string, DecisionReason>(StringComparer.Ordinal);
        var all = new List<DecisionReason>(contraindications.Count * 2 + eligibility.Length + advice.Length);
        foreach (var c in contraindications)
        {
            all.Add(new DecisionReason(c.Id, c.Rationale, c.Source));
            if (c.Strength == ContraindicationStrength.Relative && c.LiftedByDirectionalPreference is { } preference)
            {
                var lift = BuiltInRules.PreferenceLifts(c, preference);
                lifts.Add(c.Id, lift);
                all.Add(lift);
            }
        }

        foreach (var rule in eligibility)
        {
            all.Add(rule.Reason);
        }

        foreach (var rule in advice)
        {
            all.Add(rule.Reason);
        }

        // Every reason a program can give, in output order (rule id, then message); no two are equal.
        all.Sort(static (a, b) => string.CompareOrdinal(a.RuleId, b.RuleId) is var byId and not 0 ? byId : string.CompareOrdinal(a.Message, b.Message));
        programReasons = [.. all];
        programReasonWords = (programReasons.Length + 63) / 64;
        var reasonIndex = new Dictionary<DecisionReason, int>(all.Count);
        for (var i = 0; i < all.Count; i++)
        {
            reasonIndex.Add(all[i], i);
        }

        // Exclusion rules in rule id order (ids are distinct): an exercise's reasons are listed in that order.
        var rules = new List<ExclusionRule>(contraindications.Count + eligibility.Length);
        foreach (var c in contraindications)
        {
            var reason = new DecisionReason(c.Id, c.Rationale, c.Source);
            var lifted = lifts.TryGetValue(c.Id, out var lift);
            rules.Add(new ExclusionRule(
                c.Id,
                c.Strength,
                c.CompileCondition(),
                lifted ? Condition.AllOf(Facts.Prefers(c.LiftedByDirectionalPreference ?? throw new InvalidOperationException($"Rule '{c.Id}' is lifted without a directional preference."))) : null,
                Touching(representative, c.Touches),
                reason,
                reasonIndex[reason],
                lifted ? reasonIndex[lift!] : -1));
        }

        foreach (var r in eligibility)
        {
            rules.Add(new ExclusionRule(r.Id, r.Strength, r.When, null, Touching(representative, r.Touches), r.Reason, reasonIndex[r.Reason], -1));
        }

        rules.Sort(static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        exclusions = [.. rules];
        exclusionWords = (exclusions.Length + 63) / 64;
        exclusionReasons = new DecisionReason[exclusions.Length];
        for (var r = 0; r < exclusions.Length; r++)
        {
            exclusionReasons[r] = exclusions[r].Reason;
        }

        adviceWhen = new Condition[advice.Length];
        adviceReason = new int[advice.Length];
        for (var a = 0; a < advice.Length; a++)
        {
            adviceWhen[a] = advice[a].When;
            adviceReason[a] = reasonIndex[advice[a].Reason];
        }

        SharedParts.Mark(ProgramAdvice);
        SharedParts.Mark(NoExercises);
        SharedParts.Mark(NoneExcluded);
    }

    /// <summary>Gets the thresholds the facts are computed with.</summary>
    internal RuleThresholds Thresholds => thresholds;

    /// <summary>Gets the catalog's exercises, in catalog (id) order.</summary>
    internal ReadOnlySpan<Exercise> Exercises => exercises;

    /// <summary>Gets the class of each exercise (exercises every rule sees alike share one).</summary>
    internal ReadOnlySpan<int> ExerciseClass => exerciseClass;

    /// <summary>Gets how many classes of exercises there are.</summary>
    internal int ClassCount => classCount;

    /// <summary>Gets the exclusion rules, in rule id order.</summary>
    internal ReadOnlySpan<ExclusionRule> Exclusions => exclusions;

    /// <summary>Gets the screening rules, most urgent first, and their compiled conditions (same index).</summary>
    internal ReadOnlySpan<ScreeningRule> Screening => screening;

    /// <inheritdoc cref="Screening"/>
    internal ReadOnlySpan<Condition> ScreeningWhen => screeningWhen;

    /// <summary>Programs list exercises by kind, then in catalog (id) order: a stable counting sort on the kind.</summary>
    private static int[] InclusionOrder(Exercise[] exercises)
    {
        var kinds = 0;
        foreach (var exercise in exercises)
        {
            kinds = Math.Max(kinds, (int)exercise.Kind + 1);
        }

        var start = new int[kinds + 1];
        foreach (var exercise in exercises)
        {
            start[(int)exercise.Kind + 1]++;
        }

        for (var k = 1; k <= kinds; k++)
        {
            start[k] += start[k - 1];
        }

        var order = new int[exercises.Length];
        for (var e = 0; e < exercises.Length; e++)
        {
            order[start[(int)exercises[e].Kind]++] = e;
        }

        return order;
    }

    /// <summary>Decides for a profile without clinician overrides.</summary>
    public ProgramDecision Decide(PatientProfile profile)
    {
        var facts = Facts.Of(profile, thresholds);
        var fired = 0UL;
        var overflow = false;
        if (facts.Intersects(screeningTrigger))
        {
            for (var hits = facts.Low & singleFactRules.Low; hits != 0; hits &= hits - 1)
            {
                fired |= firedByLowFact[BitOperations.TrailingZeroCount(hits)];
            }

            for (var hits = facts.High & singleFactRules.High; hits != 0; hits &= hits - 1)
            {
                fired |= firedByHighFact[BitOperations.TrailingZeroCount(hits)];
            }

            foreach (var i in otherScreeningRules)
            {
                if (screeningWhen[i].Holds(facts))
                {
                    overflow |= i >= 64;
                    fired |= 1UL << (i & 63);
                }
            }
        }

        if (overflow)
        {
            // More than 64 screening rules: rare enough to build the refusal without sharing it.
            return Refusal(Fired(facts));
        }

        return fired == 0 ? Program(facts) : refusals.GetOrCreate([fired], this, static (mask, self) => self.Refusal(self.Bits(mask[0]))) with { };
    }

    private List<ScreeningRule> Fired(Facts facts)
    {
        var rules = new List<ScreeningRule>();
        for (var i = 0; i < screeningWhen.Length; i++)
        {
            if (screeningWhen[i].Holds(facts))
            {
                rules.Add(screening[i]);
            }
        }

        return rules;
    }

    private List<ScreeningRule> Bits(ulong mask)
    {
        var rules = new List<ScreeningRule>();
        for (var set = mask; set != 0; set &= set - 1)
        {
            rules.Add(screening[BitOperations.TrailingZeroCount(set)]);
        }

        return rules;
    }

    private ProgramDecision Program(Facts facts)
    {
        var whyWords = classCount * exclusionWords;
        var rented = whyWords + programReasonWords > 512 ? ArrayPool<ulong>.Shared.Rent(whyWords + programReasonWords) : null;
        var bits = rented is null ? stackalloc ulong[whyWords + programReasonWords] : rented.AsSpan(0, whyWords + programReasonWords);
        bits.Clear();
        var why = bits[..whyWords];
        var reasons = bits[whyWords..];
        try
        {
            Fired(facts, why, reasons);

            // Keyed by every class's exclusion rules: a hit costs one hash of them; the lists are built on a miss only.
            var lists = programLists.GetOrCreate(why, this, static (key, self) => self.Lists(key));
            return new ProgramDecision
            {
                Decision = DecisionKind.Program,
                Timeframe = null,
                Reasons = programReasonLists.GetOrCreate(reasons, programReasons, static (key, all) => ProgramReasons(key, all)),
                Exercises = lists.Included,
                Excluded = lists.Excluded,
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

    /// <summary>
    /// Marks the exclusion rules that fire for each class of exercises, and the program's reasons. Kept apart from
    /// <see cref="Program"/>, whose stack buffer would make the JIT compile these loops fully optimised at once
    /// instead of quickly (a fresh process without ReadyToRun: docs/benchmarks.md, cold start).
    /// </summary>
    private void Fired(Facts facts, Span<ulong> why, Span<ulong> reasons)
    {
        for (var r = 0; r < exclusions.Length; r++)
        {
            var rule = exclusions[r];
            if (!rule.When.Holds(facts))
            {
                continue;
            }

            if (rule.Lift is { } lift && lift.Holds(facts))
            {
                Set(reasons, rule.LiftReasonIndex);
                continue;
            }

            if (Mark(rule.Touches, r, why))
            {
                Set(reasons, rule.ReasonIndex);
            }
        }

        for (var a = 0; a < adviceWhen.Length; a++)
        {
            if (adviceWhen[a].Holds(facts))
            {
                Set(reasons, adviceReason[a]);
            }
        }
    }

    private static void Set(Span<ulong> bits, int index) => bits[index >> 6] |= 1UL << (index & 63);

    /// <summary>Sets rule <paramref name="rule"/> on every class in <paramref name="touches"/>; says whether there was any.</summary>
    private bool Mark(ulong[] touches, int rule, Span<ulong> why)
    {
        var any = false;
        var word = rule >> 6;
        var bit = 1UL << (rule & 63);
        for (var w = 0; w < touches.Length; w++)
        {
            var set = touches[w];
            any |= set != 0;
            while (set != 0)
            {
                why[((((w << 6) + BitOperations.TrailingZeroCount(set)) * exclusionWords) + word)] |= bit;
                set &= set - 1;
            }
        }

        return any;
    }

    /// <summary>A class's reason list when the exclusion rules fit one word: the few lists a class meets are remembered beside it.</summary>
    private ReasonListPart ClassPart(int c, ulong mask)
    {
        var variants = Volatile.Read(ref classVariants[c]);
        if (variants is not null)
        {
            foreach (var variant in variants)
            {
                if (variant.Mask == mask)
                {
                    return variant.Part;
                }
            }
        }

        var part = classReasonLists.GetOrCreate([mask], this, static (key, self) => self.ReasonList(key));
        if (variants is null || variants.Length < VariantsRemembered)
        {
            // Losing a race only means the variant is looked up in the shared table again next time.
            Volatile.Write(ref classVariants[c], [.. variants ?? [], new ClassVariant(mask, part)]);
        }

        return part;
    }

    private ReasonListPart ReasonList(ReadOnlySpan<ulong> set)
    {
        var list = new List<DecisionReason>();
        for (var w = 0; w < set.Length; w++)
        {
            for (var bits = set[w]; bits != 0; bits &= bits - 1)
            {
                list.Add(exclusionReasons[(w << 6) + BitOperations.TrailingZeroCount(bits)]);
            }
        }

        return new ReasonListPart(Interlocked.Increment(ref nextReasonListId), Wrap([.. list]));
    }

    /// <summary>The included and excluded lists for one assignment of reason lists to classes.</summary>
    /// <summary>Whether any bit is set (a loop of this library's own: the framework's span search over <see langword="ulong"/> is compiled by the JIT even in a ReadyToRun build).</summary>
    private static bool AnyBit(ReadOnlySpan<ulong> words)
    {
        foreach (var word in words)
        {
            if (word != 0)
            {
                return true;
            }
        }

        return false;
    }

    private ProgramLists Lists(ReadOnlySpan<ulong> why)
    {
        var parts = new ReasonListPart?[classCount];
        for (var c = 0; c < classCount; c++)
        {
            var set = why.Slice(c * exclusionWords, exclusionWords);
            parts[c] = !AnyBit(set) ? null
                : exclusionWords == 1 ? ClassPart(c, set[0])
                : classReasonLists.GetOrCreate(set, this, static (key, self) => self.ReasonList(key));
        }

        var included = new List<PrescribedExercise>();
        foreach (var e in inclusionOrder)
        {
            if (parts[exerciseClass[e]] is null)
            {
                included.Add(prescriptions[e]);
            }
        }

        var excluded = new List<ExcludedExercise>();
        for (var e = 0; e < exercises.Length; e++)
        {
            if (parts[exerciseClass[e]] is { } part)
            {
                excluded.Add(Excluded(e, part));
            }
        }

        var lists = new ProgramLists(
            included.Count == 0 ? NoExercises : Wrap([.. included]),
            excluded.Count == 0 ? NoneExcluded : Wrap([.. excluded]));
        if (lists.Included.Count <= RememberedListItems)
        {
            SharedParts.Mark(lists.Included);
        }

        if (lists.Excluded.Count <= RememberedListItems)
        {
            SharedParts.Mark(lists.Excluded);
        }

        return lists;
    }

    private ExcludedExercise Excluded(int exercise, ReasonListPart part)
    {
        var listId = part.Id;
        var variants = Volatile.Read(ref excludedVariants[exercise]);
        if (variants is not null)
        {
            foreach (var variant in variants)
            {
                if (variant.ListId == listId)
                {
                    return variant.Excluded;
                }
            }
        }

        var created = new ExcludedExercise(exercises[exercise].Id, part.Reasons);
        SharedParts.Mark(created);
        if (variants is null || variants.Length < VariantsRemembered)
        {
            // Losing a race only means the variant is built again next time.
            Volatile.Write(ref excludedVariants[exercise], [.. variants ?? [], new ExcludedVariant(listId, created)]);
        }

        return created;
    }

    private static IReadOnlyList<DecisionReason> ProgramReasons(ReadOnlySpan<ulong> set, DecisionReason[] all)
    {
        var list = new List<DecisionReason> { BuiltInRules.ScreeningPassed };
        for (var w = 0; w < set.Length; w++)
        {
            for (var bits = set[w]; bits != 0; bits &= bits - 1)
            {
                list.Add(all[(w << 6) + BitOperations.TrailingZeroCount(bits)]);
            }
        }

        var shared = Wrap([.. list]);
        SharedParts.Mark(shared);
        return shared;
    }

    /// <summary>The refusal for the screening rules that fired, given in screening (index) order.</summary>
    private ProgramDecision Refusal(List<ScreeningRule> rules)
    {
        // The screening list is most urgent first, so index order is the order of the reasons.
        var kind = rules[0].Decision;
        var timeframe = rules[0].Timeframe;
        var reasonItems = new DecisionReason[rules.Count];
        for (var i = 0; i < rules.Count; i++)
        {
            kind = rules[i].Decision > kind ? rules[i].Decision : kind;
            timeframe = rules[i].Timeframe < timeframe ? rules[i].Timeframe : timeframe;
            reasonItems[i] = rules[i].Reason;
        }

        var reasons = Wrap(reasonItems);
        var excludedItems = new ExcludedExercise[exercises.Length];
        for (var e = 0; e < exercises.Length; e++)
        {
            excludedItems[e] = new ExcludedExercise(exercises[e].Id, reasons);
        }

        var excluded = Wrap(excludedItems);
        var advice = ValueList.Of(SafetyAdvice.For(kind, timeframe));
        SharedParts.Mark(reasons);
        if (excluded.Count <= RememberedListItems)
        {
            SharedParts.Mark(excluded);
        }

        SharedParts.Mark(advice);
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

    private static ulong[] Touching(Exercise[] representatives, Func<Exercise, bool> touches)
    {
        var set = new ulong[(representatives.Length + 63) / 64];
        for (var c = 0; c < representatives.Length; c++)
        {
            if (touches(representatives[c]))
            {
                set[c >> 6] |= 1UL << c;
            }
        }

        return set;
    }

    /// <summary>Boxes the list once, as the records store it, so that shared lists are shared without a copy.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "Boxing once here is the point: the records keep the boxed list as it is.")]
    private static IReadOnlyList<T> Wrap<T>(T[] items) => EquatableArray<T>.FromOwned(items);

    /// <summary>An exclusion rule compiled: when it holds (and its preference does not lift it) it excludes the classes it touches.</summary>
    internal sealed record ExclusionRule(string Id, ContraindicationStrength Strength, Condition When, Condition? Lift, ulong[] Touches, DecisionReason Reason, int ReasonIndex, int LiftReasonIndex);

    private sealed record ReasonListPart(int Id, IReadOnlyList<DecisionReason> Reasons);

    private sealed record ProgramLists(IReadOnlyList<PrescribedExercise> Included, IReadOnlyList<ExcludedExercise> Excluded);

    private sealed record ExcludedVariant(int ListId, ExcludedExercise Excluded);

    private sealed record ClassVariant(ulong Mask, ReasonListPart Part);

    /// <summary>What every rule sees of an exercise; a class, not a tuple, so that building an engine compiles no new dictionary.</summary>
    private sealed class ClassKey(Exercise exercise) : IEquatable<ClassKey>
    {
        private readonly ulong movements = exercise.MovementBits;
        private readonly int position = (int)exercise.Position;
        private readonly int kind = (int)exercise.Kind;
        private readonly bool clinicianEnabledOnly = exercise.ClinicianEnabledOnly;

        public bool Equals(ClassKey? other) =>
            other is not null && movements == other.movements && position == other.position && kind == other.kind && clinicianEnabledOnly == other.clinicianEnabledOnly;

        public override bool Equals(object? obj) => Equals(obj as ClassKey);

        public override int GetHashCode() => (int)movements ^ (int)(movements >> 32) ^ (position << 20) ^ (kind << 26) ^ (clinicianEnabledOnly ? 1 << 31 : 0);
    }
}
