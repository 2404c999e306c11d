using System.Text;

namespace Sciatica.Rules.Tests.Serialization;

/// <summary>
/// The item limit of a profile's lists at its edge: exactly <see cref="JsonValues.MaximumArrayItems"/> items are read,
/// one more refuses the list whole, and what the refused items said is forgotten (text that cannot be decoded) or
/// still reported (a name given twice inside one) or still screened (a red flag), and nothing more.
/// </summary>
public sealed class ItemLimitTests
{
    private const string Answers = "\"causes\":[\"herniatedDisc\"],\"legPain\":5,\"backPain\":2,\"redFlags\":[],\"medicalClearance\":true,\"symptomsTolerateExercise\":true";

    private static string WithRoots(string items) => "{" + Answers + ",\"affectedRoots\":[" + items + "]}";

    private static string Roots(int count) => string.Join(',', Enumerable.Repeat("\"l5\"", count));

    [Fact]
    public void ReadProfile_ListOfExactlyTheLimit_IsRead()
    {
        var profile = SciaticaJson.ReadProfile(WithRoots(Roots(JsonValues.MaximumArrayItems)));

        Assert.Equal([NerveRoot.L5], profile.AffectedRoots);
    }

    [Fact]
    public void ReadProfile_ListOneOverTheLimit_RefusedWhole()
    {
        var problem = Assert.Single(Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(WithRoots(Roots(JsonValues.MaximumArrayItems + 1)))).Problems);

        Assert.Equal("$.affectedRoots", problem.Path);
        Assert.Equal($"has {JsonValues.MaximumArrayItems + 1} items; at most {JsonValues.MaximumArrayItems} are accepted.", problem.Message);
    }

    [Fact]
    public void ReadProfile_UndecodableItemOfARefusedList_IsForgotten()
    {
        var json = WithRoots("\"\\ud800\"," + Roots(JsonValues.MaximumArrayItems));

        var problem = Assert.Single(Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(Encoding.UTF8.GetBytes(json))).Problems);

        Assert.Equal("$.affectedRoots", problem.Path);
        Assert.StartsWith($"has {JsonValues.MaximumArrayItems + 1} items", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadProfile_NameGivenTwiceInAnItemPastTheLimit_ReportedAtThatItem()
    {
        var json = WithRoots(Roots(JsonValues.MaximumArrayItems) + ",{\"a\":1,\"a\":2}");

        var problem = Assert.Single(Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(json)).Problems);

        Assert.Equal($"$.affectedRoots[{JsonValues.MaximumArrayItems}].a", problem.Path);
        Assert.StartsWith("appears a second time", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadProfile_ArrayItemPastTheLimitOfRedFlags_IsNotAFlag()
    {
        // Within the limit an item that is an array is a wrong value, not a flag; past it the same holds.
        var flags = string.Join(',', Enumerable.Repeat("\"fever\"", JsonValues.MaximumArrayItems)) + ",[\"bladderDysfunction\"]";
        var json = "{" + Answers.Replace("\"redFlags\":[]", "\"redFlags\":[" + flags + "]", StringComparison.Ordinal) + "}";

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(json));

        // "fever" alone screens nothing; the bladder sign inside the array is not noted.
        Assert.Null(error.Screening);
    }

    [Fact]
    public void ReadProfile_CausesGivenAsAnEmptyList_AsksForOne()
    {
        var json = "{" + Answers.Replace("[\"herniatedDisc\"]", "[]", StringComparison.Ordinal) + "}";

        var problem = Assert.Single(Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(json)).Problems);

        Assert.Equal("$.causes", problem.Path);
        Assert.StartsWith("must list at least one cause (use \"unknown\" when the cause is not diagnosed); allowed values: bulgingDisc, ", problem.Message, StringComparison.Ordinal);
    }
}
