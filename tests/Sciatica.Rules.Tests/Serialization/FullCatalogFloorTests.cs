using System.Text;
using System.Text.Json.Nodes;
using Sciatica.Rules.Catalogs;

namespace Sciatica.Rules.Tests.Serialization;

/// <summary>
/// A full catalog document (no <c>extends</c>) may only tighten the default, as an overlay (#27, point 6): the three
/// loosening documents are refused naming the field; the same changes made stricter load. Values are read from the loaded
/// default catalog, never restated.
/// </summary>
public sealed class FullCatalogFloorTests
{
    private static readonly RuleSet Default = ProgramSelector.Default.RuleSet;

    private static JsonObject Document() => JsonNode.Parse(CatalogLoader.Write(ExerciseCatalog.Default, Default))!.AsObject();

    private static ProgramSelector Load(JsonObject document) => CatalogLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(document.ToJsonString())));

    private static ValidationProblem Refused(JsonObject document) =>
        Assert.Single(Assert.Throws<SciaticaValidationException>(() => Load(document)).Problems);

    private static (JsonObject Gate, int Index) FeverGate(JsonObject document)
    {
        var gates = document["screening"]!.AsArray();
        var index = gates.Select((g, i) => (g, i)).Single(x => (string?)x.g!["redFlag"] == "fever").i;
        return (gates[index]!.AsObject(), index);
    }

    [Fact]
    public void Load_FeverGateMovedLater_RefusedAtItsTimeframe_SoonerLoads()
    {
        var feverTimeframe = Default.Screening.Single(g => g.RedFlag == RedFlag.Fever).Timeframe!.Value;
        Assert.True(feverTimeframe < Timeframe.WithinDays, "the default fever gate asks for sooner than within days");
        var later = Document();
        var (gate, index) = FeverGate(later);
        gate["timeframe"] = "withinDays";

        var problem = Refused(later);

        Assert.Equal($"$.screening[{index}].timeframe", problem.Path);
        Assert.Contains("later than the default catalog's", problem.Message, StringComparison.Ordinal);

        var sooner = Document();
        FeverGate(sooner).Gate["timeframe"] = "now";
        Assert.Equal(Timeframe.Now, Load(sooner).Select(Profiles.WithFlags(RedFlag.Fever)).Timeframe);
    }

    [Fact]
    public void Load_SeriousPathologyMaximumAgeRaised_Refused_LoweredLoads()
    {
        var maximum = Default.Thresholds.SeriousPathologyMaximumAge;
        var raised = Document();
        raised["thresholds"]!["seriousPathologyMaximumAge"] = maximum + 1;

        var problem = Refused(raised);

        Assert.Equal("$.thresholds.seriousPathologyMaximumAge", problem.Path);
        Assert.Contains("looser than the default catalog's", problem.Message, StringComparison.Ordinal);

        var lowered = Document();
        lowered["thresholds"]!["seriousPathologyMaximumAge"] = maximum - 1;
        Assert.Equal(maximum - 1, Load(lowered).RuleSet.Thresholds.SeriousPathologyMaximumAge);
    }

    [Fact]
    public void Load_DefaultExerciseRetaggedNeutral_Refused_AnExtraTagLoads()
    {
        var rotation = ExerciseCatalog.Default.Exercises.First(e => e.Movements.Contains(MovementPattern.LumbarRotation));
        var retagged = Document();
        var exercises = retagged["exercises"]!.AsArray();
        var index = exercises.Select((e, i) => (e, i)).Single(x => (string?)x.e!["id"] == rotation.Id).i;
        exercises[index]!["movements"] = new JsonArray("neutralSpine");

        var problem = Refused(retagged);

        Assert.Equal($"$.exercises[{index}]", problem.Path);
        Assert.Contains("movements must include", problem.Message, StringComparison.Ordinal);

        var more = Document();
        more["exercises"]![index]!["movements"]!.AsArray().Add("lumbarFlexion");
        Assert.Contains(MovementPattern.LumbarFlexion, Load(more).Catalog.Find(rotation.Id)!.Movements);
    }
}
