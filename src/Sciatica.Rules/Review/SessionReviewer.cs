using System.Globalization;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules;

/// <summary>
/// The review engine: a new red flag re-screens with the same precedence as selection; new weakness or
/// numbness stops the program; an exercise that peripheralised stops; pain above 5/10 during regresses that
/// exercise, and a worse next morning regresses every exercise of the program, reported or not; progress only
/// when pain during is at most 3/10, the next morning is the same or better and nothing peripheralised;
/// otherwise continue [PMM, TBC, CKS]. Every exercise of the program is listed with its action and dose.
/// </summary>
/// <remarks>Pure, deterministic and thread-safe, like <see cref="ProgramSelector"/>.</remarks>
public sealed class SessionReviewer : ISessionReviewer
{
    private readonly IProgramSelector selector;
    private readonly ResponseRules rules;

    /// <summary>Creates a reviewer over the default catalog and rule set.</summary>
    public SessionReviewer()
        : this(ProgramSelector.Default)
    {
    }

    /// <summary>Creates a reviewer that selects and re-screens with <paramref name="selector"/> (decorators included).</summary>
    /// <param name="selector">The engine whose catalog, rules and thresholds apply.</param>
    /// <exception cref="ArgumentNullException"><paramref name="selector"/> is null.</exception>
    public SessionReviewer(IProgramSelector selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        this.selector = selector;
        rules = selector.RuleSet.BuiltIns.Response;
    }

    /// <inheritdoc />
    public SessionReview Review(PatientProfile profile, SessionFeedback feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        return Review(profile, [feedback]);
    }

    /// <inheritdoc />
    public SessionReview Review(PatientProfile profile, IReadOnlyList<SessionFeedback> sessions)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(sessions);
        if (sessions.Count == 0)
        {
            throw new ArgumentException("At least one session is needed.", nameof(sessions));
        }

