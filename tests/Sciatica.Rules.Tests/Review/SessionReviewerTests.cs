using Sciatica.Rules;
using Sciatica.Rules.Catalogs;
using static Sciatica.Rules.Tests.Review.Feedback;

namespace Sciatica.Rules.Tests.Review;

public sealed class SessionReviewerTests
{
    private static readonly SessionReviewer Reviewer = new();
    private static readonly PatientProfile Disc = Profiles.With(Cause.HerniatedDisc);


    [Fact]
    public void Review_ContractExample_ProgressesKneeToChestAndRegressesWalking()
    {
        var review = Reviewer.Review(Disc, Session(NextMorningChange.Same, Did("knee-to-chest", 3, SymptomChange.Centralized), Did("walking", 6)));

        Assert.Equal(ReviewDecision.Adjust, review.Decision);
        var stretch = Only(review, "knee-to-chest");
        Assert.Equal(ReviewAction.Progress, stretch.Action);
        Assert.Equal(new Dosage { HoldSeconds = 30, Repetitions = 4, Sets = 1, TimesPerDay = 1 }, stretch.Dosage);
        var walking = Only(review, "walking");
        Assert.Equal(ReviewAction.Regress, walking.Action);
        Assert.Equal(new Dosage { Minutes = 5, TimesPerDay = 1 }, walking.Dosage);
        Assert.Contains(walking.Reasons, r => r.RuleId == "review-pain-above-limit");
    }

    [Fact]
    public void ReviewProgress_LowPainSameMorningNothingPeripheralized_ProgressesOneStep()
    {
        var bridge = Only(Reviewer.Review(Disc, Session(NextMorningChange.Better, Did("bridge", 3))), "bridge");

        Assert.Equal(ReviewAction.Progress, bridge.Action);
        Assert.Equal(12, bridge.Dosage!.Repetitions);
        Assert.Contains(bridge.Reasons, r => r.RuleId == "review-progress");
    }

    [Fact]
    public void ReviewContinue_ModeratePain_KeepsTheDose()
    {
        var bridge = Only(Reviewer.Review(Disc, Session(NextMorningChange.Same, Did("bridge", 5))), "bridge");

        Assert.Equal(ReviewAction.Continue, bridge.Action);
        Assert.Equal(ExerciseCatalog.Default.Find("bridge")!.Dosage, bridge.Dosage);
        Assert.Contains(bridge.Reasons, r => r.RuleId == "review-continue");
    }

    [Fact]
    public void ReviewNoProgressionAfterPeripheralization_OtherExerciseFine_NotProgressed()
    {
        var review = Reviewer.Review(Disc, Session(NextMorningChange.Better, Did("walking", 4, SymptomChange.Peripheralized), Did("pelvic-tilt", 0)));

        var tilt = Only(review, "pelvic-tilt");
        Assert.Equal(ReviewAction.Continue, tilt.Action);
        Assert.Contains(tilt.Reasons, r => r.RuleId == "review-no-progression-after-peripheralization");
    }

    [Fact]
    public void ReviewPeripheralizationStop_PeripheralizedExercise_StopsItAndHoldsTheRest()
    {
        var review = Reviewer.Review(Disc, Session(NextMorningChange.Better, Did("knee-to-chest", 2, SymptomChange.Peripheralized), Did("bridge", 1)));

        var stopped = Only(review, "knee-to-chest");
        Assert.Equal(ReviewAction.Stop, stopped.Action);
        Assert.Null(stopped.Dosage);
        Assert.Contains(stopped.Reasons, r => r.RuleId == "review-peripheralization-stop");
        var other = Only(review, "bridge");
        Assert.Equal(ReviewAction.Continue, other.Action);
        Assert.Contains(other.Reasons, r => r.RuleId == "review-no-progression-after-peripheralization");
    }

    [Theory]
    [InlineData(5, ReviewAction.Continue)]
    [InlineData(6, ReviewAction.Regress)]
    [InlineData(7, ReviewAction.Regress)]
    [InlineData(3, ReviewAction.Progress)]
    [InlineData(4, ReviewAction.Continue)]
    public void ReviewPainAboveLimit_PainDuring_ActionByThreshold(int pain, ReviewAction expected) =>
        Assert.Equal(expected, Only(Reviewer.Review(Disc, Session(NextMorningChange.Same, Did("bridge", pain))), "bridge").Action);

