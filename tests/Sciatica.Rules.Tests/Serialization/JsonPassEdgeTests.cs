using System.Text;

namespace Sciatica.Rules.Tests.Serialization;

/// <summary>
/// The edges of the one forward pass every contract reader shares: names and values written with escapes, the kinds of
/// value a wrong-kind message describes, names given twice (plain and escaped, nested in values walked past, more than
/// a report holds), red flags noted inside walked-past values and only there, and the first undecodable text.
/// </summary>
public sealed class JsonPassEdgeTests
{
    private const string Answers = "\"causes\":[\"herniatedDisc\"],\"legPain\":5,\"backPain\":2,\"redFlags\":[],\"medicalClearance\":true,\"symptomsTolerateExercise\":true";

    private static SciaticaValidationException Refused(string json) => Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(json));

    /// <summary>Writes every letter of a text as a <c>\u</c> escape (as JSON text, without quotes).</summary>
    private static string Escaped(string text) => string.Concat(text.Select(c => $"\\u{(int)c:x4}"));

    [Fact]
    public void ReadProfile_EveryNameAndValueWrittenWithEscapes_ReadsAsThePlainDocument()
    {
        const string plain = """{"causes":["herniatedDisc"],"affectedSide":"left","legPain":5,"backPain":2,"redFlags":["fever"],"medicalClearance":true,"symptomsTolerateExercise":true,"directionalPreference":"extension"}""";
        var escaped = new StringBuilder();
        var inString = false;
        foreach (var c in plain)
        {
            inString = c == '"' ? !inString : inString;
            escaped.Append(inString && c != '"' ? Escaped(c.ToString()) : c.ToString());
        }

        Assert.Equal(SciaticaJson.ReadProfile(plain), SciaticaJson.ReadProfile(escaped.ToString()));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)] // 24 + 5 * 8 = 64 bytes as written
    [InlineData(9)] // 69 bytes
    [InlineData(24)] // 144 bytes: every letter escaped
    public void ReadProfile_NameWrittenWithEscapes_IsMatchedWhateverItsLength(int escapes)
    {
        const string name = "symptomsTolerateExercise";
        var written = Escaped(name[..escapes]) + name[escapes..];
        var json = "{" + Answers.Replace("\"symptomsTolerateExercise\":true", "\"" + written + "\":false", StringComparison.Ordinal) + "}";

        Assert.False(SciaticaJson.ReadProfile(json).SymptomsTolerateExercise);
    }

    [Theory]
    [InlineData("x")] // escaped, short, and none of the names
    [InlineData("symptomsTolerateExercisesymptomsTolerateExercise")] // escaped beyond 64 bytes
    public void ReadProfile_UnknownNameWrittenWithEscapes_IsUnknown(string name)
    {
        var error = Refused("{\"" + Escaped(name) + "\":1," + Answers + "}");

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$." + name, problem.Path);
        Assert.StartsWith("is not a known property; allowed properties: causes, ", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}", "an object")]
    [InlineData("[]", "an array")]
    [InlineData("\"5\"", "the text \"5\"")]
    [InlineData("5.5", "the number 5.5")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("null", "null")]
    public void ReadProfile_WrongKindOfValue_DescribedInTheMessage(string value, string described)
    {
        var error = Refused("{" + Answers.Replace("\"legPain\":5", "\"legPain\":" + value, StringComparison.Ordinal) + "}");

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.legPain", problem.Path);
        Assert.Equal($"is {described}; allowed values: an integer 0..10.", problem.Message);
    }

    [Theory]
    [InlineData("\"extra\":1,\"\\u0065xtra\":2")]
    [InlineData("\"\\u0065xtra\":1,\"extra\":2")]
    [InlineData("\"\\u0065xtra\":1,\"ext\\u0072a\":2")]
    public void ReadProfile_UnknownNameGivenAgainWithOrWithoutEscapes_IsRepeated(string properties)
    {
        var error = Refused("{" + properties + "," + Answers + "}");

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.extra", problem.Path);
        Assert.Equal("appears a second time at line 1, position " + (properties.IndexOf(",\"", StringComparison.Ordinal) + 3) + " (first at line 1); allowed: each property once per object.", problem.Message);
    }

    [Fact]
    public void ReadProfile_TwoDifferentUndecodableNames_AreNotOneNameGivenTwice()
    {
        var error = Refused("{\"\\ud800a\":1,\"\\ud800b\":2," + Answers + "}");

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$", problem.Path);
        Assert.StartsWith("contains text that is not valid Unicode", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadProfile_TwoNamesEachGivenTwice_BothReported()
    {
        var error = Refused("{\"a\":1,\"a\":2,\"b\":1,\"b\":2," + Answers + "}");

        Assert.Equal(["$.a", "$.b"], error.Problems.Select(p => p.Path));
    }

    [Fact]
    public void ReadProfile_MoreRepeatedNamesThanAReportHolds_TheRestCounted()
    {
        const int names = ProblemList.MaximumReported + 3;
        var properties = string.Concat(Enumerable.Range(0, names).Select(i => $"\"p{i}\":1,\"p{i}\":2,"));

        var error = Refused("{" + properties + Answers + "}");

        Assert.Equal(ProblemList.MaximumReported + 1, error.Problems.Count);
        Assert.Equal("$.p0", error.Problems[0].Path);
        Assert.Contains("3 more", error.Problems[^1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"inner\":{\"a\":1,\"a\":2}}", "$.extra.inner.a")]
    [InlineData("[0,{\"a\":1,\"a\":2}]", "$.extra[1].a")]
    [InlineData("{\"in\\u006eer\":[{\"a\":1,\"a\":2}]}", "$.extra.inner[0].a")]
    [InlineData("{\"\\ud800\":{\"a\":1,\"a\":2}}", "$.extra.\\ud800.a")] // a name that cannot be decoded: its text as written
    public void ReadProfile_NameGivenTwiceInsideAValueWalkedPast_PathNamesIt(string value, string path)
    {
        var error = Refused("{\"extra\":" + value + "," + Answers + "}");

        var problem = Assert.Single(error.Problems);
        Assert.Equal(path, problem.Path);
        Assert.StartsWith("appears a second time at line 1", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadProfile_UnknownNameGivenTwiceWithAnUndecodableEscape_PathKeepsItsRawText()
    {
        var error = Refused("{\"\\ud800\":1,\"\\ud800\":2," + Answers + "}");

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.\\ud800", problem.Path);
        Assert.StartsWith("appears a second time", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"redFlags\":[],\"redFlags\":[\"bladderDysfunction\",\"bladderDysfunction\"]")] // the same flag twice in a repeated list
    [InlineData("\"redFlags\":[],\"extra\":{\"redFlags\":[\"bladderDysfunction\"]}")] // inside an unknown property
    [InlineData("\"redFlags\":[],\"extra\":{\"newRedFlags\":[\"bladderDysfunction\"]}")]
    [InlineData("\"redFlags\":[],\"extra\":[{\"redFlags\":[\"cancerHistory\",\"bladderDysfunction\"]}]")]
    public void ReadProfile_RedFlagInsideAValueWalkedPast_ScreensTheRefusal(string properties)
    {
        var error = Refused("{" + Answers.Replace("\"redFlags\":[]", properties, StringComparison.Ordinal) + "}");

        Assert.Equal(DecisionKind.Emergency, error.Screening?.Decision);
    }

    [Theory]
    [InlineData("\"extra\":[\"bladderDysfunction\"]")] // an array not named redFlags
    [InlineData("\"extra\":{\"redFlags\":[[\"bladderDysfunction\"]]}")] // an array inside a redFlags array
    [InlineData("\"extra\":{\"redFlags\":{\"a\":\"bladderDysfunction\"}}")] // an object, not an array
    [InlineData("\"extra\":{\"redFlags\":[{\"a\":\"bladderDysfunction\"}]}")]
    [InlineData("\"extra\":{\"other\":\"bladderDysfunction\"}")]
    [InlineData("\"extra\":{\"other\":[\"bladderDysfunction\"]}")] // an array under another name
    [InlineData("\"affectedSide\":[\"bladderDysfunction\"]")] // the wrong kind of value for a known field: an enum's
    [InlineData("\"age\":[\"bladderDysfunction\"]")] // an integer's
    [InlineData("\"poolAccess\":[\"bladderDysfunction\"]")] // a true or false
    public void ReadProfile_RedFlagNameOutsideARedFlagsArray_DoesNotScreen(string property)
    {
        var error = Refused("{" + property + "," + Answers + "}");

        Assert.NotEqual(DecisionKind.Emergency, error.Screening?.Decision);
    }

    [Fact]
    public void ReadProfile_SeveralRedFlagsAndAProblem_EachFlagScreensTheRefusal()
    {
        var json = "{" + Answers.Replace("\"redFlags\":[]", "\"redFlags\":[\"bladderDysfunction\",\"fever\",\"footDrop\"]", StringComparison.Ordinal)
            .Replace("\"legPain\":5", "\"legPain\":\"5\"", StringComparison.Ordinal) + "}";

        var screening = Refused(json).Screening;

        Assert.Equal([RedFlag.BladderDysfunction, RedFlag.FootDrop, RedFlag.Fever], screening?.RedFlags);
        Assert.Equal(DecisionKind.Emergency, screening?.Decision);
    }

    [Theory]
    [InlineData("\"redFlags\":[\"notAFlag\"]")] // a name no red flag has
    [InlineData("\"redFlags\":[\"saddleAnesthesia\",\"notAFlag\"]")]
    public void ReadProfile_RedFlagListWithAnUnknownName_ScreensOnlyTheNamedFlags(string property)
    {
        var error = Refused("{" + Answers.Replace("\"redFlags\":[]", property, StringComparison.Ordinal) + "}");

        Assert.Equal(property.Contains("saddle", StringComparison.Ordinal) ? [RedFlag.SaddleAnesthesia] : [], error.Screening?.RedFlags ?? []);
    }

    [Fact]
    public void ReadProfile_RedFlagNameInAnotherListPastTheLimit_DoesNotScreen()
    {
        var causes = string.Concat(Enumerable.Repeat("\"herniatedDisc\",", JsonValues.MaximumArrayItems + 1)) + "\"bladderDysfunction\"";

        var error = Refused("{" + Answers.Replace("\"causes\":[\"herniatedDisc\"]", "\"causes\":[" + causes + "]", StringComparison.Ordinal) + "}");

        Assert.Equal("$.causes: has 258 items; at most 256 are accepted.", $"{error.Problems[0].Path}: {error.Problems[0].Message}");
        Assert.NotEqual(DecisionKind.Emergency, error.Screening?.Decision);
    }

    [Fact]
    public void ReadProfile_RedFlagNameInAnotherFieldGivenTwice_DoesNotScreen()
    {
        var error = Refused("{" + Answers + ",\"causes\":[\"bladderDysfunction\"]}");

        Assert.StartsWith("appears a second time", Assert.Single(error.Problems).Message, StringComparison.Ordinal);
        Assert.NotEqual(DecisionKind.Emergency, error.Screening?.Decision);
    }

    [Fact]
    public void ReadProfile_TwoOverridesEachWithProblems_BothReported()
    {
        var error = Refused("{" + Answers + ",\"clinicianOverrides\":[{\"exerciseId\":\"a\",\"ruleId\":\"b\"},{\"exerciseId\":\"c\",\"ruleId\":\"d\"}]}");

        Assert.Equal(["$.clinicianOverrides[0].reason", "$.clinicianOverrides[1].reason"], error.Problems.Select(p => p.Path));
    }

    [Fact]
    public void ReadProfile_RedFlagNamesInAnOverridePastTheLimit_DoNotScreen()
    {
        var overrides = string.Concat(Enumerable.Repeat("{\"exerciseId\":\"a\",\"ruleId\":\"b\",\"reason\":\"c\"},", 256)) + "[\"bladderDysfunction\"]";

        var error = Refused("{" + Answers + ",\"clinicianOverrides\":[" + overrides + "]}");

        Assert.NotEqual(DecisionKind.Emergency, error.Screening?.Decision);
    }

    [Fact]
    public void ReadProfile_NameGivenTwiceInAnOverridePastTheLimit_NamedAtItsIndex()
    {
        var overrides = string.Concat(Enumerable.Repeat("{\"exerciseId\":\"a\",\"ruleId\":\"b\",\"reason\":\"c\"},", JsonValues.MaximumArrayItems))
            + "{\"exerciseId\":\"a\",\"exerciseId\":\"b\"}";

        var problem = Assert.Single(Refused("{" + Answers + ",\"clinicianOverrides\":[" + overrides + "]}").Problems);

        Assert.Equal("$.clinicianOverrides[256].exerciseId", problem.Path);
        Assert.StartsWith("appears a second time", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadProfile_TwoUndecodableTexts_TheFirstIsReported()
    {
        var json = "{" + Answers.Replace("\"redFlags\":[]", "\"redFlags\":[],\"clinicianOverrides\":[{\"exerciseId\":\"\\ud800\",\"ruleId\":\"\\udc00\",\"reason\":\"r\"}]", StringComparison.Ordinal) + "}";

        var problem = Assert.Single(Refused(json).Problems);

        Assert.Equal("$.clinicianOverrides[0].exerciseId", problem.Path);
    }

    [Fact]
    public void ReadProfile_EmptyOverrideList_AllocatesNoMoreThanNoList()
    {
        var without = Encoding.UTF8.GetBytes("{" + Answers + "}");
        var with = Encoding.UTF8.GetBytes("{" + Answers + ",\"clinicianOverrides\":[]}");
        SciaticaJson.ReadProfile(without);
        SciaticaJson.ReadProfile(with);

        var before = GC.GetAllocatedBytesForCurrentThread();
        SciaticaJson.ReadProfile(without);
        var plain = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        SciaticaJson.ReadProfile(with);
        var empty = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(plain, empty);
    }
}
