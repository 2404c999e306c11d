using Sciatica.Rules;

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
    public void Review_History_ReplaysTheLogToTheNextDoseOfEveryExercise()
    {
        var result = CliRunner.Run(null, "review", "--input", CliRunner.ProfilePath("review-history.json"), "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var review = SciaticaJson.ReadReview(result.Output);
        // Walking 10 -> 15 -> 20 minutes, then a worse morning: 15. The bridge peripheralised: stop, with its easier alternative.
        Assert.Equal(new Sciatica.Rules.Dosage { Minutes = 15, TimesPerDay = 1 }, review.Exercises.Single(e => e.Id == "walking").Dosage);
        var bridge = review.Exercises.Single(e => e.Id == "bridge");
        Assert.Equal(ReviewAction.Stop, bridge.Action);
        Assert.Equal("pelvic-tilt", bridge.Alternative);
        Assert.All(review.Exercises.Where(e => e.Id != "bridge"), e => Assert.Equal(ReviewAction.Regress, e.Action));
    }

    [Fact]
    public void Review_WorseMorningNothingReported_TextListsEveryExerciseAndSaysWhy()
    {
        const string input = """{"profile":{"causes":["herniatedDisc"],"legPain":3,"backPain":2,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true},"feedback":{"exercises":[],"nextMorning":"worse","newNumbness":false,"newWeakness":false,"newRedFlags":[]}}""";

        var result = CliRunner.Run(input, "review", "--input", "-");

        Assert.Equal(0, result.ExitCode);
        var why = result.Output.Split("Why:\n")[1].Split("\n\n")[0];
        Assert.Contains("review-worse-next-morning", why, StringComparison.Ordinal);
        Assert.Contains("  - Walking (walking): DO LESS [regress] (5 minutes, once a day)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Review_NewRedFlagWithMadeUpIdsAndHugeDose_ExitsTwo()
    {
        const string input = """{"profile":{"causes":["herniatedDisc"],"legPain":3,"backPain":2,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true},"feedback":{"exercises":[{"id":"made-up","painDuring":2,"symptomChange":"unchanged"},{"id":"walking","painDuring":2,"symptomChange":"unchanged","dosage":{"holdSeconds":null,"repetitions":null,"sets":null,"minutes":999,"timesPerDay":1}}],"nextMorning":"same","newNumbness":false,"newWeakness":false,"newRedFlags":["saddleAnesthesia"]}}""";

        var result = CliRunner.Run(input, "review", "--input", "-", "--format", "json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("$.feedback.exercises[0].id", result.Error, StringComparison.Ordinal);
        Assert.Contains("$.feedback.exercises[1].dosage", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Review_NewBladderDysfunction_Emergency()
    {
        var result = CliRunner.Run(null, "review", "--input", CliRunner.ProfilePath("review-new-bladder-dysfunction.json"));

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Review: STOP YOUR EXERCISES. GO TO EMERGENCY CARE NOW", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"profile":{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true},"feedback":{"exercises":[{"id":"walking","painDuring":3,"symptomChange":"spread"}],"nextMorning":"same","newNumbness":false,"newWeakness":false,"newRedFlags":[]}}""", "$.feedback.exercises[0].symptomChange", "peripheralized")]
    [InlineData("""{"profile":{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true},"feedback":{"exercises":[{"id":"walking","painDuring":11,"symptomChange":"unchanged"}],"nextMorning":"same","newNumbness":false,"newWeakness":false,"newRedFlags":[]}}""", "$.feedback.exercises[0].painDuring", "0..10")]
    [InlineData("""{"profile":{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true},"feedback":{"exercises":[],"nextMorning":"fine","newNumbness":false,"newWeakness":false,"newRedFlags":[]}}""", "$.feedback.nextMorning", "better, same, worse")]
    [InlineData("""{"profile":{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true},"feedback":{"exercises":[{"id":"prone-press-up","painDuring":1,"symptomChange":"unchanged"}],"nextMorning":"same","newNumbness":false,"newWeakness":false,"newRedFlags":[]}}""", "$.feedback.exercises[0].id", "walking")]
    [InlineData("""{"profile":{"causes":["herniatedDisc"],"legPain":5,"backPain":3},"feedback":{"nextMorning":"same"}}""", "$.profile.medicalClearance", "true or false")]
    [InlineData("""{"profile":{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true},"feedback":{"nextMorning":"same","newRedFlags":["bladder"]}}""", "$.feedback.newRedFlags[0]", "bladderDysfunction")]
    public void Review_InvalidInput_ExitsTwoNamingField(string json, string field, string allowed)
    {
        var result = CliRunner.Run(json, "review", "--input", "-");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(field, result.Error, StringComparison.Ordinal);
        Assert.Contains(allowed, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_DangerWithATypo_StandardErrorSaysEmergencyFirstThenTheFieldErrors()
    {
        const string input = """{"causes":["herniatedDsc"],"legPain":5,"backPain":3,"redFlags":["bladderDysfunction"],"medicalClearance":true}""";

        var result = CliRunner.Run(input, "select", "--profile", "-");

        Assert.Equal(2, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("EMERGENCY: go to emergency care now: bladder dysfunction was recorded.", lines[0].TrimEnd('\r'));
        Assert.StartsWith("error: ", lines[1], StringComparison.Ordinal);
        Assert.Contains("$.causes[0]", result.Error, StringComparison.Ordinal);
        Assert.Contains("$.symptomsTolerateExercise", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Review_NewRedFlagWithAnOmittedAnswer_StandardErrorSaysUrgentFirst()
    {
        const string input = """{"profile":{"causes":["herniatedDisc"],"legPain":3,"backPain":2,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true},"feedback":{"exercises":[],"nextMorning":"same","newNumbness":false,"newRedFlags":["progressiveWeakness"]}}""";

        var result = CliRunner.Run(input, "review", "--input", "-");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("URGENT: see a specialist urgently (within 24 hours): progressive weakness was recorded.", result.Error, StringComparison.Ordinal);
        Assert.Contains("$.feedback.newWeakness", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void SelectBatch_InvalidLineNamingDanger_ErrorObjectCarriesScreening()
    {
        const string input = """
            {"causes":["herniatedDisc"],"legPain":5,"backPain":3,"redFlags":["saddleAnesthesia"],"medicalClearance":"yes","symptomsTolerateExercise":true}
            {"causes":["herniatedDisc"],"legPain":5,"backPain":3,"redFlags":["fever"],"medicalClearance":"yes","symptomsTolerateExercise":true}
            """;

        var result = CliRunner.Run(input + "\n", "select", "--batch");

        Assert.Equal(2, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var first = System.Text.Json.JsonDocument.Parse(lines[0]);
        Assert.Equal("emergency", first.RootElement.GetProperty("screening").GetProperty("decision").GetString());
        Assert.Equal("now", first.RootElement.GetProperty("screening").GetProperty("timeframe").GetString());
        using var second = System.Text.Json.JsonDocument.Parse(lines[1]);
        Assert.False(second.RootElement.TryGetProperty("screening", out _));
    }

    [Fact]
    public void Review_WalkingStopsWithAPool_TextNamesTheAlternativeAsThePlanDoes_AndTheNextSessionMayReportIt()
    {
        const string profile = """{"causes":["herniatedDisc"],"legPain":3,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true,"poolAccess":true}""";
        const string stops = """{"exercises":[{"id":"walking","painDuring":3,"symptomChange":"peripheralized","dosage":{"minutes":5,"timesPerDay":1}}],"nextMorning":"same","newNumbness":false,"newWeakness":false,"newRedFlags":[]}""";
        const string water = """{"exercises":[{"id":"water-walking","painDuring":2,"symptomChange":"unchanged"}],"nextMorning":"same","newNumbness":false,"newWeakness":false,"newRedFlags":[]}""";

        var first = CliRunner.Run("{\"profile\":" + profile + ",\"feedback\":" + stops + "}", "review", "--input", "-");
        var next = CliRunner.Run("{\"profile\":" + profile + ",\"history\":[" + stops + "],\"feedback\":" + water + "}", "review", "--input", "-");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("  - Walking (walking): STOP THIS EXERCISE [stop] (do not do it); instead: Water walking (water-walking)\n", first.Output, StringComparison.Ordinal);
        Assert.Equal(0, next.ExitCode);
        Assert.Contains("  - Water walking (water-walking): DO A LITTLE MORE [progress]", next.Output, StringComparison.Ordinal);
    }
}