    [Fact]
    public void ReviewWorseNextMorning_RegressesEveryExercise()
    {
        var review = Reviewer.Review(Disc, Session(NextMorningChange.Worse, Did("bridge", 0), Did("walking", 1, SymptomChange.Centralized)));

        Assert.All(review.Exercises, e =>
        {
            Assert.Equal(ReviewAction.Regress, e.Action);
            Assert.Contains(e.Reasons, r => r.RuleId == "review-worse-next-morning");
        });
    }

    [Fact]
    public void ReviewAtMinimumStop_RegressAtLowestDose_Stops()
    {
        var lowest = ExerciseCatalog.Default.Find("walking")!.MinimumDosage;

        var review = Reviewer.Review(Disc, Session(NextMorningChange.Same, Did("walking", 8, dosage: lowest)));

        var walking = Only(review, "walking");
        Assert.Equal(ReviewAction.Stop, walking.Action);
        Assert.Contains(walking.Reasons, r => r.RuleId == "review-at-minimum-stop");
    }

    [Fact]
    public void ReviewAtMaximum_ProgressAtHighestDose_Continues()
    {
        var highest = ExerciseCatalog.Default.Find("bridge")!.MaximumDosage;

        var review = Reviewer.Review(Disc, Session(NextMorningChange.Better, Did("bridge", 0, dosage: highest)));

        var bridge = Only(review, "bridge");
        Assert.Equal(ReviewAction.Continue, bridge.Action);
        Assert.Equal(highest, bridge.Dosage);
        Assert.Contains(bridge.Reasons, r => r.RuleId == "review-at-maximum");
    }

    [Fact]
    public void ReviewCentralizationContinue_CentralizedWithModeratePain_Continues()
    {
        var bridge = Only(Reviewer.Review(Disc, Session(NextMorningChange.Same, Did("bridge", 4, SymptomChange.Centralized))), "bridge");

        Assert.Equal(ReviewAction.Continue, bridge.Action);
        Assert.Contains(bridge.Reasons, r => r.RuleId == "review-centralization-continue");
        Assert.Contains(bridge.Reasons, r => r.RuleId == "review-continue");
    }

    [Fact]
    public void ReviewNewWeakness_StopsProgramWithUrgentReferral()
    {
        var review = Reviewer.Review(Disc, Session(NextMorningChange.Better, Did("bridge", 0)) with { NewWeakness = true });

        Assert.Equal(ReviewDecision.UrgentReferral, review.Decision);
        Assert.Empty(review.Exercises);
        Assert.Contains(review.Reasons, r => r.RuleId == "review-new-weakness");
    }

    [Fact]
    public void ReviewNewNumbness_StopsProgramAndSendsToClinician()
    {
        var review = Reviewer.Review(Disc, Session(NextMorningChange.Better, Did("bridge", 0)) with { NewNumbness = true });

        Assert.Equal(ReviewDecision.SeekMedicalAdvice, review.Decision);
        Assert.Empty(review.Exercises);
        Assert.Contains(review.Reasons, r => r.RuleId == "review-new-numbness");
    }

    [Theory]
    [InlineData(RedFlag.BladderDysfunction, ReviewDecision.Emergency)]
    [InlineData(RedFlag.FootDrop, ReviewDecision.UrgentReferral)]
    [InlineData(RedFlag.Fever, ReviewDecision.TreatCauseFirst)]
    public void ReviewNewRedFlag_RescreensLikeSelect(RedFlag flag, ReviewDecision expected)
    {
        var review = Reviewer.Review(Disc, Session(NextMorningChange.Better, Did("bridge", 0)) with { NewRedFlags = [flag] });

        Assert.Equal(expected, review.Decision);
        Assert.Equal(
            Sciatica.Rules.ContractNames.Of(ProgramSelector.Default.Select(Disc with { RedFlags = [flag] }).Decision),
            Sciatica.Rules.ContractNames.Of(review.Decision));
        Assert.Empty(review.Exercises);
        Assert.Equal("review-new-red-flag", review.Reasons[0].RuleId);
    }