        using var activity = SciaticaRulesTelemetry.Source.StartActivity("sciatica_rules.review");
        // Feedback is checked against the program the profile gets before any new red flag: whatever the decision.
        var program = selector.Select(profile);
        Validate(program, sessions);
        var state = program.Exercises.OrderBy(e => e.Id, StringComparer.Ordinal).Select(e => new ExerciseReview(e.Id, ReviewAction.Continue, e.Dosage, [])).ToList();
        return Reported(activity, Replay(profile, program, state, sessions));
    }

    /// <inheritdoc />
    public SessionReview Review(PatientProfile profile, SessionFeedback feedback, SessionReview previous)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(feedback);
        ArgumentNullException.ThrowIfNull(previous);
        var program = selector.Select(profile);
        if (previous.Decision != ReviewDecision.Adjust
            || previous.RuleSetVersion != selector.RuleSetVersion
            || !previous.Exercises.Select(e => e.Id).SequenceEqual(program.Exercises.Select(e => e.Id).Order(StringComparer.Ordinal)))
        {
            throw new ArgumentException("The previous review must adjust the program this rule set selects for this profile.", nameof(previous));
        }

        using var activity = SciaticaRulesTelemetry.Source.StartActivity("sciatica_rules.review");
        Validate(program, [feedback]);
        return Reported(activity, Replay(profile, program, [.. previous.Exercises], [feedback]));
    }

    private static SessionReview Reported(System.Diagnostics.Activity? activity, SessionReview review)
    {
        SciaticaRulesTelemetry.Reviewed(review.Decision, review.RuleSetVersion);
        activity?.SetTag("decision", ContractNames.Of(review.Decision));
        activity?.SetTag("rule_set_version", review.RuleSetVersion);
        return review;
    }

    private SessionReview Replay(PatientProfile profile, ProgramDecision program, List<ExerciseReview> state, IReadOnlyList<SessionFeedback> sessions)
    {
        SessionReview? review = null;
        for (var s = 0; s < sessions.Count; s++)
        {
            review = ReviewSession(profile, program, state, sessions[s], s, sessions.Count);
            if (review.Decision != ReviewDecision.Adjust)
            {
                // A screening decision ends the program: later sessions cannot undo it.
                return review;
            }

            state = [.. review.Exercises];
        }

        return review!;
    }

    private SessionReview ReviewSession(PatientProfile profile, ProgramDecision program, List<ExerciseReview> state, SessionFeedback feedback, int session, int count)
    {
        var rescreened = selector.Select(profile with { RedFlags = [.. profile.RedFlags, .. feedback.NewRedFlags] });
        var kind = rescreened.Decision;
        var timeframe = rescreened.Timeframe;
        var reasons = new List<DecisionReason>();
        if (kind != DecisionKind.Program)
        {
            if (!feedback.NewRedFlags.IsEmpty)
            {
                reasons.Add(rules.NewRedFlag);
            }

            reasons.AddRange(rescreened.Reasons);
        }

        if (feedback.NewWeakness)
        {
            kind = (DecisionKind)Math.Max((int)kind, (int)DecisionKind.UrgentReferral);
            timeframe = Sooner(timeframe, Timeframe.Within24Hours);
            reasons.Add(rules.NewWeakness);
        }

        if (feedback.NewNumbness)
        {
            kind = (DecisionKind)Math.Max((int)kind, (int)DecisionKind.SeekMedicalAdvice);
            timeframe = Sooner(timeframe, Timeframe.BeforeExercising);
            reasons.Add(rules.NewNumbness);
        }

        if (kind != DecisionKind.Program)
        {
            return new SessionReview
            {
                Decision = (ReviewDecision)(int)kind,
                Timeframe = timeframe,
                Exercises = [],
                Reasons = reasons.ToEquatableArray(),
                SafetyAdvice = SafetyAdvice.For(kind, timeframe),
                RuleSetVersion = selector.RuleSetVersion,
            };
        }

        var reported = feedback.Exercises.ToDictionary(f => f.Id, StringComparer.Ordinal);
        RejectStoppedExercises(state, feedback, session, count);
        var peripheralized = feedback.Exercises.Any(f => f.SymptomChange == SymptomChange.Peripheralized);
        var reviewed = new List<ExerciseReview>(state.Count);
        foreach (var previous in state)
        {
            if (previous.Action == ReviewAction.Stop)
            {
                reviewed.Add(previous with { Reasons = [rules.StoppedEarlier], Alternative = null });
                continue;
            }

            var exercise = selector.Catalog.Find(previous.Id)!;
            reviewed.Add(reported.TryGetValue(previous.Id, out var f)
                ? ReviewReported(exercise, f.Dosage ?? previous.Dosage!, f, feedback.NextMorning, peripheralized)
                : ReviewUnreported(exercise, previous.Dosage!, feedback.NextMorning));
        }

        var stopped = reviewed.Where(r => r.Action == ReviewAction.Stop).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var exercises = reviewed.Select(r => r.Action == ReviewAction.Stop && !r.Reasons.Contains(rules.StoppedEarlier)
            ? r with { Alternative = AlternativeFor(r.Id, program, stopped) }
            : r).ToEquatableArray();
        return new SessionReview
        {
            Decision = ReviewDecision.Adjust,
            Timeframe = null,
            Exercises = exercises,
            Reasons = exercises.SelectMany(e => e.Reasons).Distinct().OrderBy(r => r.RuleId, StringComparer.Ordinal).ToEquatableArray(),
            SafetyAdvice = program.SafetyAdvice,
            RuleSetVersion = selector.RuleSetVersion,
        };
    }

    private ExerciseReview ReviewReported(Exercise exercise, Dosage current, ExerciseFeedback f, NextMorningChange morning, bool peripheralizedAny)
    {
        var t = selector.RuleSet.Thresholds;
        if (f.SymptomChange == SymptomChange.Peripheralized)
        {
            return new(f.Id, ReviewAction.Stop, null, [rules.Peripheralized]);
        }

        var regressBecause = new List<DecisionReason>();
        if (f.PainDuring > t.MaximumPainDuringExercise)
        {
            regressBecause.Add(rules.PainAboveLimit);
        }

        if (morning == NextMorningChange.Worse)
        {
            regressBecause.Add(rules.WorseNextMorning);
        }

        if (regressBecause.Count > 0)
        {
            return Regress(exercise, current, regressBecause);
        }

        var centralized = f.SymptomChange == SymptomChange.Centralized ? new[] { rules.Centralized } : [];
        if (peripheralizedAny)
        {
            return new(f.Id, ReviewAction.Continue, current, [.. centralized, rules.NoProgressionAfterPeripheralization]);
        }

        if (f.PainDuring <= t.MaximumPainForProgression)
        {
            var higher = DosageRules.Increase(exercise, current);
            return higher == current
                ? new(f.Id, ReviewAction.Continue, current, [.. centralized, rules.AtMaximum])
                : new(f.Id, ReviewAction.Progress, higher, [.. centralized, rules.Progress]);
        }

        return new(f.Id, ReviewAction.Continue, current, [.. centralized, rules.Continue]);
    }

    /// <summary>An exercise the person did not report: a worse next morning still reduces it; otherwise it keeps its dose.</summary>
    private ExerciseReview ReviewUnreported(Exercise exercise, Dosage current, NextMorningChange morning) =>
        morning == NextMorningChange.Worse
            ? Regress(exercise, current, [rules.WorseNextMorning])
            : new(exercise.Id, ReviewAction.Continue, current, [rules.NotReported]);

    private ExerciseReview Regress(Exercise exercise, Dosage current, List<DecisionReason> because)
    {
        var lower = DosageRules.Reduce(exercise, current);
        return lower == current
            ? new(exercise.Id, ReviewAction.Stop, null, [.. because, rules.AtMinimum])
            : new(exercise.Id, ReviewAction.Regress, lower, [.. because]);
    }

    /// <summary>The catalog's easier exercise of the same kind, when the person's program includes it and it is not stopped too.</summary>
    private string? AlternativeFor(string id, ProgramDecision program, HashSet<string> stopped) =>
        selector.Catalog.Find(id)?.Alternative is { } alternative
        && !stopped.Contains(alternative)
        && program.Exercises.Any(e => e.Id == alternative)
            ? alternative
            : null;

    /// <summary>An exercise stopped after an earlier session is no longer part of the program: reporting it is an input error.</summary>
    private static void RejectStoppedExercises(List<ExerciseReview> state, SessionFeedback feedback, int session, int count)
    {
        var problems = new ProblemList();
        var at = session == count - 1 ? "$.feedback" : Invariant($"$.history[{session}]");
        for (var i = 0; i < feedback.Exercises.Count; i++)
        {
            if (state.Any(e => e.Id == feedback.Exercises[i].Id && e.Action == ReviewAction.Stop))
            {
                var remaining = string.Join(", ", state.Where(e => e.Action != ReviewAction.Stop).Select(e => e.Id));
                problems.Add(Invariant($"{at}.exercises[{i}].id"), $"'{ProblemList.Echo(feedback.Exercises[i].Id)}' was stopped after an earlier session and is no longer part of the program; allowed values: {(remaining.Length == 0 ? "none (every exercise was stopped)" : remaining)}.");
            }
        }

        problems.ThrowIfAny("session feedback");
    }

    private static Timeframe Sooner(Timeframe? current, Timeframe candidate) => current is { } c && c < candidate ? c : candidate;

    /// <summary>Checks every session before any is applied: unknown or repeated ids and doses out of bounds are input errors.</summary>
    private void Validate(ProgramDecision program, IReadOnlyList<SessionFeedback> sessions)
    {
        var problems = new ProblemList();
        var allowed = program.Exercises.Count == 0
            ? Invariant($"none: the profile gets no program ({ContractNames.Of(program.Decision)}: {(program.Reasons.Count > 0 ? program.Reasons[0].Message : "screening refused exercise")}), so no exercise can be reported")
            : string.Join(", ", program.Exercises.Select(e => e.Id));
        for (var s = 0; s < sessions.Count; s++)
        {
            // The request document holds the latest session under "feedback" and the earlier ones under "history".
            var at = s == sessions.Count - 1 ? "$.feedback" : Invariant($"$.history[{s}]");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var feedback = sessions[s] ?? throw new ArgumentException("A session is null.", nameof(sessions));
            if (feedback.NextMorning is not (NextMorningChange.Better or NextMorningChange.Same or NextMorningChange.Worse))
            {
                problems.Add(at + ".nextMorning", "is not set; allowed values: " + string.Join(", ", ContractNames.All<NextMorningChange>()) + ".");
            }

            for (var i = 0; i < feedback.Exercises.Count; i++)
            {
                var f = feedback.Exercises[i];
                var path = Invariant($"{at}.exercises[{i}]");
                if (!program.Exercises.Any(e => e.Id == f.Id))
                {
                    problems.Add(path + ".id", $"'{ProblemList.Echo(f.Id)}' is not an exercise of the program selected for this profile; allowed values: {allowed}.");
                    continue;
                }

                if (!seen.Add(f.Id))
                {
                    problems.Add(path + ".id", $"'{ProblemList.Echo(f.Id)}' appears more than once; allowed: one entry per exercise of the program.");
                }

                if (f.SymptomChange is not (SymptomChange.Centralized or SymptomChange.Unchanged or SymptomChange.Peripheralized))
                {
                    problems.Add(path + ".symptomChange", "is not set; allowed values: " + string.Join(", ", ContractNames.All<SymptomChange>()) + ".");
                }

                var exercise = selector.Catalog.Find(f.Id)!;
                if (f.Dosage is { } dose && !dose.IsWithin(exercise.MinimumDosage, exercise.MaximumDosage))
                {
                    problems.Add(path + ".dosage", $"is outside the catalog's bounds for '{ProblemList.Echo(f.Id)}': from {SciaticaJson.WriteDosage(exercise.MinimumDosage)} to {SciaticaJson.WriteDosage(exercise.MaximumDosage)}.");
                }
            }
        }

        problems.ThrowIfAny("session feedback");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
