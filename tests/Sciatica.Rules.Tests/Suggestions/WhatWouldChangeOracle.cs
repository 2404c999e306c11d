using System.Text.Json.Nodes;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Tests.Suggestions;

/// <summary>
/// The reference for "what would change it", written without the engine's search: patches applied as RFC 7396 merge
/// patches to the profile's JSON and decided again, and a brute force over every allowed patch of one or two changes.
/// </summary>
/// <remarks>
/// Two simplifications, both from the contract: an override lifts an exclusion rule for one exercise, so overrides
/// are tried only for an exercise target (never for the decision) and only for that exercise.
/// </remarks>
internal static class WhatWouldChangeOracle
{
    /// <summary>Applies an RFC 7396 merge patch to a JSON value.</summary>
    public static JsonNode? MergePatch(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : [];
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                var merged = MergePatch(result[name], value);
                result.Remove(name);
                result[name] = merged;
            }
        }

        return result;
    }

    /// <summary>The profile the merge patch (as JSON text) gives, read back through the contract reader.</summary>
    public static PatientProfile Apply(PatientProfile profile, string patchJson) =>
        SciaticaJson.ReadProfile(MergePatch(JsonNode.Parse(SciaticaJson.WriteProfile(profile)), JsonNode.Parse(patchJson))!.ToJsonString());

    /// <summary>What the target is for a decision: the decision kind's contract name, or included/excluded for an exercise.</summary>
    public static string Outcome(ProgramDecision decision, string target) =>
        target == SuggestedChange.DecisionTarget
            ? ContractNames.Of(decision.Decision)
            : decision.Exercises.Any(e => e.Id == target) ? SuggestedChange.Included : "excluded";

    /// <summary>One allowed change: the field it sets and its value, or an added override.</summary>
    public sealed record Change(string Field, int Pain, DirectionalPreference? Preference, string? RuleId)
    {
        public bool IsPain => Field is "legPain" or "backPain";

        public override string ToString() => Field + (IsPain ? "=" + Pain : Field == "directionalPreference" ? "=" + Preference : RuleId is null ? string.Empty : ":" + RuleId);
    }

    /// <summary>Every allowed single change for a target (pain: every lower value).</summary>
    public static List<Change> Singles(ProgramSelector selector, PatientProfile profile, string target)
    {
        var changes = new List<Change>();
        if (!profile.MedicalClearance)
        {
            changes.Add(new("medicalClearance", 0, null, null));
        }

        if (!profile.SymptomsTolerateExercise)
        {
            changes.Add(new("symptomsTolerateExercise", 0, null, null));
        }

        foreach (var preference in new DirectionalPreference?[] { null, DirectionalPreference.Extension, DirectionalPreference.Flexion })
        {
            if (preference != profile.DirectionalPreference)
            {
                changes.Add(new("directionalPreference", 0, preference, null));
            }
        }

        if (target != SuggestedChange.DecisionTarget)
        {
            foreach (var rule in selector.RuleSet.Rules.Where(r => r.Strength == ContraindicationStrength.Relative))
            {
                if (!profile.ClinicianOverrides.Any(o => o.ExerciseId == target && o.RuleId == rule.Id))
                {
                    changes.Add(new("clinicianOverrides", 0, null, rule.Id));
                }
            }
        }

        if (!profile.PoolAccess)
        {
            changes.Add(new("poolAccess", 0, null, null));
        }

        for (var pain = 0; pain < profile.LegPain; pain++)
        {
            changes.Add(new("legPain", pain, null, null));
        }

        for (var pain = 0; pain < profile.BackPain; pain++)
        {
            changes.Add(new("backPain", pain, null, null));
        }

        return changes;
    }

    /// <summary>Applies changes directly (the brute force's fast path; the properties check patches through JSON).</summary>
    public static PatientProfile With(PatientProfile profile, string target, IEnumerable<Change> changes)
    {
        foreach (var change in changes)
        {
            profile = change.Field switch
            {
                "medicalClearance" => profile with { MedicalClearance = true },
                "symptomsTolerateExercise" => profile with { SymptomsTolerateExercise = true },
                "directionalPreference" => profile with { DirectionalPreference = change.Preference },
                "clinicianOverrides" => profile with { ClinicianOverrides = [.. profile.ClinicianOverrides, new ClinicianOverride { ExerciseId = target, RuleId = change.RuleId!, Reason = "Oracle." }] },
                "poolAccess" => profile with { PoolAccess = true },
                "legPain" => profile with { LegPain = change.Pain },
                _ => profile with { BackPain = change.Pain },
            };
        }

        return profile;
    }

    /// <summary>Whether two single changes may form one patch: different fields, or two different overrides.</summary>
    public static bool Compatible(Change a, Change b) => a.Field != b.Field || (a.RuleId is not null && a.RuleId != b.RuleId);

    /// <summary>
    /// The brute force for one target: what the least urgent reachable outcome is (for the decision; "included" for an
    /// exercise, when reachable), and every minimal patch reaching it, each as its set of changes.
    /// </summary>
    public static (string? Goal, List<Change[]> Minimal) Search(ProgramSelector selector, PatientProfile profile, string target)
    {
        var singles = Singles(selector, profile, target);
        var patches = new List<Change[]>();
        foreach (var a in singles)
        {
            patches.Add([a]);
        }

        for (var i = 0; i < singles.Count; i++)
        {
            for (var j = i + 1; j < singles.Count; j++)
            {
                if (Compatible(singles[i], singles[j]))
                {
                    patches.Add([singles[i], singles[j]]);
                }
            }
        }

        var outcomes = patches.Select(p => (Patch: p, Outcome: Outcome(selector.Select(With(profile, target, p)), target))).ToList();
        var current = Outcome(selector.Select(profile), target);
        string? goal;
        if (target == SuggestedChange.DecisionTarget)
        {
            var least = outcomes.Select(o => ContractNames.TryParse<DecisionKind>(o.Outcome, out var kind) ? kind : DecisionKind.Unspecified)
                .Append(selector.Select(profile).Decision).Min();
            goal = least == selector.Select(profile).Decision ? null : ContractNames.Of(least);
        }
        else
        {
            goal = current != SuggestedChange.Included && outcomes.Any(o => o.Outcome == SuggestedChange.Included) ? SuggestedChange.Included : null;
        }

        if (goal is null)
        {
            return (null, []);
        }

        var reaching = outcomes.Where(o => o.Outcome == goal).Select(o => o.Patch).ToList();
        bool Reaches(IEnumerable<Change> p) => Outcome(selector.Select(With(profile, target, p)), target) == goal;
        var minimal = reaching.Where(p => IsMinimal(p, Reaches, profile)).ToList();
        return (goal, minimal);
    }

    /// <summary>
    /// Minimal: no strict subset reaches the goal, even with its pain changes at 0; and each pain change is the highest
    /// pain (below the profile's) that still reaches it with the patch's other changes.
    /// </summary>
    public static bool IsMinimal(Change[] patch, Func<IEnumerable<Change>, bool> reaches, PatientProfile profile)
    {
        for (var drop = 0; drop < patch.Length; drop++)
        {
            var subset = patch.Where((_, i) => i != drop).Select(c => c.IsPain ? c with { Pain = 0 } : c).ToArray();
            if (reaches(subset))
            {
                return false;
            }
        }

        for (var i = 0; i < patch.Length; i++)
        {
            var change = patch[i];
            var current = change.Field == "legPain" ? profile.LegPain : profile.BackPain;
            if (change.IsPain && change.Pain + 1 < current && reaches(patch.Select((c, k) => k == i ? c with { Pain = c.Pain + 1 } : c)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A change set as the engine's patch would write it, for comparing sets: sorted field=value items.</summary>
    public static string Key(IEnumerable<Change> changes) => string.Join(";", changes.Select(c => c.ToString()).Order(StringComparer.Ordinal));

    /// <summary>The changes a patch makes to a profile, read from its JSON (each added override and each other field is one).</summary>
    public static List<Change> ChangesOf(PatientProfile profile, string target, JsonObject patch)
    {
        var changes = new List<Change>();
        foreach (var (name, value) in patch)
        {
            switch (name)
            {
                case "clinicianOverrides":
                    var list = value!.AsArray().Select(o => (Exercise: (string)o!["exerciseId"]!, Rule: (string)o!["ruleId"]!)).ToList();
                    foreach (var added in list.Where(o => !profile.ClinicianOverrides.Any(p => p.ExerciseId == o.Exercise && p.RuleId == o.Rule)))
                    {
                        Assert.Equal(target, added.Exercise);
                        changes.Add(new("clinicianOverrides", 0, null, added.Rule));
                    }

                    break;
                case "directionalPreference":
                    changes.Add(new(name, 0, value is null ? null : ContractNames.TryParse<DirectionalPreference>((string)value!, out var p) ? p : throw new InvalidOperationException("bad preference"), null));
                    break;
                case "legPain" or "backPain":
                    changes.Add(new(name, (int)value!, null, null));
                    break;
                default:
                    changes.Add(new(name, 0, null, null));
                    break;
            }
        }

        return changes;
    }
}
