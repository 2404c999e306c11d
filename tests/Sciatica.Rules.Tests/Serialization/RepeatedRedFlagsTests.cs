namespace Sciatica.Rules.Tests.Serialization;

/// <summary>
/// A red-flag list given twice is refused (a property may be given once), and the refusal still says how urgent the
/// signs in the second list are: a repeated list is walked, not ignored. Likewise a list longer than the item limit is
/// refused whole, and the signs past the limit still screen the refusal.
/// </summary>
public sealed class RepeatedRedFlagsTests
{
    [Fact]
    public void Profile_RedFlagsGivenTwice_SecondListStillScreensTheRefusal()
    {
        const string json = """{"causes":["herniatedDisc"],"legPain":5,"backPain":2,"redFlags":[],"medicalClearance":true,"symptomsTolerateExercise":true,"redFlags":["bladderDysfunction"]}""";

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(json));

        Assert.Equal(DecisionKind.Emergency, error.Screening?.Decision);
        Assert.Contains(error.Problems, p => p.Path == "$.redFlags");
    }

    [Fact]
    public void Review_NewRedFlagsGivenTwice_SecondListStillScreensTheRefusal()
    {
        const string json = """{"profile":{"causes":["herniatedDisc"],"legPain":3,"backPain":2,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true},"feedback":{"exercises":[],"nextMorning":"same","newNumbness":false,"newWeakness":false,"newRedFlags":[],"newRedFlags":["saddleAnesthesia"]}}""";

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadReviewRequest(json));

        Assert.Equal(DecisionKind.Emergency, error.Screening?.Decision);
    }

    [Theory]
    [InlineData("\"bladderDysfunction\"")]
    [InlineData("\"fever\",\"saddleAnesthesia\"")]
    public void Profile_RedFlagPastTheItemLimit_RefusedWholeAndStillScreened(string late)
    {
        // 256 "fever" items fill the list; the sign after them is only counted, yet still screens the refusal.
        var flags = string.Join(',', Enumerable.Repeat("\"fever\"", JsonValues.MaximumArrayItems)) + "," + late;
        var json = "{\"causes\":[\"herniatedDisc\"],\"legPain\":5,\"backPain\":2,\"redFlags\":[" + flags + "],\"medicalClearance\":true,\"symptomsTolerateExercise\":true}";
        var count = JsonValues.MaximumArrayItems + late.Count(c => c == ',') + 1;

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(json));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.redFlags", problem.Path);
        Assert.Equal($"has {count} items; at most {JsonValues.MaximumArrayItems} are accepted.", problem.Message);
        Assert.Equal(DecisionKind.Emergency, error.Screening?.Decision);
    }
}
