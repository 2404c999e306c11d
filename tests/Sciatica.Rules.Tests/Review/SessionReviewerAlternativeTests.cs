using Sciatica.Rules;
using static Sciatica.Rules.Tests.Review.Feedback;

namespace Sciatica.Rules.Tests.Review;

/// <summary>
/// The alternative a review names when land walking stops (water walking, for a person with a pool) is what the person
/// does next: the following session may report it, it is reviewed like any exercise, and the stopped walking is not
/// offered back.
/// </summary>
public sealed class SessionReviewerAlternativeTests
{
    private static readonly SessionReviewer Reviewer = new();
    private static readonly PatientProfile Pool = Profiles.With(Cause.HerniatedDisc) with { PoolAccess = true };
    private static readonly SessionFeedback WalkingStops =
        Session(NextMorningChange.Same, Did("walking", 2, SymptomChange.Peripheralized, new Dosage { Minutes = 5, TimesPerDay = 1 }));

    [Fact]
    public void NextSession_ReportsTheNamedAlternative_ItIsReviewedAndWalkingStaysStopped()
    {
        var review = Reviewer.Review(Pool, [WalkingStops, Session(NextMorningChange.Same, Did("water-walking", 2))]);

        Assert.Equal(ReviewDecision.Adjust, review.Decision);
        Assert.Equal(ReviewAction.Stop, Only(review, "walking").Action);
        var water = Only(review, "water-walking");
        Assert.Equal(ReviewAction.Progress, water.Action);
        Assert.NotNull(water.Dosage);
    }

    [Fact]
    public void NextSession_FromThePreviousReview_ReportsTheAlternative_AndTheChainGoesOn()
    {
        var first = Reviewer.Review(Pool, WalkingStops);
        Assert.Equal("water-walking", Only(first, "walking").Alternative);

        var second = Reviewer.Review(Pool, Session(NextMorningChange.Same, Did("water-walking", 2)), first);
        var third = Reviewer.Review(Pool, Session(NextMorningChange.Same, Did("water-walking", 2)), second);

        Assert.Equal(ReviewAction.Progress, Only(second, "water-walking").Action);
        Assert.Contains(Only(third, "water-walking").Action, new[] { ReviewAction.Progress, ReviewAction.Continue });
    }

    [Fact]
    public void Alternative_ReportedBeforeAnySessionNamedIt_IsAnInputErrorAtTheField()
    {
        var ex = Assert.Throws<SciaticaValidationException>(() =>
            Reviewer.Review(Pool, Session(NextMorningChange.Same, Did("walking", 2), Did("water-walking", 2))));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("$.feedback.exercises[1].id", problem.Path);
        Assert.Contains("allowed values:", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StoppedWalking_ReportedAgain_TheAllowedValuesNameTheAlternativeNotWalking()
    {
        var ex = Assert.Throws<SciaticaValidationException>(() =>
            Reviewer.Review(Pool, [WalkingStops, Session(NextMorningChange.Same, Did("walking", 2))]));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("$.feedback.exercises[0].id", problem.Path);
        var allowed = problem.Message[(problem.Message.IndexOf("allowed values:", StringComparison.Ordinal) + 15)..].TrimEnd('.').Split(", ").Select(s => s.Trim());
        Assert.Contains("water-walking", allowed);
        Assert.DoesNotContain("walking", allowed);
    }
}
