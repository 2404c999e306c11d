namespace Sciatica.Rules.Tests.Serialization;

/// <summary>A mistyped value is answered with the value it most likely meant, and the allowed list is cut cleanly.</summary>
public sealed class EnumValueMessageTests
{
    [Theory]
    [InlineData("redFlags", "[\"bladder\"]", "bladderDysfunction")]
    [InlineData("redFlags", "[\"saddleAnaesthesia\"]", "saddleAnesthesia")]
    [InlineData("redFlags", "[\"BLADDERDYSFUNCTION\"]", "bladderDysfunction")]
    [InlineData("causes", "[\"herniatedDisk\"]", "herniatedDisc")]
    [InlineData("affectedSide", "\"lft\"", "left")]
    public void Typo_SaysTheNearestValue(string field, string value, string meant)
    {
        var profile = System.Text.Json.Nodes.JsonNode.Parse("""{"causes":["herniatedDisc"],"legPain":3,"backPain":2,"redFlags":[],"medicalClearance":true,"symptomsTolerateExercise":true}""")!.AsObject();
        profile[field] = System.Text.Json.Nodes.JsonNode.Parse(value);
        var json = profile.ToJsonString();

        var problem = Assert.Single(Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(json)).Problems);

        Assert.Contains($"did you mean \"{meant}\"?", problem.Message, StringComparison.Ordinal);
        Assert.True(problem.Message.Length <= 300, problem.Message);
        Assert.EndsWith(".", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("...", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not a affected", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NothingClose_NoGuess_AllowedListCutCleanlyWithACount()
    {
        var problem = Assert.Single(Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(
            """{"causes":["herniatedDisc"],"legPain":3,"backPain":2,"redFlags":["headache"],"medicalClearance":true,"symptomsTolerateExercise":true}""")).Problems);

        Assert.DoesNotContain("did you mean", problem.Message, StringComparison.Ordinal);
        Assert.Matches(@"and \d+ more \(all in docs/contract\.md\)\.$", problem.Message);
        Assert.True(problem.Message.Length <= 300, problem.Message);
    }
}