    [Fact]
    public void ReviewNewRedFlag_MoreUrgentThanNewWeakness_RedFlagWins()
    {
        var review = Reviewer.Review(Disc, Session(NextMorningChange.Better) with { NewWeakness = true, NewRedFlags = [RedFlag.SaddleAnesthesia] });

        Assert.Equal(ReviewDecision.Emergency, review.Decision);
        Assert.Contains(review.Reasons, r => r.RuleId == "review-new-weakness");
    }

    [Theory]
    [InlineData("prone-press-up", "not an exercise of the program")]
    [InlineData("no-such-exercise", "allowed values")]
    public void Review_ExerciseNotInProgram_RejectedNamingTheField(string id, string expected)
    {
        var error = Assert.Throws<SciaticaValidationException>(() => Reviewer.Review(Disc, Session(NextMorningChange.Same, Did(id, 2))));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.feedback.exercises[0].id", problem.Path);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Review_Nulls_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => new SessionReviewer(null!));
        Assert.Throws<ArgumentNullException>(() => Reviewer.Review(null!, Session(NextMorningChange.Same)));
        Assert.Throws<ArgumentNullException>(() => Reviewer.Review(Disc, (SessionFeedback)null!));
        Assert.Throws<ArgumentNullException>(() => Reviewer.Review(Disc, (IReadOnlyList<SessionFeedback>)null!));
        Assert.Throws<ArgumentException>(() => Reviewer.Review(Disc, Array.Empty<SessionFeedback>()));
    }

    [Fact]
    public void ReviewNewRedFlag_ProfileAlreadyScreenedOut_KeepsTheScreeningReasonsAndNamesTheNewFlag()
    {
        var review = new SessionReviewer(new ProgramSelector()).Review(Profiles.WithFlags(RedFlag.FootDrop), Session(NextMorningChange.Same) with { NewRedFlags = [RedFlag.Fever] });

        Assert.Equal(ReviewDecision.UrgentReferral, review.Decision);
        Assert.Equal(["review-new-red-flag", "urgent-foot-drop", "treat-first-fever"], review.Reasons.Select(r => r.RuleId));
        Assert.Equal(ProgramSelector.Default.Select(Profiles.WithFlags(RedFlag.FootDrop)).SafetyAdvice, review.SafetyAdvice);
    }

    [Fact]
    public void Review_ScreenedOutWithoutNewFlag_NoNewFlagReason()
    {
        var review = new SessionReviewer(new ProgramSelector()).Review(Profiles.With(Cause.Tumor), Session(NextMorningChange.Same));

        Assert.Equal(["treat-first-tumor"], review.Reasons.Select(r => r.RuleId));
    }

    [Fact]
    public void ReviewNewWeakness_AdviceIsTheUrgentReferralAdvice()
    {
        var review = Reviewer.Review(Disc, Session(NextMorningChange.Same) with { NewWeakness = true });

        Assert.Equal(ProgramSelector.Default.Select(Profiles.WithFlags(RedFlag.FootDrop)).SafetyAdvice, review.SafetyAdvice);
    }

    [Fact]
    public void Review_ExercisesInIdOrderAndReasonsSorted_WhateverTheFeedbackOrder()
    {
        var review = Reviewer.Review(Disc, Session(NextMorningChange.Same, Did("walking", 6), Did("bridge", 1), Did("knee-to-chest", 4, SymptomChange.Centralized)));

        // Every program exercise is listed, reported or not, in id order.
        Assert.Equal(Reviewer.Review(Disc, Session(NextMorningChange.Same)).Exercises.Select(e => e.Id), review.Exercises.Select(e => e.Id));
        Assert.Equal(review.Exercises.Select(e => e.Id).Order(StringComparer.Ordinal), review.Exercises.Select(e => e.Id));
        Assert.Equal(review.Reasons.Select(r => r.RuleId).Order(StringComparer.Ordinal), review.Reasons.Select(r => r.RuleId));
        Assert.DoesNotContain(Only(review, "bridge").Reasons, r => r.RuleId == "review-centralization-continue");
        Assert.DoesNotContain(Only(review, "walking").Reasons, r => r.RuleId == "review-centralization-continue");
    }

