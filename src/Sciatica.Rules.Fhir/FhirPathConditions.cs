using System.Globalization;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Fhir;

/// <summary>
/// Writes a rule's compiled condition (<see cref="Condition"/>: every fact of one set, and at least one of another) as a
/// FHIRPath expression over the intake <c>QuestionnaireResponse</c>, so that the plan definition says exactly what the
/// engine evaluates, from the same rule objects. Each fact is one small expression that is always a single boolean
/// (never empty): <c>not()</c> of it is safe, and a missing answer reads as the engine reads the missing field.
/// A fact that has no expression here (a bit this class does not know) makes the whole condition unsayable: the
/// caller then makes its action non-applicable (the safe side) and says so.
/// </summary>
internal sealed class FhirPathConditions
{
    private readonly Dictionary<int, string> atoms = [];
    private readonly HashSet<int> unsayable;

    /// <summary>Gives every fact its expression; <paramref name="unsayable"/> are facts left without one (only tests leave any, to show a rule that reads them fails safe).</summary>
    public FhirPathConditions(RuleThresholds thresholds, IEnumerable<int>? unsayable = null)
    {
        this.unsayable = [.. unsayable ?? []];
        foreach (var cause in Enum.GetValues<Cause>())
        {
            Add(Facts.Cause(cause), Coded("causes", "cause", ContractNames.Of(cause)));
        }

        foreach (var flag in Enum.GetValues<RedFlag>())
        {
            Add(Facts.RedFlag(flag), Coded("redFlags", "red-flag", ContractNames.Of(flag)));
        }

        Add(Facts.MedicalClearance, IsTrue("medicalClearance"));
        Add(Facts.NoMedicalClearance, Not(IsTrue("medicalClearance")));
        Add(Facts.SymptomsTolerateExercise, IsTrue("symptomsTolerateExercise"));
        Add(Facts.SymptomsDoNotTolerateExercise, Not(IsTrue("symptomsTolerateExercise")));
        Add(Facts.LandWalkingPainful, IsTrue("landWalkingPainful"));
        Add(Facts.LandWalkingNotPainful, Not(IsTrue("landWalkingPainful")));
        Add(Facts.PoolAccess, IsTrue("poolAccess"));
        Add(Facts.NoPoolAccess, Not(IsTrue("poolAccess")));
        Add(Facts.PrefersExtension, Coded("directionalPreference", "directional-preference", ContractNames.Of(DirectionalPreference.Extension)));
        Add(Facts.PrefersFlexion, Coded("directionalPreference", "directional-preference", ContractNames.Of(DirectionalPreference.Flexion)));
        Add(Facts.NoExtensionPreference, Not(Coded("directionalPreference", "directional-preference", ContractNames.Of(DirectionalPreference.Extension))));
        Add(Facts.AgeNotRecorded, Not(Answered("age")));
        Add(Facts.AgeBelowSeriousPathologyMinimum, Compare("age", "<", thresholds.SeriousPathologyMinimumAge));
        Add(Facts.AgeAboveSeriousPathologyMaximum, Compare("age", ">", thresholds.SeriousPathologyMaximumAge));
        Add(Facts.SpineSurgeryRecorded, Answered("weeksSinceSpineSurgery"));
        Add(Facts.SpineSurgeryTooRecent, Compare("weeksSinceSpineSurgery", "<", thresholds.MinimumWeeksAfterSpineSurgery));
        Add(Facts.SymptomWeeksNotRecorded, Not(Answered("symptomWeeks")));
        // Facts.Of: an episode of 6 weeks or more is reviewed by a clinician if it is not improving [JENSEN].
        Add(Facts.SymptomsSixWeeksOrMore, Compare("symptomWeeks", ">=", 6));
        Add(Facts.Pregnant, Answered("pregnancyWeeks"));
        Add(Facts.LegPainSevere, Compare("legPain", ">=", thresholds.SeverePainFrom));
        Add(Facts.BackPainSevere, Compare("backPain", ">=", thresholds.SeverePainFrom));
        for (var pain = 0; pain <= 10; pain++)
        {
            Add(Facts.LegPainOfAtLeast(pain), Compare("legPain", ">=", pain));
        }

        for (var weeks = 0; weeks <= 42; weeks++)
        {
            Add(Facts.PregnancyOfAtLeast(weeks), Compare("pregnancyWeeks", ">=", weeks));
        }

        foreach (var bit in this.unsayable)
        {
            atoms.Remove(bit);
        }
    }

    /// <summary>The expression that is true exactly when the condition holds, or <see langword="null"/> when one of its facts has no expression.</summary>
    public string? Holds(Condition condition)
    {
        var all = new List<string>();
        foreach (var bit in Bits(condition.All))
        {
            if (!atoms.TryGetValue(bit, out var atom))
            {
                return null;
            }

            all.Add(atom);
        }

        var any = new List<string>();
        foreach (var bit in Bits(condition.Any))
        {
            if (!atoms.TryGetValue(bit, out var atom))
            {
                return null;
            }

            any.Add(atom);
        }

        if (any.Count > 0)
        {
            all.Add(any.Count == 1 ? any[0] : "(" + string.Join(" or ", any) + ")");
        }

        return all.Count == 0 ? "true" : string.Join(" and ", all);
    }

    /// <summary>True when the named items all have an answer: the screening questions that may not be left unasked.</summary>
    public static string AllAnswered(IEnumerable<string> linkIds) => string.Join(" and ", linkIds.Select(Answered));

    /// <summary>True when a clinician override for the exercise and rule is part of the intake (a relative rule is lifted for that exercise only).</summary>
    public static string Overridden(string exerciseId, string ruleId) =>
        Invariant($"item.where(linkId='clinicianOverride').where(item.where(linkId='exerciseId').answer.where(value = '{exerciseId}').exists() and item.where(linkId='ruleId').answer.where(value = '{ruleId}').exists()).exists()");

    public static string Not(string expression) => "(" + expression + ").not()";

    public static string AnyOf(IReadOnlyList<string> expressions) =>
        expressions.Count == 0 ? "false" : expressions.Count == 1 ? expressions[0] : string.Join(" or ", expressions.Select(e => "(" + e + ")"));

    public static string AllOf(IReadOnlyList<string> expressions) =>
        expressions.Count == 0 ? "true" : expressions.Count == 1 ? expressions[0] : string.Join(" and ", expressions.Select(e => "(" + e + ")"));

    private void Add(int bit, string expression)
    {
        if (!atoms.TryAdd(bit, expression))
        {
            // Two facts on one bit would be a defect of Facts; neither is said rather than one said wrongly.
            unsayable.Add(bit);
        }
    }

    private static IEnumerable<int> Bits(Facts facts)
    {
        for (var bit = 0; bit < 128; bit++)
        {
            if (facts.Intersects(Facts.None.With(bit)))
            {
                yield return bit;
            }
        }
    }

    private static string Coded(string linkId, string codeSystem, string code) =>
        Invariant($"item.where(linkId='{linkId}').answer.value.where(system='{SciaticaFhir.CodeSystemBase}{codeSystem}' and code='{code}').exists()");

    private static string IsTrue(string linkId) => Invariant($"item.where(linkId='{linkId}').answer.where(value = true).exists()");

    private static string Answered(string linkId) => Invariant($"item.where(linkId='{linkId}').answer.exists()");

    private static string Compare(string linkId, string comparison, int value) =>
        Invariant($"item.where(linkId='{linkId}').answer.where(value {comparison} {value}).exists()");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
