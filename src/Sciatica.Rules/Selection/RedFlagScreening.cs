namespace Sciatica.Rules;

/// <summary>
/// What the red flags of a refused document decide on their own under the default rules: the screening line that rides
/// on <see cref="SciaticaValidationException.Screening"/>, so that an input with a typo elsewhere never hides "go to
/// emergency care now".
/// </summary>
internal static class RedFlagScreening
{
    /// <summary>The notice the given red flags give on their own under the default rules, or null when it is neither an emergency nor urgent.</summary>
    internal static ScreeningNotice? Of(IReadOnlyCollection<RedFlag> flags)
    {
        if (flags.Count == 0)
        {
            return null;
        }

        var distinct = flags.Distinct().Order().ToArray();
        // Only the red flags speak: every other answer is set to the value that gates nothing.
        var probe = new PatientProfile
        {
            Causes = [Cause.ClinicalRadiculopathy],
            LegPain = 0,
            BackPain = 0,
            RedFlags = [.. distinct],
            MedicalClearance = true,
            SymptomsTolerateExercise = true,
            Age = 30,
            SymptomWeeks = 1,
        };
        var decision = ProgramSelector.Default.Select(probe);
        return decision.Decision is DecisionKind.Emergency or DecisionKind.UrgentReferral && decision.Timeframe is { } timeframe
            ? new ScreeningNotice(decision.Decision, timeframe, decision.Reasons) { RedFlags = distinct }
            : null;
    }
}
