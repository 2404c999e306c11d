using Sciatica.Rules;

namespace Sciatica.Rules.Tests;

/// <summary>Profiles the example tests start from.</summary>
internal static class Profiles
{
    /// <summary>Cleared, cause known, no contraindicating cause, no red flag: a program with nothing special.</summary>
    public static PatientProfile Clear { get; } = new()
    { RedFlags = [], SymptomsTolerateExercise = true,
        Causes = [Cause.TightMuscles],
        LegPain = 4,
        BackPain = 3,
        MedicalClearance = true,
    };

    public static PatientProfile With(params Cause[] causes) => Clear with { Causes = [.. causes] };

    public static PatientProfile WithFlags(params RedFlag[] flags) => Clear with { RedFlags = [.. flags] };

    public static ClinicianOverride Override(string exerciseId, string ruleId) =>
        new() { ExerciseId = exerciseId, RuleId = ruleId, Reason = "Assessed in clinic." };
}
