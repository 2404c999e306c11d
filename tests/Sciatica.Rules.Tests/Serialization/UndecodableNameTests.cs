using System.Text;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Tests.Serialization;

/// <summary>
/// A property name that cannot be decoded (a lone surrogate escape) is reported at the object that holds it, and text
/// that cannot be decoded at the field that holds it, in every document the one pass reads: profile, review request and
/// catalog (a catalog reported both at <c>$</c> before it was read in the pass).
/// </summary>
public sealed class UndecodableNameTests
{
    private const string Profile = """{"causes":["herniatedDisc"],"legPain":5,"backPain":3,"redFlags":[],"medicalClearance":true,"symptomsTolerateExercise":true}""";
    private const string Feedback = """{"nextMorning":"same","newNumbness":false,"newWeakness":false,"newRedFlags":[]}""";

    public static TheoryData<string, string> Reviews => new()
    {
        { $$$"""{"profile":{{{Profile}}},"feedback":{"\ud800":1,"nextMorning":"same","newNumbness":false,"newWeakness":false,"newRedFlags":[]}}""", "$.feedback" },
        { $$$"""{"profile":{{{Profile}}},"feedback":{{{Feedback}}},"history":[{{{Feedback}}},{"exercises":[{"id":"a","painDuring":1,"symptomChange":"unchanged","dosage":{"\udc00":1}}],"nextMorning":"same","newNumbness":false,"newWeakness":false,"newRedFlags":[]}]}""", "$.history[1].exercises[0].dosage" },
        { $$$"""{"profile":{"clinicianOverrides":[{"\ud800x":1}],"causes":["herniatedDisc"],"legPain":5,"backPain":3,"redFlags":[],"medicalClearance":true,"symptomsTolerateExercise":true},"feedback":{{{Feedback}}}}""", "$.profile.clinicianOverrides[0]" },
    };

    [Theory]
    [MemberData(nameof(Reviews))]
    public void ReadReviewRequest_LoneSurrogateInAName_ReportedAtTheObjectHoldingIt(string json, string path)
    {
        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadReviewRequest(Encoding.UTF8.GetBytes(json)));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(path, problem.Path);
        Assert.StartsWith("contains text that is not valid Unicode", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"exercises\"", "{", "\"\\ud800\":1,", "$.exercises[0]")]
    [InlineData("\"thresholds\"", "{", "\"\\udfff\":1,", "$.thresholds")]
    [InlineData("\"contraindications\"", "\"source\": \"", "\\ud800", "$.contraindications[0].source")]
    public void LoadCatalog_LoneSurrogate_ReportedWhereItIs(string after, string at, string insertion, string path)
    {
        var json = CatalogLoader.Write(ExerciseCatalog.Default, RuleSet.Default);
        var place = json.IndexOf(at, json.IndexOf(after, StringComparison.Ordinal), StringComparison.Ordinal) + at.Length;
        json = json.Insert(place, insertion);

        var error = Assert.Throws<SciaticaValidationException>(() => CatalogLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(path, problem.Path);
        Assert.StartsWith("contains text that is not valid Unicode", problem.Message, StringComparison.Ordinal);
    }
}
