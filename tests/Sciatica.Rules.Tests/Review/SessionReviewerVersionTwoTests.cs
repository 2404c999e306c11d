using Sciatica.Rules;
using Sciatica.Rules.Catalogs;
using static Sciatica.Rules.Tests.Review.Feedback;

namespace Sciatica.Rules.Tests.Review;

/// <summary>Version 2 of the review: the whole program on a worse morning, frequency before stopping, alternatives, validation always, histories.</summary>
public sealed class SessionReviewerVersionTwoTests
{
    private static readonly SessionReviewer Reviewer = new();

    // Leg pain 3: the default program then has every default stretch, so all of it can be reviewed.
    private static readonly PatientProfile Disc = Profiles.With(Cause.HerniatedDisc) with { LegPain = 3 };


    [Fact]
    public void ReviewWorseNextMorning_NothingReported_RegressesEveryExerciseOfTheProgram()
    {
        var program = ProgramSelector.Default.Select(Disc);

        var review = Reviewer.Review(Disc, Session(NextMorningChange.Worse));

        Assert.Equal(program.Exercises.Select(e => e.Id).Order(StringComparer.Ordinal), review.Exercises.Select(e => e.Id));
        Assert.All(review.Exercises, e =>
        {
            Assert.Equal(ReviewAction.Regress, e.Action);
            Assert.True(e.Dosage!.IsAtMost(program.Exercises.Single(p => p.Id == e.Id).Dosage) && e.Dosage != program.Exercises.Single(p => p.Id == e.Id).Dosage, e.Id);
            Assert.Contains(e.Reasons, r => r.RuleId == "review-worse-next-morning");
        });
        Assert.NotEmpty(review.Reasons);
    }

    [Fact]
    public void ReviewNotReported_SameMorning_ContinuesAtItsDose()
    {
        var review = Reviewer.Review(Disc, Session(NextMorningChange.Same, Did("walking", 2)));

        var bridge = Only(review, "bridge");
        Assert.Equal(ReviewAction.Continue, bridge.Action);
        Assert.Equal(ExerciseCatalog.Default.Find("bridge")!.Dosage, bridge.Dosage);
        Assert.Equal(["review-not-reported"], bridge.Reasons.Select(r => r.RuleId));
        Assert.Equal(ReviewAction.Progress, Only(review, "walking").Action);
    }

    [Fact]
    public void ReviewWorseNextMorning_WalkingAtLowestMinutesTwiceADay_GoesToOnceADayNotStop()
    {
        var review = Reviewer.Review(Disc, Session(NextMorningChange.Worse, Did("walking", 2, dosage: new Dosage { Minutes = 5, TimesPerDay = 2 })));

        var walking = Only(review, "walking");
        Assert.Equal(ReviewAction.Regress, walking.Action);
        Assert.Equal(new Dosage { Minutes = 5, TimesPerDay = 1 }, walking.Dosage);
    }

    [Fact]
    public void ReviewAtMinimumStop_LowestOnEveryAxis_StopsAndNamesTheAlternative()
    {
        var lowest = ExerciseCatalog.Default.Find("bridge")!.MinimumDosage;

        var review = Reviewer.Review(Disc, Session(NextMorningChange.Same, Did("bridge", 7, dosage: lowest)));

        var bridge = Only(review, "bridge");
        Assert.Equal(ReviewAction.Stop, bridge.Action);
        Assert.Null(bridge.Dosage);
        Assert.Contains(bridge.Reasons, r => r.RuleId == "review-at-minimum-stop");
        Assert.Equal("pelvic-tilt", bridge.Alternative);
    }

    [Fact]
    public void ReviewPeripheralizationStop_AlternativeStoppedToo_NoAlternative()
    {
        var review = Reviewer.Review(Disc, Session(NextMorningChange.Same, Did("bridge", 2, SymptomChange.Peripheralized), Did("pelvic-tilt", 2, SymptomChange.Peripheralized)));

        Assert.Null(Only(review, "bridge").Alternative);
    }

    [Fact]
    public void Review_AlternativeNotInTheProgram_NotNamed()
    {
        // Water walking is the catalog's alternative to walking, but it is not in this person's program (no pool).
        var lowest = new Dosage { Minutes = 5, TimesPerDay = 1 };
        var walking = Only(Reviewer.Review(Disc, Session(NextMorningChange.Same, Did("walking", 2, SymptomChange.Peripheralized, lowest))), "walking");

        Assert.Equal(ReviewAction.Stop, walking.Action);
        Assert.Null(walking.Alternative);
    }

    [Fact]
    public void Review_NewRedFlag_StillRejectsUnknownIdsAndOutOfBoundsDoses()
    {
        var feedback = Session(NextMorningChange.Same, Did("made-up", 2), Did("walking", 2, dosage: new Dosage { Minutes = 999, TimesPerDay = 1 })) with { NewRedFlags = [RedFlag.BladderDysfunction] };

        var error = Assert.Throws<SciaticaValidationException>(() => Reviewer.Review(Disc, feedback));

        Assert.Contains(error.Problems, p => p.Path == "$.feedback.exercises[0].id");
        Assert.Contains(error.Problems, p => p.Path == "$.feedback.exercises[1].dosage");
    }

    [Fact]
    public void ReviewStoppedEarlier_History_StaysStoppedAndCannotBeReportedAgain()
    {
        SessionFeedback[] history = [Session(NextMorningChange.Same, Did("bridge", 2, SymptomChange.Peripheralized)), Session(NextMorningChange.Better, Did("walking", 1))];

        var review = Reviewer.Review(Disc, history);

        var bridge = Only(review, "bridge");
        Assert.Equal(ReviewAction.Stop, bridge.Action);
        Assert.Equal(["review-stopped-earlier"], bridge.Reasons.Select(r => r.RuleId));
        var again = Assert.Throws<SciaticaValidationException>(() => Reviewer.Review(Disc, [history[0], Session(NextMorningChange.Same, Did("bridge", 1))]));
        Assert.Equal("$.feedback.exercises[0].id", Assert.Single(again.Problems).Path);
    }

    [Fact]
    public void Review_History_EachSessionStartsFromTheDosesThePreviousLeft()
    {
        SessionFeedback[] history = [Session(NextMorningChange.Better, Did("walking", 1)), Session(NextMorningChange.Better, Did("walking", 1)), Session(NextMorningChange.Worse)];

        var review = Reviewer.Review(Disc, history);

        // 10 -> 15 -> 20 minutes, then a worse morning takes it back to 15.
        Assert.Equal(new Dosage { Minutes = 15, TimesPerDay = 1 }, Only(review, "walking").Dosage);
    }

    [Fact]
    public void Review_HistoryWithNewRedFlagMidway_EndsWithTheScreeningDecision()
    {
        SessionFeedback[] history = [Session(NextMorningChange.Same) with { NewRedFlags = [RedFlag.SaddleAnesthesia] }, Session(NextMorningChange.Better, Did("walking", 1))];

        var review = Reviewer.Review(Disc, history);

        Assert.Equal(ReviewDecision.Emergency, review.Decision);
        Assert.Equal(Timeframe.Now, review.Timeframe);
        Assert.Empty(review.Exercises);
    }
}
