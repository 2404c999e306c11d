using Sciatica.Rules;

namespace Sciatica.Rules.Tests.Serialization;

public sealed class SciaticaJsonTests
{
    private const string Minimal = """{"causes":["herniatedDisc"],"legPain":6,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""";

    [Fact]
    public void ReadProfile_ContractExample_ReadsEveryField()
    {
        var profile = SciaticaJson.ReadProfile("""
            {
              "causes": ["herniatedDisc"], "affectedRoots": ["l5"], "legPain": 6, "backPain": 3, "redFlags": [],
              "medicalClearance": true, "symptomsTolerateExercise": true, "landWalkingPainful": false, "poolAccess": false,
              "age": 44, "weeksSinceSpineSurgery": null, "directionalPreference": null
            }
            """);

        Assert.Equal(
            new PatientProfile { RedFlags = [], SymptomsTolerateExercise = true, Causes = [Cause.HerniatedDisc], AffectedRoots = [NerveRoot.L5], LegPain = 6, BackPain = 3, MedicalClearance = true, Age = 44 },
            profile);
    }

    [Fact]
    public void ReadProfile_LeadingByteOrderMark_Accepted()
    {
        var expected = SciaticaJson.ReadProfile(Minimal);

        Assert.Equal(expected, SciaticaJson.ReadProfile("\uFEFF" + Minimal));
        Assert.Equal(expected, SciaticaJson.ReadProfile(new ReadOnlyMemory<byte>([0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(Minimal)])));
    }

    [Fact]
    public void ReadProfile_DuplicateProperty_NamesItsPathLineAndPosition()
    {
        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(
            "{\"causes\":[\"herniatedDisc\"],\n \"legPain\":3,\n \"backPain\":2,\"medicalClearance\":true,\"redFlags\":[],\"symptomsTolerateExercise\":true,\n \"backPain\":5}"));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.backPain", problem.Path);
        Assert.Equal(4, problem.LineNumber);
        Assert.Contains("line 4, position 2 (first at line 3)", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("line ,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadReviewRequest_DuplicatePropertyInFeedback_NamesItsPath()
    {
        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadReviewRequest(
            "{\"profile\":" + Minimal + ",\"feedback\":{\"nextMorning\":\"same\",\"nextMorning\":\"worse\"}}"));

        Assert.Equal("$.feedback.nextMorning", Assert.Single(error.Problems).Path);
    }

    [Fact]
    public void ReadProfile_OptionalFieldsMissing_UsesContractDefaults()
    {
        var profile = SciaticaJson.ReadProfile(Minimal);

        Assert.True(profile.SymptomsTolerateExercise);
        Assert.False(profile.LandWalkingPainful);
        Assert.False(profile.PoolAccess);
        Assert.Empty(profile.RedFlags);
        Assert.Empty(profile.AffectedRoots);
        Assert.Null(profile.Age);
        Assert.Null(profile.WeeksSinceSpineSurgery);
        Assert.Null(profile.DirectionalPreference);
    }

    [Theory]
    [InlineData("""{"causes":["herniated"],"legPain":6,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""", "$.causes[0]", "herniatedDisc")]
    [InlineData("""{"causes":["HerniatedDisc"],"legPain":6,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""", "$.causes[0]", "did you mean \"herniatedDisc\"")]
    [InlineData("""{"causes":[1],"legPain":6,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""", "$.causes[0]", "allowed values")]
    [InlineData("""{"causes":[],"legPain":6,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""", "$.causes", "at least one cause")]
    [InlineData("""{"legPain":6,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""", "$.causes", "is required")]
    [InlineData("""{"causes":["tumor"],"legPain":11,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""", "$.legPain", "0..10")]
    [InlineData("""{"causes":["tumor"],"legPain":-1,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""", "$.legPain", "0..10")]
    [InlineData("""{"causes":["tumor"],"legPain":5.5,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""", "$.legPain", "an integer 0..10")]
    [InlineData("""{"causes":["tumor"],"legPain":"5","backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""", "$.legPain", "an integer 0..10")]
    [InlineData("""{"causes":["tumor"],"legPain":5,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""", "$.backPain", "is required")]
    [InlineData("""{"causes":["tumor"],"legPain":5,"backPain":3}""", "$.medicalClearance", "true or false")]
    [InlineData("""{"causes":["tumor"],"legPain":5,"backPain":3,"medicalClearance":"yes","redFlags":[],"symptomsTolerateExercise":true}""", "$.medicalClearance", "true or false")]
    [InlineData("""{"causes":["tumor"],"legPain":5,"backPain":3,"medicalClearance":true,"symptomsTolerateExercise":true,"redFlags":["bladder"]}""", "$.redFlags[0]", "bladderDysfunction")]
    [InlineData("""{"causes":["tumor"],"legPain":5,"backPain":3,"medicalClearance":true,"symptomsTolerateExercise":true,"redFlags":"fever"}""", "$.redFlags", "an array")]
    [InlineData("""{"causes":["tumor"],"legPain":5,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true,"affectedRoots":["s2"]}""", "$.affectedRoots[0]", "l4, l5, s1")]
    [InlineData("""{"causes":["tumor"],"legPain":5,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true,"age":15}""", "$.age", "16..120")]
    [InlineData("""{"causes":["tumor"],"legPain":5,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true,"age":121}""", "$.age", "16..120")]
    [InlineData("""{"causes":["tumor"],"legPain":5,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true,"weeksSinceSpineSurgery":-1}""", "$.weeksSinceSpineSurgery", ">= 0")]
    [InlineData("""{"causes":["tumor"],"legPain":5,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true,"directionalPreference":"lateral"}""", "$.directionalPreference", "extension, flexion")]
    [InlineData("""{"causes":["tumor"],"legPain":5,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true,"redFlag":["fever"]}""", "$.redFlag", "not a known property")]
    [InlineData("""{"causes":["tumor"],"legPain":5,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":null}""", "$.symptomsTolerateExercise", "true or false")]
    [InlineData("""["tumor"]""", "$", "allowed values: a JSON object")]
    [InlineData("""{"causes":["tumor"],"legPain":5,""", "$", "not valid JSON")]
    [InlineData("""{"causes":["tumor"],"legPain":5,"legPain":1,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""", "$.legPain", "appears a second time at line 1, position 33")]
    public void ReadProfile_InvalidInput_NamesFieldAndAllowedValues(string json, string path, string expected)
    {
        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(json));

        var problem = Assert.Single(error.Problems, p => p.Path == path);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadProfile_ManyProblems_ReportsEveryOne()
    {
        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile("""{"causes":["x"],"legPain":99,"extra":1}"""));

        Assert.Equal(["$.extra", "$.causes[0]", "$.legPain", "$.backPain", "$.redFlags", "$.medicalClearance", "$.symptomsTolerateExercise"], error.Problems.Select(p => p.Path));
    }

