using System.Globalization;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules;

/// <summary>Checking clinician overrides against the catalog and the rule set before they are applied.</summary>
internal sealed partial class CompiledRules
{
    /// <summary>
    /// Checks that each override names a catalog exercise and an exclusion rule, once per exercise and rule, with a
    /// reason; throws listing every problem, each with its path in the profile.
    /// </summary>
    /// <exception cref="SciaticaValidationException">An override is not valid for this catalog and rule set.</exception>
    public void CheckOverrides(PatientProfile profile)
    {
        if (OverridesAreValid(profile.ClinicianOverrides))
        {
            return;
        }

        var problems = new ProblemList();
        var seen = new HashSet<(string?, string?)>();
        for (var i = 0; i < profile.ClinicianOverrides.Count; i++)
        {
            var o = profile.ClinicianOverrides[i];
            var path = Invariant($"$.clinicianOverrides[{i}]");
            if (o.ExerciseId is null || IndexOf(exercises, o.ExerciseId, static e => e.Id) < 0)
            {
                problems.Add(path + ".exerciseId", Invariant($"'{ProblemList.Echo(o.ExerciseId ?? string.Empty)}' is not an exercise of the catalog; allowed values: {ProblemList.Listed(exercises.Select(e => e.Id), 160)}."));
            }

            if (o.RuleId is null || IndexOf(exclusions, o.RuleId, static r => r.Id) < 0)
            {
                // A screening rule refuses exercise altogether: say so plainly, since that is what the clinician must act on.
                var why = o.RuleId is not null && ruleSet.Screening.Any(g => g.Id == o.RuleId)
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

    /// <summary>The same checks without building a message: the usual case, where every override is valid.</summary>
    private bool OverridesAreValid(IReadOnlyList<ClinicianOverride> overrides)
    {
        for (var i = 0; i < overrides.Count; i++)
        {
            var o = overrides[i];
            if (o.ExerciseId is null || o.RuleId is null || string.IsNullOrWhiteSpace(o.Reason)
                || IndexOf(exercises, o.ExerciseId, static e => e.Id) < 0 || IndexOf(exclusions, o.RuleId, static r => r.Id) < 0)
            {
                return false;
            }

            for (var j = 0; j < i; j++)
            {
                if (string.Equals(overrides[j].ExerciseId, o.ExerciseId, StringComparison.Ordinal) && string.Equals(overrides[j].RuleId, o.RuleId, StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The rule ids an override may name (every exclusion rule, in id order): relative rules it can lift, and absolute ones it is refused for.</summary>
    private string AllowedOverrideRules() =>
        // Each list within its share of a bounded message (the rule set lists them all: RuleSet.Rules).
        "relative rules (lifted for the exercise): " + ProblemList.Listed(exclusions.Where(r => r.Strength == ContraindicationStrength.Relative).Select(r => r.Id), 70)
        + "; absolute rules (named, but never lifted): " + ProblemList.Listed(exclusions.Where(r => r.Strength == ContraindicationStrength.Absolute).Select(r => r.Id), 70);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
