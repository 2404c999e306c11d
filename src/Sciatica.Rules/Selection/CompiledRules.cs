using System.Numerics;
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
/// Split by concern: this file compiles the rule set; <c>CompiledRules.Decide.cs</c> evaluates a person's facts,
/// <c>CompiledRules.Sharing.cs</c> builds and shares the parts of decisions, and <c>CompiledRules.Overrides.cs</c>
/// applies clinician overrides to a compiled decision. There is no other evaluator in the library: the plain
/// reference evaluator the property tests compare this one against lives in the tests.
/// </remarks>
internal sealed partial class CompiledRules
{
    /// <summary>How many shared parts each table keeps at most; the exercise-list table also stays within <see cref="SharedListBytes"/>.</summary>
    private const int SharedPartsCapacity = 4096;

    /// <summary>The memory the shared included and excluded lists may take, estimated at 64 bytes per exercise.</summary>
    private const long SharedListBytes = 64L * 1024 * 1024;

    /// <summary>The longest list whose JSON is remembered whole; longer ones are written from their (remembered) items.</summary>
    private const int RememberedListItems = 256;

    /// <summary>Distinct reason lists remembered beside each exercise (its excluded entries) and each class (its reason lists).</summary>
    private const int VariantsRemembered = 8;

    private readonly RuleSet ruleSet;
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
        this.ruleSet = ruleSet;
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

    /// <summary>An exclusion rule compiled: when it holds (and its preference does not lift it) it excludes the classes it touches.</summary>
    internal sealed record ExclusionRule(string Id, ContraindicationStrength Strength, Condition When, Condition? Lift, ulong[] Touches, DecisionReason Reason, int ReasonIndex, int LiftReasonIndex);

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
