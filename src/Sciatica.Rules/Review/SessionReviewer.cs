using System.Globalization;
using Sciatica.Rules.Domain;
using Sciatica.Rules.Rules;
using Sciatica.Rules.Selection;
using Sciatica.Rules.Serialization;
using Sciatica.Rules.Validation;

namespace Sciatica.Rules.Review;

/// <summary>
/// The review engine: a new red flag re-screens with the same precedence
/// as selection; new weakness or numbness stops the program; an exercise that peripheralised stops;
/// pain above 5/10 during, or a worse next morning, regresses; progress only when pain during is at
/// most 3/10, the next morning is the same or better and nothing peripheralised; otherwise continue.
/// </summary>
/// <remarks>Pure, deterministic and thread-safe, like <see cref="ProgramSelector"/>.</remarks>
public sealed class SessionReviewer : ISessionReviewer
{
    private readonly ProgramSelector selector;
    private readonly ResponseRules rules;

    /// <summary>Creates a reviewer over the default catalog and rule set.</summary>
    public SessionReviewer()
        : this(ProgramSelector.Default)
    {
    }

    /// <summary>Creates a reviewer that selects and re-screens with <paramref name="selector"/>.</summary>
    /// <param name="selector">The engine whose catalog, rules and thresholds apply.</param>
    /// <exception cref="ArgumentNullException"><paramref name="selector"/> is null.</exception>
    public SessionReviewer(ProgramSelector selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        this.selector = selector;
        rules = selector.RuleSet.BuiltIns.Response;
    }

    /// <inheritdoc />
    public SessionReview Review(PatientProfile profile, SessionFeedback feedback)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(feedback);
        var program = selector.Select(profile);
        if (program.Decision == DecisionKind.Program)
        {
            Validate(program, feedback);
        }

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

        var exercises = feedback.Exercises.AsImmutableArray()
            .OrderBy(f => f.Id, StringComparer.Ordinal)
            .Select(f => ReviewExercise(selector.Catalog.Find(f.Id)!, f, feedback))
            .ToEquatableArray();
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

    private ExerciseReview ReviewExercise(Exercise exercise, ExerciseFeedback f, SessionFeedback session)
    {
        var current = f.Dosage ?? exercise.Dosage;
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

        if (session.NextMorning == NextMorningChange.Worse)
        {
            regressBecause.Add(rules.WorseNextMorning);
        }

        if (regressBecause.Count > 0)
        {
            var lower = DosageRules.Step(exercise, current, -1);
            return lower == current
                ? new(f.Id, ReviewAction.Stop, null, [.. regressBecause, rules.AtMinimum])
                : new(f.Id, ReviewAction.Regress, lower, [.. regressBecause]);
        }

        var centralized = f.SymptomChange == SymptomChange.Centralized ? new[] { rules.Centralized } : [];
        if (session.Exercises.Any(other => other.SymptomChange == SymptomChange.Peripheralized))
        {
            return new(f.Id, ReviewAction.Continue, current, [.. centralized, rules.NoProgressionAfterPeripheralization]);
        }

        if (f.PainDuring <= t.MaximumPainForProgression)
        {
            var higher = DosageRules.Step(exercise, current, +1);
            return higher == current
                ? new(f.Id, ReviewAction.Continue, current, [.. centralized, rules.AtMaximum])
                : new(f.Id, ReviewAction.Progress, higher, [.. centralized, rules.Progress]);
        }

        return new(f.Id, ReviewAction.Continue, current, [.. centralized, rules.Continue]);
    }

    private static Timeframe Sooner(Timeframe? current, Timeframe candidate) => current is { } c && c < candidate ? c : candidate;

    private void Validate(ProgramDecision program, SessionFeedback feedback)
    {
        var problems = new ProblemList();
        var allowed = string.Join(", ", program.Exercises.Select(e => e.Id));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < feedback.Exercises.Count; i++)
        {
            var f = feedback.Exercises[i];
            var path = string.Create(CultureInfo.InvariantCulture, $"$.feedback.exercises[{i}]");
            if (!program.Exercises.Any(e => e.Id == f.Id))
            {
                problems.Add(path + ".id", $"'{f.Id}' is not an exercise of the program selected for this profile; allowed values: {allowed}.");
                continue;
            }

            if (!seen.Add(f.Id))
            {
                problems.Add(path + ".id", $"'{f.Id}' appears more than once; give one entry per exercise.");
            }

            var exercise = selector.Catalog.Find(f.Id)!;
            if (f.Dosage is { } dose && !dose.IsWithin(exercise.MinimumDosage, exercise.MaximumDosage))
            {
                problems.Add(path + ".dosage", $"is outside the catalog's bounds for '{f.Id}': from {SciaticaJson.WriteDosage(exercise.MinimumDosage)} to {SciaticaJson.WriteDosage(exercise.MaximumDosage)}.");
            }
        }

        problems.ThrowIfAny("session feedback");
    }
}
