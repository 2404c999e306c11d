using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules;

/// <summary>
/// The one source of the words that say a decision: for each decision kind, review decision, timeframe and review
/// action, the action headline, how soon to act and a short explanation, for the person (plain words) or a clinician
/// (clinical words). Every surface (the CLI text, the handout, EHR cards, FHIR text) takes its words from here, so
/// that the same decision says the same action with the same "how soon" everywhere [CKS: serious does not always mean
/// an emergency].
/// </summary>
/// <remarks>
/// English only; a surface that translates (the handout) translates these sentences and keeps the English it
/// translated beside each translation. The sentences never promise recovery. Pure and thread-safe: the same
/// arguments always give the same string.
/// </remarks>
public static class Wording
{
    /// <summary>The action headline of a decision: what to do, in one sentence.</summary>
    /// <param name="kind">The decision.</param>
    /// <param name="audience">Who reads it.</param>
    /// <returns>For example "Go to emergency care now." for the person.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> or <paramref name="audience"/> is not a defined value other than <see cref="DecisionKind.Unspecified"/>.</exception>
    public static string Headline(DecisionKind kind, Audience audience) => Pick(audience, DecisionWords.Headline(kind));

    /// <summary>The action headline of a session review: carry on with changes, or stop and do what the screening decision says.</summary>
    /// <param name="decision">The review's decision.</param>
    /// <param name="audience">Who reads it.</param>
    /// <returns>For example "Stop your exercises. Go to emergency care now." for the person.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decision"/> or <paramref name="audience"/> is not a defined value other than <see cref="ReviewDecision.Unspecified"/>.</exception>
    public static string Headline(ReviewDecision decision, Audience audience) => decision == ReviewDecision.Adjust
        ? Pick(audience, ("Carry on with your plan, with the changes below.", "Continue the program with the adjustments listed."))
        : Pick(audience, ("Stop your exercises. ", "Stop the program. ")) + Headline(Kind(decision, nameof(decision)), audience);

    /// <summary>How soon to act, in a few words (no capital, no full stop), so that it can follow "How soon:".</summary>
    /// <param name="timeframe">The decision's timeframe.</param>
    /// <param name="audience">Who reads it.</param>
    /// <returns>For example "now", "within 24 hours", "within the next few days", "before you start exercising".</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeframe"/> or <paramref name="audience"/> is not a defined value.</exception>
    public static string HowSoon(Timeframe timeframe, Audience audience) => Pick(audience, DecisionWords.HowSoon(timeframe));

