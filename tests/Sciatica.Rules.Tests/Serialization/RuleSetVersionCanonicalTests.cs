using System.Text;
using System.Text.Json.Nodes;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Tests.Serialization;

/// <summary>
/// A catalog written and read back keeps its rule-set version, and the order a document lists its gates, rules, exercises
/// and sources in does not change it (#27, point 7): the version names content, not layout.
/// </summary>
public sealed class RuleSetVersionCanonicalTests
{
    private static ProgramSelector Load(string json) => CatalogLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    private static JsonObject Document()
    {
        var document = JsonNode.Parse(CatalogLoader.Write(ExerciseCatalog.Default, ProgramSelector.Default.RuleSet))!.AsObject();
        document["name"] = "clinic";
        document["sources"] = new JsonArray(
            new JsonObject { ["id"] = "CLINIC-A", ["citation"] = "Clinic protocol A." },
            new JsonObject { ["id"] = "CLINIC-B", ["citation"] = "Clinic protocol B." });
        return document;
    }

    private static void Reverse(JsonObject document, string name)
    {
        var items = document[name]!.AsArray().Select(x => x!.DeepClone()).Reverse().ToList();
        document[name] = new JsonArray([.. items]);
    }

    [Theory]
    [InlineData("screening")]
    [InlineData("contraindications")]
    [InlineData("exercises")]
    [InlineData("sources")]
    public void Load_ReorderedArray_SameRuleSetVersionAndDecisions(string array)
    {
        var document = Document();
        var original = Load(document.ToJsonString());
        Reverse(document, array);

        var reordered = Load(document.ToJsonString());

        Assert.Equal(original.RuleSetVersion, reordered.RuleSetVersion);
        var profile = Profiles.With(Cause.HerniatedDisc);
        Assert.Equal(original.Select(profile) with { RuleSetVersion = "" }, reordered.Select(profile) with { RuleSetVersion = "" });
    }

    [Fact]
    public void WriteThenLoad_ReorderedDocument_KeepsItsRuleSetVersion()
    {
        var document = Document();
        foreach (var array in new[] { "screening", "contraindications", "exercises", "sources" })
        {
            Reverse(document, array);
        }

        var loaded = Load(document.ToJsonString());

        var again = Load(CatalogLoader.Write(loaded.Catalog, loaded.RuleSet));

        Assert.Equal(loaded.RuleSetVersion, again.RuleSetVersion);
    }
}
