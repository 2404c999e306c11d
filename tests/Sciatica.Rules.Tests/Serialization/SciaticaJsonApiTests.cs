using System.Text.Json;

namespace Sciatica.Rules.Tests.Serialization;

/// <summary>
/// The edges of the <see cref="SciaticaJson"/> entry points: each refuses a null argument by its name, each writer
/// writes indented only when asked, and the documents read with the serializer (a decision, a review) say where and
/// why they could not be read, on which line. Written from the Serialization mutation run (parts B and C).
/// </summary>
public sealed class SciaticaJsonApiTests
{
    private const string Minimal = """{"causes":["herniatedDisc"],"legPain":6,"backPain":3,"medicalClearance":true,"redFlags":[],"symptomsTolerateExercise":true}""";

    private static readonly PatientProfile Profile = SciaticaJson.ReadProfile(Minimal);

    private static readonly ProgramDecision Decision = ProgramSelector.Default.Select(Profile);

    private static readonly SessionFeedback Feedback = new() { NextMorning = NextMorningChange.Same, NewNumbness = false, NewWeakness = false, NewRedFlags = [] };

    [Fact]
    public void Readers_NullArgument_RefusedByName()
    {
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => SciaticaJson.ReadProfile((string)null!)).ParamName);
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => SciaticaJson.ReadReviewRequest((string)null!)).ParamName);
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => SciaticaJson.ReadDecision(null!)).ParamName);
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => SciaticaJson.ReadReview(null!)).ParamName);
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => SciaticaJson.ReadProfile((Stream)null!)).ParamName);
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => SciaticaJson.ReadReviewRequest((Stream)null!)).ParamName);
    }

    [Fact]
    public async Task AsyncReaders_NullStream_RefusedByName()
    {
        Assert.Equal("utf8Json", (await Assert.ThrowsAsync<ArgumentNullException>(() => SciaticaJson.ReadProfileAsync(null!))).ParamName);
        Assert.Equal("utf8Json", (await Assert.ThrowsAsync<ArgumentNullException>(() => SciaticaJson.ReadReviewRequestAsync(null!))).ParamName);
    }

    [Fact]
    public void Writers_NullArgument_RefusedByName()
    {
        Assert.Equal("decision", Assert.Throws<ArgumentNullException>(() => SciaticaJson.WriteDecision(null!)).ParamName);
        Assert.Equal("decision", Assert.Throws<ArgumentNullException>(() => SciaticaJson.WriteDecisionUtf8(null!, new System.Buffers.ArrayBufferWriter<byte>())).ParamName);
        Assert.Equal("output", Assert.Throws<ArgumentNullException>(() => SciaticaJson.WriteDecisionUtf8(Decision, null!)).ParamName);
        Assert.Equal("patch", Assert.Throws<ArgumentNullException>(() => SciaticaJson.WritePatch(null!)).ParamName);
        Assert.Equal("profile", Assert.Throws<ArgumentNullException>(() => SciaticaJson.WriteProfile(null!)).ParamName);
        Assert.Equal("request", Assert.Throws<ArgumentNullException>(() => SciaticaJson.WriteReviewRequest(null!)).ParamName);
        Assert.Equal("review", Assert.Throws<ArgumentNullException>(() => SciaticaJson.WriteReview(null!)).ParamName);
        Assert.Equal("rules", Assert.Throws<ArgumentNullException>(() => SciaticaJson.WriteRules(null!)).ParamName);
        Assert.Equal("screening", Assert.Throws<ArgumentNullException>(() => SciaticaJson.WriteScreening(null!)).ParamName);
    }

    public static TheoryData<string> Writers => ["profile", "reviewRequest", "review", "rules", "decision"];

    [Theory]
    [MemberData(nameof(Writers))]
    public void Writer_IndentedOnlyWhenAsked_SameDocumentEitherWay(string writer)
    {
        var review = new SessionReviewer().Review(Profile, Feedback);
        string Write(bool indented) => writer switch
        {
            "profile" => SciaticaJson.WriteProfile(Profile, indented),
            "reviewRequest" => SciaticaJson.WriteReviewRequest(new ReviewRequest(Profile, Feedback), indented),
            "review" => SciaticaJson.WriteReview(review, indented),
            "rules" => SciaticaJson.WriteRules(ProgramSelector.Default.RuleSet.Rules, indented),
            _ => SciaticaJson.WriteDecision(Decision, indented),
        };

        var compact = Write(indented: false);
        var indented = Write(indented: true);

        Assert.DoesNotContain('\n', compact);
        Assert.Contains("\n  ", indented, StringComparison.Ordinal);
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(compact).RootElement, JsonDocument.Parse(indented).RootElement));
        Assert.Equal(compact, Write(indented: false));
    }

    [Theory]
    [InlineData("decision")]
    [InlineData("review")]
    public void SerializerReaders_Null_RefusedAsNotAnObject(string subject)
    {
        var error = Assert.Throws<SciaticaValidationException>(() => Read(subject, "null"));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$", problem.Path);
        Assert.Equal($"must be a {subject} object, not null.", problem.Message);
    }

    [Fact]
    public void ReadDecision_WrongValueOnLineThree_ItsPathAndLine()
    {
        var json = SciaticaJson.WriteDecision(Decision, indented: true);
        var lines = json.Split('\n');
        var at = Array.FindIndex(lines, l => l.TrimStart().StartsWith("\"decision\"", StringComparison.Ordinal));
        lines[at] = "  \"decision\": 5,";

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadDecision(string.Join('\n', lines)));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.decision", problem.Path);
        Assert.StartsWith("is not valid: ", problem.Message, StringComparison.Ordinal);
        Assert.Equal(at + 1, problem.LineNumber);
    }

    [Fact]
    public void ReadDecision_UnknownEnumName_ListsEveryAllowedName()
    {
        var json = SciaticaJson.WriteDecision(Decision).Replace("\"decision\":\"program\"", "\"decision\":\"maybe\"", StringComparison.Ordinal);

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadDecision(json));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.decision", problem.Path);
        Assert.StartsWith("is not valid: Allowed values: " + string.Join(", ", ContractNames.All<DecisionKind>()) + ".", problem.Message, StringComparison.Ordinal);
        Assert.Contains("emergency", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDecision_LongUnknownName_ItsPathCutToTheEchoBound()
    {
        var name = new string('a', 200);

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadDecision("{\"" + name + "\":1}"));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$." + ProblemList.Echo(name), problem.Path);
        Assert.True(problem.Path.Length < 100, problem.Path);
    }

    [Fact]
    public void ReadDecision_LoneSurrogate_RefusedAtTheDocument()
    {
        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadDecision("{\"decision\":\"\ud800\"}"));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$", problem.Path);
        Assert.StartsWith("is not valid: ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadProfile_UndefinedElement_RefusedAsNothing()
    {
        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(default(JsonElement)));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$", problem.Path);
        Assert.Equal("must be a JSON object, not nothing.", problem.Message);
    }

    [Fact]
    public void ReadProfile_BrokenJsonOnLineTwo_LineAndPositionCountedFromOne()
    {
        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile("{\n  \"causes\": [,]}"));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$", problem.Path);
        Assert.Equal("is not valid JSON at line 2, position 14: ',' is an invalid start of a value; allowed: one JSON document (an object) in UTF-8.", problem.Message);
        Assert.Equal(2, problem.LineNumber);
    }

    private static object Read(string subject, string json) => subject == "decision" ? SciaticaJson.ReadDecision(json) : SciaticaJson.ReadReview(json);
}
