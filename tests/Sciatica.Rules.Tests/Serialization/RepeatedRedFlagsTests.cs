namespace Sciatica.Rules.Tests.Serialization;

/// <summary>
/// A red-flag list given twice is refused (a property may be given once), and the refusal still says how urgent the
/// signs in the second list are: a repeated list is walked, not ignored.
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
}
