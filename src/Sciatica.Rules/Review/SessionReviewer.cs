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
public sealed partial class SessionReviewer : ISessionReviewer
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
        // Each session is checked against the program of its own profile (an earlier session may carry the profile it
        // was done with; the latest is the current profile) before any new red flag: whatever the decision.
        var programs = new ProgramDecision[sessions.Count];
        for (var s = 0; s < sessions.Count; s++)
        {
            var session = sessions[s] ?? throw new ArgumentException("A session is null.", nameof(sessions));
            programs[s] = selector.Select(ProfileOf(profile, sessions, s));
        }

        try
        {
            Validate(programs, sessions);
            var state = Starting(programs[0]);
            return Reported(activity, Replay(profile, programs, state, sessions));
        }
        catch (SciaticaValidationException ex) when (ex.Screening is null)
        {
            ex.Screening = ScreeningOf(profile, sessions);
            throw;
        }
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
            || !previous.Exercises.Select(e => e.Id).Where(id => !IsAlternativeIn(program, id))
                .SequenceEqual(program.Exercises.Select(e => e.Id).Order(StringComparer.Ordinal)))
        {
            throw new ArgumentException("The previous review must adjust the program this rule set selects for this profile.", nameof(previous));
        }

        using var activity = SciaticaRulesTelemetry.Source.StartActivity("sciatica_rules.review");
        try
        {
            Validate([program], [feedback]);
            return Reported(activity, Replay(profile, [program], [.. previous.Exercises], [feedback]));
        }
        catch (SciaticaValidationException ex) when (ex.Screening is null)
        {
            ex.Screening = ScreeningOf(profile, [feedback]);
            throw;
        }
    }

    private static SessionReview Reported(System.Diagnostics.Activity? activity, SessionReview review)
    {
        SciaticaRulesTelemetry.Reviewed(review.Decision, review.RuleSetVersion);
        activity?.SetTag("decision", ContractNames.Of(review.Decision));
        activity?.SetTag("rule_set_version", review.RuleSetVersion);
        return review;
    }

    /// <summary>The profile a session was done with: its own for an earlier session that carries one, else the current one.</summary>
    private static PatientProfile ProfileOf(PatientProfile current, IReadOnlyList<SessionFeedback> sessions, int s) =>
        s < sessions.Count - 1 && sessions[s].Profile is { } own ? own : current;

    private static List<ExerciseReview> Starting(ProgramDecision program) =>
        program.Exercises.OrderBy(e => e.Id, StringComparer.Ordinal).Select(e => new ExerciseReview(e.Id, ReviewAction.Continue, e.Dosage, [])).ToList();

    private SessionReview Replay(PatientProfile profile, ProgramDecision[] programs, List<ExerciseReview> state, IReadOnlyList<SessionFeedback> sessions)
    {
        SessionReview? review = null;
        for (var s = 0; s < sessions.Count; s++)
        {
            if (s > 0 && !ReferenceEquals(programs[s], programs[s - 1]))
            {
                state = Carried(state, programs[s], ProfileOf(profile, sessions, s));
            }

            review = ReviewSession(ProfileOf(profile, sessions, s), programs[s], state, sessions[s], s, sessions.Count);
            if (review.Decision != ReviewDecision.Adjust)
            {
                // A screening decision ends the program: later sessions cannot undo it, but what they report can make it more
                // urgent. Every danger sign from this session on is screened together against the current profile, and the
                // more cautious answer stands.
                return s == sessions.Count - 1 ? review : MoreCautious(review, Rescreened(profile, programs[^1], sessions, s));
            }

            state = [.. review.Exercises];
        }

        return sessions.Count > 1 && !ReferenceEquals(programs[^1], programs[^2])
            ? WithNoLongerAllowed(review!, programs[^2], programs[^1])
            : review!;
    }

    /// <summary>
    /// The state carried into a session whose profile gives a different program: an exercise that stays keeps its reviewed
    /// dose and action (a stopped one stays stopped), an exercise new to the program starts at its program dose, and an
    /// exercise the new program leaves out is dropped, except an alternative that joined after the exercise it replaces
    /// stopped, while the new profile still allows it.
    /// </summary>
    private List<ExerciseReview> Carried(List<ExerciseReview> state, ProgramDecision program, PatientProfile profile)
    {
        var carried = new List<ExerciseReview>(program.Exercises.Count);
        foreach (var e in program.Exercises)
        {
            var earlier = state.Find(r => r.Id == e.Id);
            carried.Add(earlier ?? new ExerciseReview(e.Id, ReviewAction.Continue, e.Dosage, []));
        }

        var joined = state.Where(r => IsAlternativeIn(program, r.Id)).ToList();
        if (joined.Count > 0)
        {
            var allowed = selector.Select(profile with { LandWalkingPainful = true });
            carried.AddRange(joined.Where(r => allowed.Exercises.Any(e => e.Id == r.Id)));
        }

        carried.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return carried;
    }

    /// <summary>
    /// Each exercise of the latest earlier session's program that the current profile no longer allows is listed as stopped,
    /// with no dose and the rules that now exclude it, so the person sees what to leave out.
    /// </summary>
    private static SessionReview WithNoLongerAllowed(SessionReview review, ProgramDecision earlier, ProgramDecision current)
    {
        var gone = earlier.Exercises
            .Where(e => !current.Exercises.Any(c => c.Id == e.Id))
            .Select(e => new ExerciseReview(e.Id, ReviewAction.Stop, null, current.Excluded.FirstOrDefault(x => x.Id == e.Id)?.Reasons ?? []))
            .ToList();
        if (gone.Count == 0)
        {
            return review;
        }

        var exercises = review.Exercises.Concat(gone).OrderBy(e => e.Id, StringComparer.Ordinal).ToEquatableArray();
        return review with
        {
            Exercises = exercises,
            Reasons = exercises.SelectMany(e => e.Reasons).Distinct().OrderBy(r => r.RuleId, StringComparer.Ordinal).ToEquatableArray(),
        };
    }

    private SessionReview ReviewSession(PatientProfile profile, ProgramDecision program, List<ExerciseReview> state, SessionFeedback feedback, int session, int count)
    {
        // New weakness with known or suspected cancer is a new neurological symptom with cancer: screened as progressive
        // weakness, so the metastatic cord compression emergency applies [NG234].
        RedFlag[] flags = [.. profile.RedFlags, .. feedback.NewRedFlags];
        var cancer = flags.Contains(RedFlag.CancerHistory) || flags.Contains(RedFlag.SuspectedCancer);
        var rescreened = selector.Select(profile with { RedFlags = feedback.NewWeakness && cancer ? [.. flags, RedFlag.ProgressiveWeakness] : flags });
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

        WithOfferedAlternatives(profile, state);
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
            ? r with { Alternative = AlternativeFor(r.Id, profile, program, stopped) }
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
        var walking = exercise.Kind == ExerciseKind.Aerobic;
        if (f.SymptomChange == SymptomChange.Peripheralized && !walking)
        {
            return new(f.Id, ReviewAction.Stop, null, [rules.Peripheralized]);
        }

        var regressBecause = new List<DecisionReason>();
        if (f.SymptomChange == SymptomChange.Peripheralized)
        {
            // Walking keeps people moving [NG59]: it is stepped down like a worse response, and stops only at its lowest dose.
            regressBecause.Add(rules.WalkingPeripheralized);
        }

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

    private static Timeframe Sooner(Timeframe? current, Timeframe candidate) => current is { } c && c < candidate ? c : candidate;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
