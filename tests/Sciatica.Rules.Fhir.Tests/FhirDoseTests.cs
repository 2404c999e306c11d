using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Fhir.Tests;

/// <summary>
/// A dose as FHIR for every number of times a day: the text a person reads and the timing's frequency. The default
/// catalog starts every exercise once a day, so a catalog that starts one at two or three times a day is loaded here.
/// </summary>
public sealed class FhirDoseTests
{
    [Theory]
    [InlineData(1, "10 repetitions, 1 set, once a day")]
    [InlineData(2, "10 repetitions, 1 set, twice a day")]
    [InlineData(3, "10 repetitions, 1 set, 3 times a day")]
    public void ActivityDefinition_Dose_SaysAndTimesHowOftenADay(int timesPerDay, string text)
    {
        var engine = Catalog(timesPerDay);

        var activity = SciaticaFhir.ActivityDefinitions(engine).Single(a => a.Id == "abdominal-bracing");

        var dose = Assert.Single(activity.Dosage);
        Assert.Equal(text, dose.Text);
        Assert.Equal(timesPerDay, dose.Timing?.Repeat?.Frequency);
        Assert.Equal((1m, Timing.UnitsOfTime.D), (dose.Timing?.Repeat?.Period, dose.Timing?.Repeat?.PeriodUnit));
    }

    private static ProgramSelector Catalog(int timesPerDay)
    {
        var document = JsonNode.Parse(CatalogLoader.Write(ProgramSelector.Default.Catalog, ProgramSelector.Default.RuleSet))!.AsObject();
        document["name"] = "times-a-day";
        var exercise = document["exercises"]!.AsArray().Single(e => (string?)e!["id"] == "abdominal-bracing")!;
        exercise["dosage"]!["timesPerDay"] = timesPerDay;
        exercise["maximumDosage"]!["timesPerDay"] = 3;
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(document.ToJsonString()));
        return CatalogLoader.Load(stream);
    }
}
