using System.Globalization;

namespace Sciatica.Rules;

/// <summary>
/// The clinician's words of "what would change it", beside <see cref="DecisionWords"/> (the shared source of the words of
/// each decision, whose clinician headline starts each explanation of a changed decision): one place for every sentence.
/// </summary>
internal static class ChangeWording
{
    /// <summary>The reason an added override carries until the clinician records their own.</summary>
    public const string OverrideReason = "Clinician's assessment supports this exercise for this person (record the reason).";

    /// <summary>One change, as the condition it sets: "a clinician records medical clearance to exercise".</summary>
    public static string Change(ChangeKind kind, int value, string? ruleId) => kind switch
    {
        ChangeKind.MedicalClearance => "a clinician records medical clearance to exercise",
        ChangeKind.SymptomsTolerateExercise => "symptoms are controlled enough to tolerate exercise (for example with medication)",
        ChangeKind.DirectionalPreference => value switch
        {
            1 => "a clinician's assessment finds an extension directional preference",
            2 => "a clinician's assessment finds a flexion directional preference",
            _ => "a clinician's reassessment finds no directional preference",
        },
        ChangeKind.ClinicianOverride => Invariant($"a clinician records a reason to lift the relative rule '{ruleId}' for it"),
        ChangeKind.PoolAccess => "the person has access to a pool",
        ChangeKind.LegPain => Invariant($"leg pain is controlled to {value} or less"),
        _ => Invariant($"back pain is controlled to {value} or less"),
    };

    /// <summary>The explanation of a change to the decision, from the clinician's headline of the decision it gives: "Exercise program may start when ... and ...".</summary>
    public static string ForDecision(DecisionKind gives, string first, string? second) =>
        DecisionWords.Headline(gives).Clinician.TrimEnd('.') + " when " + Joined(first, second);

    /// <summary>The explanation of a change to one excluded exercise: "Lower trunk rotation stretch can be included in the program when ...".</summary>
    public static string ForExercise(string name, string first, string? second) =>
        Invariant($"{name} can be included in the program when ") + Joined(first, second);

    /// <summary>Two overrides for one exercise, as one condition.</summary>
    public static string TwoOverrides(string firstRuleId, string secondRuleId) =>
        Invariant($"a clinician records a reason to lift each of the relative rules '{firstRuleId}' and '{secondRuleId}' for it");

    private static string Joined(string first, string? second) => second is null ? first + "." : first + " and " + second + ".";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The inputs a suggested change may touch, in the order a patch lists them.</summary>
internal enum ChangeKind
{
    MedicalClearance,
    SymptomsTolerateExercise,
    DirectionalPreference,
    ClinicianOverride,
    PoolAccess,
    LegPain,
    BackPain,
}
