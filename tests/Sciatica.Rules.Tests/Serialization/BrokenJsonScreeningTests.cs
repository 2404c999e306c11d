using System.Text;

namespace Sciatica.Rules.Tests.Serialization;

/// <summary>
/// Broken JSON never hides danger: a red flag written after the break (a trailing comma, a missing quote) still gives
/// the refusal its screening notice, in every document that carries red flags and through every entry point.
/// </summary>
public sealed class BrokenJsonScreeningTests
{
    public static TheoryData<string, DecisionKind> Profiles => new()
    {
        { """{"causes":["herniatedDisc"],,"legPain":5,"redFlags":["bladderDysfunction"]}""", DecisionKind.Emergency },
        { """{"causes":["herniatedDisc"],"legPain":5 "redFlags":["progressiveWeakness"]}""", DecisionKind.UrgentReferral },
        { """{"legPain":5,"backPain":3,"redFlags":["saddleAnesthesia",],"symptomsTolerateExercise":true}""", DecisionKind.Emergency },
        { "\"bladderDysfunction\", {\"legPain\":5}", DecisionKind.Emergency }, // the name at the very first byte
    };

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Profile_RedFlagAfterBrokenJson_RefusalStillSaysHowUrgent(string json, DecisionKind expected)
    {
        var fromText = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(json));
        var fromBytes = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(Encoding.UTF8.GetBytes(json).AsMemory()));
        var line = SciaticaNdjson.ReadProfileLine(1, Encoding.UTF8.GetBytes(json));

        Assert.Equal(expected, fromText.Screening?.Decision);
        Assert.Equal(expected, fromBytes.Screening?.Decision);
        Assert.Equal(expected, line.Error?.Screening?.Decision);
        Assert.Contains("not valid JSON", fromText.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Review_NewRedFlagAfterBrokenJson_RefusalSaysEmergency()
    {
        const string json = """{"profile":{"causes":["herniatedDisc"],"legPain":3,"backPain":2,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true},"feedback":{"exercises":[],,"newRedFlags":["bowelDysfunction"]}}""";

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadReviewRequest(json));

        Assert.Equal(DecisionKind.Emergency, error.Screening?.Decision);
    }

    [Fact]
    public void BrokenJson_WithoutRedFlags_HasNoNotice()
    {
        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile("""{"causes":["herniatedDisc"],,"redFlags":[]}"""));

        Assert.Null(error.Screening);
    }
}
