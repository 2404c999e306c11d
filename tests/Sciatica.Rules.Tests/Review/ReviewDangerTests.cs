using Sciatica.Rules;
using static Sciatica.Rules.Tests.Review.Feedback;

namespace Sciatica.Rules.Tests.Review;

/// <summary>
/// Danger at review is never hidden: not by an earlier session that already ended the program, not by new weakness being
/// asked apart from the red flags, and not by an input error in the exercises reported.
/// </summary>
public sealed class ReviewDangerTests
{
    private static readonly SessionReviewer Reviewer = new();
    private static readonly PatientProfile Disc = Profiles.With(Cause.HerniatedDisc);

    private static SessionFeedback Flags(params RedFlag[] flags) => Session(NextMorningChange.Same) with { NewRedFlags = [.. flags] };

    public static TheoryData<SessionFeedback, SessionFeedback, ReviewDecision> EndedThenWorse => new()
    {
        { Flags(RedFlag.Fever), Flags(RedFlag.SaddleAnesthesia), ReviewDecision.Emergency },
        { Flags(RedFlag.ThoracicPain), Flags(RedFlag.BladderDysfunction), ReviewDecision.Emergency },
        { Session(NextMorningChange.Same) with { NewNumbness = true }, Flags(RedFlag.BladderDysfunction), ReviewDecision.Emergency },
        { Flags(RedFlag.CancerHistory), Flags(RedFlag.FootDrop), ReviewDecision.Emergency },
        { Flags(RedFlag.ThoracicPain), Session(NextMorningChange.Same) with { NewWeakness = true }, ReviewDecision.UrgentReferral },
    };

    [Theory]
    [MemberData(nameof(EndedThenWorse))]
    public void EarlierSessionEndedTheProgram_LaterDangerStillDecides(SessionFeedback earlier, SessionFeedback latest, ReviewDecision expected)
    {
        var review = Reviewer.Review(Disc, [earlier, latest]);

        Assert.Equal(expected, review.Decision);
        Assert.Empty(review.Exercises);
    }

    [Fact]
    public void EarlierDangerThenQuietSession_EarlierDangerStands()
    {
        var review = Reviewer.Review(Disc, [Flags(RedFlag.ThoracicPain), Flags(RedFlag.BladderDysfunction), Session(NextMorningChange.Better)]);

        Assert.Equal(ReviewDecision.Emergency, review.Decision);
        Assert.Equal(Timeframe.Now, review.Timeframe);
    }

    [Theory]
    [InlineData(RedFlag.CancerHistory)]
    [InlineData(RedFlag.SuspectedCancer)]
    public void NewWeaknessWithCancer_Emergency(RedFlag cancer)
    {
        var review = Reviewer.Review(Disc, Flags(cancer) with { NewWeakness = true });

        Assert.Equal(ReviewDecision.Emergency, review.Decision);
        Assert.Equal(Timeframe.Now, review.Timeframe);
    }

    [Fact]
    public void ProfileCancerAndNewWeakness_Emergency()
    {
        var review = Reviewer.Review(Disc with { RedFlags = [RedFlag.CancerHistory] }, Session(NextMorningChange.Same) with { NewWeakness = true });

        Assert.Equal(ReviewDecision.Emergency, review.Decision);
    }

    [Theory]
    [InlineData(RedFlag.BladderDysfunction, DecisionKind.Emergency)]
    [InlineData(RedFlag.FootDrop, DecisionKind.UrgentReferral)]
    public void UnknownExerciseWithANewRedFlag_ErrorCarriesTheScreening(RedFlag flag, DecisionKind expected)
    {
        var ex = Assert.Throws<SciaticaValidationException>(() => Reviewer.Review(Disc, Flags(flag) with { Exercises = [Did("walkin", 2)] }));

        Assert.Equal(expected, ex.Screening?.Decision);
        Assert.StartsWith(ex.Screening!.Summary(), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownExerciseWithNewWeakness_ErrorCarriesAnUrgentScreening()
    {
        var ex = Assert.Throws<SciaticaValidationException>(() => Reviewer.Review(Disc, Session(NextMorningChange.Same, Did("walkin", 2)) with { NewWeakness = true }));

        Assert.Equal(DecisionKind.UrgentReferral, ex.Screening?.Decision);
    }

    [Fact]
    public void UnknownExerciseWithoutDanger_NoScreening()
    {
        var ex = Assert.Throws<SciaticaValidationException>(() => Reviewer.Review(Disc, Session(NextMorningChange.Same, Did("walkin", 2))));

        Assert.Null(ex.Screening);
    }
}
