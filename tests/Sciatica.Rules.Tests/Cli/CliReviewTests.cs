using Sciatica.Rules.Review;
using Sciatica.Rules.Serialization;

namespace Sciatica.Rules.Tests.Cli;

public sealed class CliReviewTests
{
    [Fact]
    public void Review_ContractExample_ExitsZeroWithReviewDocument()
    {
        var result = CliRunner.Run(null, "review", "--input", CliRunner.ProfilePath("review-progress.json"), "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var review = SciaticaJson.ReadReview(result.Output);
        Assert.Equal(ReviewDecision.Adjust, review.Decision);
        Assert.Equal(ReviewAction.Progress, review.Exercises.Single(e => e.Id == "knee-to-chest").Action);
        Assert.Equal(ReviewAction.Regress, review.Exercises.Single(e => e.Id == "walking").Action);
    }

    [Fact]
    public void Review_NewBladderDysfunction_Emergency()
    {
        var result = CliRunner.Run(null, "review", "--input", CliRunner.ProfilePath("review-new-bladder-dysfunction.json"));

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Review: STOP THE PROGRAM: GO TO EMERGENCY CARE NOW", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"profile":{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":true},"feedback":{"exercises":[{"id":"walking","painDuring":3,"symptomChange":"spread"}],"nextMorning":"same"}}""", "$.feedback.exercises[0].symptomChange", "peripheralized")]
    [InlineData("""{"profile":{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":true},"feedback":{"exercises":[{"id":"walking","painDuring":11,"symptomChange":"unchanged"}],"nextMorning":"same"}}""", "$.feedback.exercises[0].painDuring", "0..10")]
    [InlineData("""{"profile":{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":true},"feedback":{"exercises":[],"nextMorning":"fine"}}""", "$.feedback.nextMorning", "better, same, worse")]
    [InlineData("""{"profile":{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":true},"feedback":{"exercises":[{"id":"prone-press-up","painDuring":1,"symptomChange":"unchanged"}],"nextMorning":"same"}}""", "$.feedback.exercises[0].id", "walking")]
    [InlineData("""{"profile":{"causes":["herniatedDisc"],"legPain":5,"backPain":3},"feedback":{"nextMorning":"same"}}""", "$.profile.medicalClearance", "true or false")]
    [InlineData("""{"profile":{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":true},"feedback":{"nextMorning":"same","newRedFlags":["bladder"]}}""", "$.feedback.newRedFlags[0]", "bladderDysfunction")]
    public void Review_InvalidInput_ExitsTwoNamingField(string json, string field, string allowed)
    {
        var result = CliRunner.Run(json, "review", "--input", "-");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(field, result.Error, StringComparison.Ordinal);
        Assert.Contains(allowed, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}
