namespace Sciatica.Rules;

/// <summary>
/// The words of each decision kind and timeframe, for the person and for a clinician: the one source that
/// <see cref="Wording"/> (which picks the reader) and the inner parts (the screening line of a refused document, the
/// explanations of "what would change it") read, so that every surface says the same action with the same "how soon".
/// </summary>
internal static class DecisionWords
{
    /// <summary>The action headline of a decision, for the person and for a clinician.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value other than <see cref="DecisionKind.Unspecified"/>.</exception>
    public static (string Person, string Clinician) Headline(DecisionKind kind) => kind switch
    {
        DecisionKind.Emergency => ("Go to emergency care now.", "Emergency assessment now; no exercise."),
        DecisionKind.UrgentReferral => ("See a specialist urgently.", "Urgent specialist referral; no exercise until assessed."),
        DecisionKind.TreatCauseFirst => ("Have the possible cause of your symptoms checked and treated first.", "Assess and treat the suspected serious cause before exercise."),
        DecisionKind.SeekMedicalAdvice => ("Get medical advice before you start exercising.", "Medical advice needed before exercise."),
        DecisionKind.Program => ("You can start the exercises in this plan.", "Exercise program may start."),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "allowed values: program, seekMedicalAdvice, treatCauseFirst, urgentReferral, emergency."),
    };

    /// <summary>How soon to act, in a few words (no capital, no full stop), for the person and for a clinician.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeframe"/> is not a defined value.</exception>
    public static (string Person, string Clinician) HowSoon(Timeframe timeframe) => timeframe switch
    {
        Timeframe.Now => ("now", "now"),
        Timeframe.Within24Hours => ("within 24 hours", "within 24 hours"),
        Timeframe.WithinDays => ("within the next few days", "within days"),
        Timeframe.BeforeExercising => ("before you start exercising", "before exercise starts"),
        _ => throw new ArgumentOutOfRangeException(nameof(timeframe), timeframe, "allowed values: now, within24Hours, withinDays, beforeExercising."),
    };
}
