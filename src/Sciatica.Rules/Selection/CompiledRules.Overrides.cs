using System.Globalization;
using System.Numerics;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules;

/// <summary>
/// Clinician overrides, applied as a pass over the compiled decision. An override names one exercise and one
/// exclusion rule. A relative rule that excludes that exercise is lifted for it: the exercise comes back unless other
/// rules still exclude it, and the rule stays among the program's reasons only while it still excludes another
/// exercise. An absolute rule is never lifted, and an override of a rule that does not exclude that exercise for this
/// person has no effect; both are said. Under a screening decision no override applies. Each override adds a reason
/// with its free text, so these decisions are never shared; the compiled decision they start from is.
/// </summary>
internal sealed partial class CompiledRules
{
    /// <summary>How many exercises each exclusion rule excludes when it fires (the sizes of the classes it touches); built on first use.</summary>
    private int[]? exclusionReach;

    /// <summary>Decides for a profile with clinician overrides that <see cref="CheckOverrides"/> accepted.</summary>
    public ProgramDecision DecideWithOverrides(PatientProfile profile)
    {
        var decision = Decide(profile);
        return decision.Decision == DecisionKind.Program
            ? ApplyOverrides(decision, profile.ClinicianOverrides)
            : decision with { Reasons = [.. decision.Reasons, .. RefusedUnderScreening(decision.Decision, profile.ClinicianOverrides)] };
    }

    private static IEnumerable<DecisionReason> RefusedUnderScreening(DecisionKind kind, IReadOnlyList<ClinicianOverride> overrides)
    {
        foreach (var o in overrides)
        {
            yield return OverrideReason(
                BuiltInRules.OverrideRefusedId,
                $"The clinician override of '{o.RuleId}' for '{o.ExerciseId}' was not applied: no exercise is given when screening decides '{ContractNames.Of(kind)}'.");
        }
    }

    private ProgramDecision ApplyOverrides(ProgramDecision decision, IReadOnlyList<ClinicianOverride> overrides)
    {
        var said = new List<DecisionReason>(overrides.Count);
        var changed = new List<Change>();
        foreach (var o in overrides)
        {
            var rule = IndexOf(exclusions, o.RuleId!, static r => r.Id);
            var entry = IndexOf(decision.Excluded, o.ExerciseId!, static e => e.Id) is var at and >= 0 ? decision.Excluded[at] : null;
            if (entry is null || !Contains(entry.Reasons, exclusionReasons[rule]))
            {
                said.Add(OverrideReason(
                    BuiltInRules.OverrideUnusedId,
                    $"The clinician override of '{o.RuleId}' for '{o.ExerciseId}' had no effect: that rule does not exclude that exercise for this person."));
            }
            else if (exclusions[rule].Strength == ContraindicationStrength.Absolute)
            {
                said.Add(OverrideReason(
                    BuiltInRules.OverrideRefusedId,
                    $"The clinician override of '{o.RuleId}' for '{o.ExerciseId}' was not applied: the rule is absolute and nothing lifts it."));
            }
            else
            {
                var change = changed.Find(c => ReferenceEquals(c.Entry, entry)) ?? Add(changed, new Change(entry));
                change.Lifted.Add((rule, o));
                change.Remaining.Remove(exclusionReasons[rule]);
            }
        }

        if (changed.Count == 0)
        {
            return decision with { Reasons = ProgramReasons(decision.Reasons, said, null) };
        }

        var reach = ExclusionReach();
        var liftedCount = new int[exclusions.Length];
        foreach (var change in changed)
        {
            var outcome = change.Remaining.Count == 0
                ? $"'{change.Entry.Id}' is included."
                : $"'{change.Entry.Id}' stays excluded by {string.Join(", ", change.Remaining.Select(r => "'" + r.RuleId + "'"))}.";
            foreach (var (rule, o) in change.Lifted)
            {
                liftedCount[rule]++;
                said.Add(OverrideReason(
                    BuiltInRules.OverrideAppliedId,
                    $"A clinician lifted the relative rule '{o.RuleId}' for '{change.Entry.Id}': {outcome} Reason given: {o.Reason}"));
            }
        }

        // A rule is a reason of the program only while it leaves out at least one exercise.
        var dropped = new HashSet<DecisionReason>();
        for (var r = 0; r < exclusions.Length; r++)
        {
            if (liftedCount[r] != 0 && liftedCount[r] == reach[r])
            {
                dropped.Add(exclusionReasons[r]);
            }
        }

        var excluded = new List<ExcludedExercise>(decision.Excluded.Count);
        foreach (var entry in decision.Excluded)
        {
            var change = changed.Find(c => ReferenceEquals(c.Entry, entry));
            if (change is null)
            {
                excluded.Add(entry);
            }
            else if (change.Remaining.Count != 0)
            {
                excluded.Add(new ExcludedExercise(entry.Id, [.. change.Remaining]));
            }
        }

        return decision with
        {
            Reasons = ProgramReasons(decision.Reasons, said, dropped),
            Exercises = Included(excluded),
            Excluded = Wrap([.. excluded]),
        };
    }