    /// <summary>
    /// A short explanation of a decision: what to do, how soon (it contains <see cref="HowSoon"/>'s words for the
    /// timeframe), and what happens to the exercises.
    /// </summary>
    /// <param name="kind">The decision.</param>
    /// <param name="timeframe">Its timeframe (<see langword="null"/> for a program); a treat-first decision within 24 hours is a suspected infection.</param>
    /// <param name="audience">Who reads it.</param>
    /// <returns>Two or three short sentences.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is not defined, or the timeframe does not fit the decision (a program has none; every other decision has one).</exception>
    public static string Explanation(DecisionKind kind, Timeframe? timeframe, Audience audience)
    {
        if ((kind == DecisionKind.Program) != (timeframe is null))
        {
            throw new ArgumentOutOfRangeException(nameof(timeframe), timeframe, "a program has no timeframe; every other decision has one.");
        }

        return Pick(audience, (kind, timeframe) switch
        {
            (DecisionKind.Program, _) => (
                "Start gently today. Do each exercise at the dose shown, and fill in the diary every day for two weeks.",
                "Start the program at the doses shown; review it with the person's diary after each session or within two weeks."),
            (DecisionKind.Emergency, Timeframe.Now) => (
                "Go now to an emergency department, or call your emergency number. Some of your answers can be signs that nerves in your back are badly squeezed, and this needs help straight away. Do not start or keep doing any exercise.",
                "Refer for emergency assessment now: the recorded signs suggest cauda equina syndrome or spinal cord compression. No exercise."),
            (DecisionKind.UrgentReferral, Timeframe.Within24Hours) => (
                "Contact your doctor within 24 hours to be seen by a specialist soon. Weakness in your leg that is getting worse needs checking first. Do not start exercises until you have been checked.",
                "Refer for urgent specialist assessment within 24 hours: progressive motor deficit or foot drop. No exercise until assessed."),
            (DecisionKind.TreatCauseFirst, Timeframe.Within24Hours) => (
                "See a doctor within 24 hours. With a fever, an infection of the spine has to be ruled out. Do not start exercises until then.",
                "Medical assessment within 24 hours to exclude spinal infection (fever with back pain). No exercise until excluded."),
            (DecisionKind.TreatCauseFirst, _) => (
                "See your doctor within the next few days. Some of your answers mean a doctor should check for a serious cause first. Exercise can be thought about after that.",
                "Assess within days for suspected serious spinal pathology; treat the cause before exercise is considered."),
            (DecisionKind.SeekMedicalAdvice, _) => (
                "Talk to your doctor or physiotherapist before you start exercising. A plan can be made once the points below are sorted out. Keep moving gently through the day.",
                "Medical advice before exercise starts: resolve the points listed (clearance, diagnosis, symptom control or time since surgery), then select again."),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "allowed values: program, seekMedicalAdvice, treatCauseFirst, urgentReferral, emergency."),
        });
    }

    /// <summary>A short explanation of a session review: use the new doses, or what to do instead (as <see cref="Explanation(DecisionKind, Timeframe?, Audience)"/>).</summary>
    /// <param name="decision">The review's decision.</param>
    /// <param name="timeframe">Its timeframe (<see langword="null"/> for <see cref="ReviewDecision.Adjust"/>).</param>
    /// <param name="audience">Who reads it.</param>
    /// <returns>Two or three short sentences.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is not defined, or the timeframe does not fit the decision.</exception>
    public static string Explanation(ReviewDecision decision, Timeframe? timeframe, Audience audience)
    {
        if (decision != ReviewDecision.Adjust)
        {
            return Explanation(Kind(decision, nameof(decision)), timeframe, audience);
        }

        return timeframe is null
            ? Pick(audience, (
                "Use the new doses from your next session. Keep filling in the diary.",
                "Apply the adjusted doses from the next session; keep recording the diary."))
            : throw new ArgumentOutOfRangeException(nameof(timeframe), timeframe, "an adjusted program has no timeframe.");
    }

    /// <summary>What to do with one exercise next session, in a few words.</summary>
    /// <param name="action">The review's action for the exercise.</param>
    /// <param name="audience">Who reads it.</param>
    /// <returns>For example "Do less" for the person, "Regress one step" for a clinician.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="action"/> or <paramref name="audience"/> is not a defined value other than <see cref="ReviewAction.Unspecified"/>.</exception>
    public static string Action(ReviewAction action, Audience audience) => Pick(audience, action switch
    {
        ReviewAction.Stop => ("Stop this exercise", "Stop"),
        ReviewAction.Regress => ("Do less", "Regress one step"),
        ReviewAction.Continue => ("Keep the same dose", "Continue at the same dose"),
        ReviewAction.Progress => ("Do a little more", "Progress one step"),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "allowed values: progress, continue, regress, stop."),
    });

    /// <summary>
    /// One reason of a decision or review in the reader's words. The person gets the rule's plain message (or a plain
    /// sentence for the engine's own technical reasons), never a rule id or a source id; a clinician gets the message
    /// with the rule id and the source's full name.
    /// </summary>
    /// <param name="reason">The reason.</param>
    /// <param name="audience">Who reads it.</param>
    /// <returns>The sentence.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="audience"/> is not a defined value.</exception>
    public static string Reason(DecisionReason reason, Audience audience)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return audience switch
        {
            Audience.Person => PlainReasons.Of(reason),
            Audience.Clinician => $"{reason.Message} (rule {reason.RuleId}; {SourceName(reason.Source)})",
            _ => throw new ArgumentOutOfRangeException(nameof(audience), audience, "allowed values: person, clinician."),
        };
    }

    /// <summary>The full name (citation) of a built-in clinical source, for a clinician; an unknown id is returned as it is.</summary>
    /// <param name="sourceId">A source id such as <c>NG59</c> (see <see cref="ClinicalSources"/>).</param>
    /// <returns>The citation, or <paramref name="sourceId"/> when it is not a built-in source.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sourceId"/> is null.</exception>
    public static string SourceName(string sourceId)
    {
        ArgumentNullException.ThrowIfNull(sourceId);
        foreach (var source in ClinicalSources.BuiltIn)
        {
            if (source.Id == sourceId)
            {
                return source.Citation;
            }
        }

        return sourceId;
    }

    private static DecisionKind Kind(ReviewDecision decision, string parameter) => decision switch
    {
        ReviewDecision.Emergency => DecisionKind.Emergency,
        ReviewDecision.UrgentReferral => DecisionKind.UrgentReferral,
        ReviewDecision.TreatCauseFirst => DecisionKind.TreatCauseFirst,
        ReviewDecision.SeekMedicalAdvice => DecisionKind.SeekMedicalAdvice,
        _ => throw new ArgumentOutOfRangeException(parameter, decision, "allowed values: adjust, seekMedicalAdvice, treatCauseFirst, urgentReferral, emergency."),
    };

    private static string Pick(Audience audience, (string Person, string Clinician) words) => audience switch
    {
        Audience.Person => words.Person,
        Audience.Clinician => words.Clinician,
        _ => throw new ArgumentOutOfRangeException(nameof(audience), audience, "allowed values: person, clinician."),
    };
}