    [Fact]
    public void WriteDecision_ContractShape_NamesAndOrder()
    {
        var json = SciaticaJson.WriteDecision(ProgramSelector.Default.Select(SciaticaJson.ReadProfile(Minimal)));

        Assert.StartsWith("{\"decision\":\"program\",\"timeframe\":null,\"reasons\":[{\"ruleId\":\"program-screening-passed\",\"message\":", json, StringComparison.Ordinal);
        Assert.Contains("\"dosage\":{\"holdSeconds\":30,\"repetitions\":3,\"sets\":1,\"minutes\":null,\"timesPerDay\":1}", json, StringComparison.Ordinal);
        Assert.Contains("\"movements\":[\"lumbarFlexion\",\"hipFlexion\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"stretch\"", json, StringComparison.Ordinal);
        Assert.Contains(",\"safetyAdvice\":[", json, StringComparison.Ordinal);
        Assert.EndsWith("\"ruleSetVersion\":\"" + ProgramSelector.Default.RuleSetVersion + "\"}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteDecision_PermutedInputLists_ByteIdentical()
    {
        var a = SciaticaJson.ReadProfile("""{"causes":["spinalStenosis","herniatedDisc"],"redFlags":["fever","cancerHistory"],"legPain":6,"backPain":3,"medicalClearance":true,"symptomsTolerateExercise":true}""");
        var b = SciaticaJson.ReadProfile("""{"redFlags":["cancerHistory","fever","fever"],"medicalClearance":true,"symptomsTolerateExercise":true,"backPain":3,"legPain":6,"causes":["herniatedDisc","spinalStenosis"]}""");

        Assert.Equal(SciaticaJson.WriteDecision(ProgramSelector.Default.Select(a)), SciaticaJson.WriteDecision(ProgramSelector.Default.Select(b)));
    }

    [Fact]
    public void ReadDecision_WrittenDecision_RoundTripsToEqualValue()
    {
        var decision = ProgramSelector.Default.Select(SciaticaJson.ReadProfile(Minimal));

        Assert.Equal(decision, SciaticaJson.ReadDecision(SciaticaJson.WriteDecision(decision, indented: true)));
    }

    [Fact]
    public void ReadDecision_UnknownProperty_Rejected() =>
        Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadDecision("""{"decision":"program","extra":1}"""));

    [Fact]
    public void WriteProfile_ReadBack_EqualProfile()
    {
        var profile = Profiles.With(Cause.HerniatedDisc) with { RedFlags = [RedFlag.Fever], Age = 30, DirectionalPreference = DirectionalPreference.Flexion };

        Assert.Equal(profile, SciaticaJson.ReadProfile(SciaticaJson.WriteProfile(profile)));
    }
}