    /// <summary>The program's exercises when <paramref name="excluded"/> (in catalog order) are left out: by kind, then id.</summary>
    private IReadOnlyList<PrescribedExercise> Included(List<ExcludedExercise> excluded)
    {
        var left = new bool[exercises.Length];
        for (int e = 0, j = 0; e < exercises.Length && j < excluded.Count; e++)
        {
            if (string.Equals(exercises[e].Id, excluded[j].Id, StringComparison.Ordinal))
            {
                left[e] = true;
                j++;
            }
        }

        var included = new List<PrescribedExercise>(exercises.Length - excluded.Count);
        foreach (var e in inclusionOrder)
        {
            if (!left[e])
            {
                included.Add(prescriptions[e]);
            }
        }

        return Wrap([.. included]);
    }

    /// <summary>
    /// The compiled program's reasons without <paramref name="dropped"/>, and the overrides' reasons placed among them:
    /// screening passed first, then all in output order (rule id, then message).
    /// </summary>
    private static IReadOnlyList<DecisionReason> ProgramReasons(IReadOnlyList<DecisionReason> compiled, List<DecisionReason> said, HashSet<DecisionReason>? dropped)
    {
        said.Sort(static (a, b) => ReasonOrder(a, b));
        var reasons = new List<DecisionReason>(compiled.Count + said.Count) { compiled[0] };
        var s = 0;
        for (var c = 1; c < compiled.Count; c++)
        {
            if (dropped?.Contains(compiled[c]) == true)
            {
                continue;
            }

            while (s < said.Count && ReasonOrder(said[s], compiled[c]) < 0)
            {
                reasons.Add(said[s++]);
            }

            reasons.Add(compiled[c]);
        }

        reasons.AddRange(said.Skip(s));
        return Wrap([.. reasons]);
    }

    /// <summary>Output order of a program's reasons: rule id, then message.</summary>
    private static int ReasonOrder(DecisionReason a, DecisionReason b) =>
        string.CompareOrdinal(a.RuleId, b.RuleId) is var byId and not 0 ? byId : string.CompareOrdinal(a.Message, b.Message);

    private int[] ExclusionReach()
    {
        if (Volatile.Read(ref exclusionReach) is { } known)
        {
            return known;
        }

        var classSize = new int[classCount];
        foreach (var c in exerciseClass)
        {
            classSize[c]++;
        }

        var reach = new int[exclusions.Length];
        for (var r = 0; r < exclusions.Length; r++)
        {
            var touches = exclusions[r].Touches;
            for (var w = 0; w < touches.Length; w++)
            {
                for (var set = touches[w]; set != 0; set &= set - 1)
                {
                    reach[r] += classSize[(w << 6) + BitOperations.TrailingZeroCount(set)];
                }
            }
        }

        // Every thread computes the same table: losing a race costs only the work.
        Volatile.Write(ref exclusionReach, reach);
        return reach;
    }

    /// <summary>The index of <paramref name="id"/> in <paramref name="items"/>, which are in ordinal id order; -1 when absent.</summary>
    private static int IndexOf<T>(IReadOnlyList<T> items, string id, Func<T, string> idOf)
    {
        var (low, high) = (0, items.Count - 1);
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var order = string.CompareOrdinal(idOf(items[middle]), id);
            if (order == 0)
            {
                return middle;
            }

            (low, high) = order < 0 ? (middle + 1, high) : (low, middle - 1);
        }

        return -1;
    }

    private static bool Contains(IReadOnlyList<DecisionReason> reasons, DecisionReason reason)
    {
        foreach (var r in reasons)
        {
            if (r.Equals(reason))
            {
                return true;
            }
        }

        return false;
    }

    private static Change Add(List<Change> changes, Change change)
    {
        changes.Add(change);
        return change;
    }

    private static DecisionReason OverrideReason(string ruleId, FormattableString message) =>
        new(ruleId, message.ToString(CultureInfo.InvariantCulture), ClinicalSources.Tbc);

    /// <summary>An excluded exercise some override lifts a rule for: the rules lifted (with their overrides), and those that still exclude it, in rule id order.</summary>
    private sealed class Change(ExcludedExercise entry)
    {
        public ExcludedExercise Entry { get; } = entry;

        public List<(int Rule, ClinicianOverride Override)> Lifted { get; } = [];

        public List<DecisionReason> Remaining { get; } = [.. entry.Reasons];
    }
}
