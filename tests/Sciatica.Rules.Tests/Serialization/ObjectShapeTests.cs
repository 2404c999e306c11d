using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Tests.Serialization;

/// <summary>
/// How the one-pass readers report an object's shape, word for word and one problem each: a value that is not an
/// object, a property the object does not know, a property given again (its value walked past, whatever it holds), an
/// array of items that is not an array or holds too many. Written from the mutants the readers' mutation run left
/// alive (docs/testing.md, Serialization part D1).
/// </summary>
public sealed class ObjectShapeTests
{
    private const string Valid = "\"causes\":[\"herniatedDisc\"],\"legPain\":5,\"backPain\":2,\"redFlags\":[],\"medicalClearance\":true,\"symptomsTolerateExercise\":true";

    private const string ProfileProperties =
        "causes, affectedRoots, affectedSide, legPain, backPain, redFlags, medicalClearance, symptomsTolerateExercise, landWalkingPainful, "
        + "poolAccess, age, weeksSinceSpineSurgery, symptomWeeks, pregnancyWeeks, directionalPreference, clinicianOverrides";

    public static TheoryData<string, string> NotAnObject => new()
    {
        { "[]", "is an array; allowed values: a JSON object." },
        { "42", "is the number 42; allowed values: a JSON object." },
        { "\"x\"", "is the text \"x\"; allowed values: a JSON object." },
        { "true", "is true; allowed values: a JSON object." },
    };

    [Theory]
    [MemberData(nameof(NotAnObject))]
    public void Profile_NotAnObject_OneProblemAndNoRequiredFields(string json, string message)
    {
        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(json));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$", problem.Path);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void Profile_UnknownProperty_NamedWithEveryAllowedProperty()
    {
        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile("{" + Valid + ""","zz":{"a":[1,{"b":2}]}}"""));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.zz", problem.Path);
        Assert.Equal("is not a known property; allowed properties: " + ProfileProperties + ".", problem.Message);
    }

    [Fact]
    public void Profile_UnknownPropertyAfterTheLastKnown_ItsContainerWalkedPastAndTheRestRead()
    {
        // The unknown container sits between known fields: a walk that stopped inside it would read its inner names.
        var json = """{"causes":["herniatedDisc"],"zz":[{"legPain":"x"},[{"age":-1}]],"legPain":5,"backPain":2,"redFlags":[],"medicalClearance":true,"symptomsTolerateExercise":true}""";

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(json));

        Assert.Equal("$.zz", Assert.Single(error.Problems).Path);
    }

    [Theory]
    [InlineData("""{"a":[1,{"legPain":"x"}]}""")]
    [InlineData("""[{"age":-1},[2,3],{"causes":7}]""")]
    [InlineData("\"herniatedDisc\"")]
    public void Profile_PropertyGivenAgain_ItsValueWalkedPastWhateverItHolds(string second)
    {
        var json = "{" + Valid + ""","causes":""" + second + ""","age":40}""";

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(json));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.causes", problem.Path);
        Assert.StartsWith("appears a second time at line 1, position ", problem.Message, StringComparison.Ordinal);
        Assert.EndsWith(" (first at line 1); allowed: each property once per object.", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Profile_OverridesNotAnArray_NamesWhatTheArrayHolds()
    {
        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile("{" + Valid + ""","clinicianOverrides":42}"""));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.clinicianOverrides", problem.Path);
        Assert.Equal("is the number 42; allowed values: an array of objects with exerciseId, ruleId and reason.", problem.Message);
    }

    [Fact]
    public void Profile_OverrideNotAnObject_OneProblemAtTheItem()
    {
        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile("{" + Valid + ""","clinicianOverrides":[42]}"""));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.clinicianOverrides[0]", problem.Path);
        Assert.Equal("is the number 42; allowed values: a JSON object.", problem.Message);
    }

    [Theory]
    [InlineData(JsonValues.MaximumArrayItems + 1)]
    [InlineData(JsonValues.MaximumArrayItems + 7)]
    public void Profile_TooManyOverrides_RefusedWholeWithTheirCount(int count)
    {
        // Each item is an object of three properties: the items past the limit are walked past whole, not token by token.
        var item = """{"exerciseId":"walking","ruleId":"no-such-rule","reason":"r"}""";
        var json = "{" + Valid + ""","clinicianOverrides":[""" + string.Join(',', Enumerable.Repeat(item, count)) + "]}";

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(json));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.clinicianOverrides", problem.Path);
        Assert.Equal($"has {count} items; at most {JsonValues.MaximumArrayItems} are accepted.", problem.Message);
    }

    [Fact]
    public void Review_FeedbackPropertyGivenAgain_OneProblemAndItsContainerWalkedPast()
    {
        var json = """{"profile":{""" + Valid + """},"feedback":{"exercises":[],"nextMorning":"same","exercises":[{"id":"x","painDuring":99}],"newNumbness":false,"newWeakness":false,"newRedFlags":[]}}""";

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadReviewRequest(json));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.feedback.exercises", problem.Path);
        Assert.StartsWith("appears a second time", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Review_FeedbackGivenAProfile_TheProfileIsAnUnknownPropertyThere()
    {
        // Only a history session carries its own profile; in the request's feedback the name is not known.
        var json = """{"profile":{""" + Valid + """},"feedback":{"profile":{},"exercises":[],"nextMorning":"same","newNumbness":false,"newWeakness":false,"newRedFlags":[]}}""";

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadReviewRequest(json));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.feedback.profile", problem.Path);
        Assert.StartsWith("is not a known property; allowed properties: ", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("exercises", "42", "is the number 42; allowed values: a JSON object.")]
    [InlineData("contraindications", "\"x\"", "is the text \"x\"; allowed values: a JSON object.")]
    [InlineData("screening", "[]", "is an array; allowed values: a JSON object.")]
    public void Catalog_ItemNotAnObject_OneProblemAndNoRequiredFields(string list, string item, string message)
    {
        var json = $$"""{"name":"c","version":"1","extends":"default","{{list}}":[{{item}}]}""";

        var error = Assert.Throws<SciaticaValidationException>(() => CatalogLoader.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))));

        var problem = Assert.Single(error.Problems);
        Assert.Equal($"$.{list}[0]", problem.Path);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void ObjectFields_MoreFieldsThanItHoldsBits_RefusedWhenPrepared()
    {
        var names = new byte[ObjectFields.MaximumFields + 1][];

        var error = Assert.Throws<ArgumentException>(() => _ = new ObjectFields("$", names, new string[names.Length], "x"));

        Assert.Equal("names", error.ParamName);
    }

    [Fact]
    public void ObjectFields_AsManyFieldsAsItHoldsBits_Prepared()
    {
        var names = new byte[ObjectFields.MaximumFields][];

        var fields = new ObjectFields("$", names, new string[names.Length], "x");

        Assert.Equal(-1, fields.Field);
    }
}
