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

    /// <summary>
    /// A long value in a field whose allowed list is itself long: the list and its ending come first, and the quoted
    /// value gets what is left of the 300 characters (at least 12), so nothing past it is cut.
    /// </summary>
    [Theory]
    [InlineData("redFlags")]
    [InlineData("causes")]
    public void LongValueBesideALongList_ValueShortenedListKeptWhole(string field)
    {
        var profile = System.Text.Json.Nodes.JsonNode.Parse("""{"causes":["herniatedDisc"],"legPain":3,"backPain":2,"redFlags":[],"medicalClearance":true,"symptomsTolerateExercise":true}""")!.AsObject();
        profile[field] = new System.Text.Json.Nodes.JsonArray(new string('x', 200));
        var json = profile.ToJsonString();

        var problem = Assert.Single(Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(json)).Problems);

        Assert.StartsWith("is the text \"" + new string('x', 12), problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 40), problem.Message, StringComparison.Ordinal);
        Assert.EndsWith(" more (all in docs/contract.md).", problem.Message, StringComparison.Ordinal);
        Assert.True(problem.Message.Length <= 300, problem.Message);
    }
}
