using Sciatica.Rules;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Tests.Properties;

/// <summary>Invariant 15 and the properties of a program over weeks (histories of sessions).</summary>
public sealed class ReviewHistoryInvariantTests
{
    [SafetyProperty]
    public void Invariant15_WorseNextMorning_NoExerciseOfTheProgramKeepsItsDose(ReviewScenario r)
    {
        var feedback = r.Feedback with { NextMorning = NextMorningChange.Worse, NewRedFlags = [], NewNumbness = false, NewWeakness = false };

        var review = new SessionReviewer(r.Selector).Review(r.Profile, feedback);

        Assert.Equal(r.Program.Exercises.Select(e => e.Id).Order(StringComparer.Ordinal), review.Exercises.Select(e => e.Id));
        foreach (var e in review.Exercises)
        {
            var before = feedback.Exercises.FirstOrDefault(f => f.Id == e.Id)?.Dosage ?? r.Program.Exercises.Single(p => p.Id == e.Id).Dosage;
            Assert.True(
                e.Action == ReviewAction.Stop || (e.Action == ReviewAction.Regress && e.Dosage!.IsAtMost(before) && e.Dosage != before),
                $"'{e.Id}' is {e.Action} at {e.Dosage} after a worse morning (was {before})");
        }
    }

    [SafetyProperty]
    public void History_ReplayEqualsApplyingItsReviewsOneByOne(HistoryScenario h)
    {
        var reviewer = new SessionReviewer(h.Selector);
        var sessions = Playable(reviewer, h);

        var replayed = reviewer.Review(h.Profile, sessions);

        var stepwise = reviewer.Review(h.Profile, sessions[0]);
        foreach (var session in sessions.Skip(1))
        {
            if (stepwise.Decision != ReviewDecision.Adjust)
            {
                break;
            }

            stepwise = reviewer.Review(h.Profile, session, stepwise);
        }

        Assert.Equal(replayed, stepwise);
    }

    [SafetyProperty]
    public void History_OnlyEverImproving_NeverStopsAnExercise(HistoryScenario h)
    {
        var t = h.Selector.RuleSet.Thresholds;
        var improving = h.Sessions.Select(s => s with
        {
            NextMorning = s.NextMorning == NextMorningChange.Worse ? NextMorningChange.Same : s.NextMorning,
            NewRedFlags = [],
            NewNumbness = false,
            NewWeakness = false,
            Exercises = [.. s.Exercises.Select(f => f with
            {
                PainDuring = Math.Min(f.PainDuring, t.MaximumPainForProgression),
                SymptomChange = f.SymptomChange == SymptomChange.Peripheralized ? SymptomChange.Centralized : f.SymptomChange,
            })],
        }).ToList();
        var reviewer = new SessionReviewer(h.Selector);

        for (var k = 1; k <= improving.Count; k++)
        {
            var review = reviewer.Review(h.Profile, improving.Take(k).ToList());

            Assert.Equal(ReviewDecision.Adjust, review.Decision);
            Assert.DoesNotContain(review.Exercises, e => e.Action == ReviewAction.Stop);
        }
    }

    [SafetyProperty]
    public void History_NoDoseEverLeavesItsBounds(HistoryScenario h)
    {
        var reviewer = new SessionReviewer(h.Selector);
        var sessions = Playable(reviewer, h);

        for (var k = 1; k <= sessions.Count; k++)
        {
            foreach (var e in reviewer.Review(h.Profile, sessions.Take(k).ToList()).Exercises.Where(e => e.Dosage is not null))
            {
                var exercise = h.Selector.Catalog.Find(e.Id)!;
                Assert.True(e.Dosage!.IsWithin(exercise.MinimumDosage, exercise.MaximumDosage), $"'{e.Id}' at {e.Dosage} after session {k}");
            }
        }
    }

    [SafetyProperty]
    public void Review_ExtremeCatalogValues_DosesStayInBoundsAndMoveTheRightWay(ReviewScenario r, bool lowest)
    {
        // Every dose at its cap or at 1, every step at its cap: checked arithmetic must neither overflow nor reverse.
        var extreme = new ExerciseCatalog(r.Selector.Catalog.Exercises.Select(e => e with
        {
            MinimumDosage = Uniform(e.MinimumDosage, _ => 1),
            MaximumDosage = Uniform(e.MaximumDosage, Cap),
            Dosage = Uniform(e.Dosage, f => lowest ? 1 : Cap(f)),
            ProgressionStep = Uniform(e.ProgressionStep, Cap),
        }));
        var selector = new ProgramSelector(extreme, r.Selector.RuleSet);
        var feedback = r.Feedback with { Exercises = [.. r.Feedback.Exercises.Select(f => f with { Dosage = null })], NewRedFlags = [], NewNumbness = false, NewWeakness = false };

        var review = new SessionReviewer(selector).Review(r.Profile, feedback);

        foreach (var e in review.Exercises.Where(e => e.Dosage is not null))
        {
            var exercise = extreme.Find(e.Id)!;
            Assert.True(e.Dosage!.IsWithin(exercise.MinimumDosage, exercise.MaximumDosage), $"'{e.Id}' at {e.Dosage}");
            Assert.True(e.Action != ReviewAction.Progress || exercise.Dosage.IsAtMost(e.Dosage), $"'{e.Id}' progressed to {e.Dosage} from {exercise.Dosage}");
            Assert.True(e.Action != ReviewAction.Regress || e.Dosage.IsAtMost(exercise.Dosage), $"'{e.Id}' regressed to {e.Dosage} from {exercise.Dosage}");
        }
    }

    private static int Cap(string field) => field switch
    {
        "hold" => ExerciseCatalog.MaximumHoldSeconds,
        "repetitions" => ExerciseCatalog.MaximumRepetitions,
        "sets" => ExerciseCatalog.MaximumSets,
        "minutes" => ExerciseCatalog.MaximumMinutes,
        _ => ExerciseCatalog.MaximumTimesPerDay,
    };

    private static Dosage Uniform(Dosage shape, Func<string, int> value) => new()
    {
        HoldSeconds = shape.HoldSeconds is null ? null : value("hold"),
        Repetitions = shape.Repetitions is null ? null : value("repetitions"),
        Sets = shape.Sets is null ? null : value("sets"),
        Minutes = shape.Minutes is null ? null : value("minutes"),
        TimesPerDay = shape.TimesPerDay is null ? null : value("timesPerDay"),
    };

    /// <summary>The sessions as a person could have had them: an exercise stopped in one session is not reported in later ones.</summary>
    private static List<SessionFeedback> Playable(SessionReviewer reviewer, HistoryScenario h)
    {
        var sessions = new List<SessionFeedback>();
        foreach (var next in h.Sessions)
        {
            var stopped = sessions.Count == 0
                ? []
                : reviewer.Review(h.Profile, sessions).Exercises.Where(e => e.Action == ReviewAction.Stop).Select(e => e.Id).ToHashSet();
            sessions.Add(next with { Exercises = [.. next.Exercises.Where(f => !stopped.Contains(f.Id))] });
        }

        return sessions;
    }
}
