using System.Text.Json.Nodes;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Fhir.Tests;

/// <summary>
/// A catalog contraindication may read leg pain up to 10 and pregnancy up to week 42 (the loader's limits): the plan
/// definition says such a rule in FHIRPath at exactly that value, never as the "cannot be said" safe side.
/// </summary>
public sealed class FhirPathBoundaryTests
{
    [Theory]
    [InlineData("minimumLegPain", 10, "item.where(linkId='legPain').answer.where(value >= 10).exists()")]
    [InlineData("minimumPregnancyWeeks", 42, "item.where(linkId='pregnancyWeeks').answer.where(value >= 42).exists()")]
    public void ContraindicationAtTheLoadersLimit_IsSaidInFhirPath(string field, int value, string expression)
    {
        var document = JsonNode.Parse(CatalogLoader.Write(ProgramSelector.Default.Catalog, ProgramSelector.Default.RuleSet))!.AsObject();
        document["name"] = "at-the-limit";
        var rules = document["contraindications"]!.AsArray();
        var rule = rules.Single(c => (string?)c!["id"] == "disc-avoid-extension")!.DeepClone();
        rule["id"] = "at-the-limit";
        rule[field] = value;
        rules.Add(rule);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(document.ToJsonString()));

        var plan = SciaticaFhir.PlanDefinition(CatalogLoader.Load(stream));

        Assert.EndsWith("Every rule of this rule set is said in FHIRPath.", plan.Usage, StringComparison.Ordinal);
        var conditions = plan.Action.SelectMany(a => a.Action).SelectMany(g => g.Action).SelectMany(x => x.Condition).Select(c => c.Expression?.Expression_).ToList();
        Assert.Contains(conditions, c => c!.Contains(expression, StringComparison.Ordinal) && c.Contains("at-the-limit", StringComparison.Ordinal));
    }
}