    [Fact]
    public void Review_UnknownExerciseWithDose_RejectedNotCrashed()
    {
        var error = Assert.Throws<SciaticaValidationException>(() =>
            Reviewer.Review(Disc, Session(NextMorningChange.Same, Did("no-such-exercise", 2, dosage: new Dosage { Minutes = 10 }))));

        Assert.Equal("$.feedback.exercises[0].id", Assert.Single(error.Problems).Path);
        Assert.Contains("walking", error.Problems[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("Invalid session feedback", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Review_SameExerciseTwice_Rejected()
    {
        var error = Assert.Throws<SciaticaValidationException>(() => Reviewer.Review(Disc, Session(NextMorningChange.Same, Did("walking", 2), Did("walking", 3))));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.feedback.exercises[1].id", problem.Path);
        Assert.Contains("more than once", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Review_DoseOutsideBounds_Rejected()
    {
        var error = Assert.Throws<SciaticaValidationException>(() =>
            Reviewer.Review(Disc, Session(NextMorningChange.Same, Did("walking", 2, dosage: new Dosage { Minutes = 90, TimesPerDay = 1 }))));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.feedback.exercises[0].dosage", problem.Path);
        Assert.Contains("outside the catalog's bounds", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Review_PermutedFeedback_SameReview()
    {
        var a = Reviewer.Review(Disc, Session(NextMorningChange.Same, Did("bridge", 2), Did("walking", 6)));
        var b = Reviewer.Review(Disc, Session(NextMorningChange.Same, Did("walking", 6), Did("bridge", 2)));

        Assert.Equal(a, b);
    }

    [Fact]
    public void Walkthrough_SelectThenThreeReviews_ProgramAdapts()
    {
        // Session 0: a person with a herniated disc gets a program that includes walking at 10 minutes.
        var program = ProgramSelector.Default.Select(Disc);
        var walking = program.Exercises.Single(e => e.Id == "walking").Dosage;
        Assert.Equal(10, walking.Minutes);

        // Session 1: the walk went well (pain 2, no worse next morning): walk five minutes longer.
        var first = Reviewer.Review(Disc, Session(NextMorningChange.Same, Did("walking", 2, dosage: walking)));
        walking = Only(first, "walking").Dosage!;
        Assert.Equal(15, walking.Minutes);

        // Session 2: the longer walk hurt (pain 6) and the next morning was worse: back to 10 minutes.
        var second = Reviewer.Review(Disc, Session(NextMorningChange.Worse, Did("walking", 6, dosage: walking)));
        Assert.Equal(ReviewAction.Regress, Only(second, "walking").Action);
        walking = Only(second, "walking").Dosage!;
        Assert.Equal(10, walking.Minutes);

        // Session 3: leg symptoms spread down the leg while walking: shorter walks, not none (version 3).
        var third = Reviewer.Review(Disc, Session(NextMorningChange.Same, Did("walking", 3, SymptomChange.Peripheralized, walking)));
        Assert.Equal(ReviewAction.Regress, Only(third, "walking").Action);
        walking = Only(third, "walking").Dosage!;
        Assert.Equal(5, walking.Minutes);

        // Session 4: they spread again at the lowest dose: only now does walking stop.
        var fourth = Reviewer.Review(Disc, Session(NextMorningChange.Same, Did("walking", 3, SymptomChange.Peripheralized, walking)));
        Assert.Equal(ReviewAction.Stop, Only(fourth, "walking").Action);
    }

    [Fact]
    public void Review_ProfileWithoutProgram_ReturnsItsScreeningDecision()
    {
        var review = Reviewer.Review(Disc with { MedicalClearance = false }, Session(NextMorningChange.Same));

        Assert.Equal(ReviewDecision.SeekMedicalAdvice, review.Decision);
        Assert.Equal(Timeframe.BeforeExercising, review.Timeframe);
        Assert.Empty(review.Exercises);
    }

    [Fact]
    public void Review_ProfileWithoutProgram_ReportedExerciseIsAnInputError()
    {
        // The profile gets no program, so any reported exercise is unknown, whatever the decision.
        var error = Assert.Throws<SciaticaValidationException>(() => Reviewer.Review(Disc with { MedicalClearance = false }, Session(NextMorningChange.Same, Did("walking", 2))));

        Assert.Equal("$.feedback.exercises[0].id", Assert.Single(error.Problems).Path);
    }
}
