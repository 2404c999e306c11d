using System.Text;
using System.Text.Json.Nodes;
using Sciatica.Rules.Catalogs;
using static Sciatica.Rules.Tests.Serialization.CatalogDocuments;

namespace Sciatica.Rules.Tests.Serialization;

/// <summary>
/// The catalog reader, word for word and in order: the document's own fields, its thresholds and its declared sources,
/// what it says of a list that is not one, and the optional fields of an item left out. Written from the mutants the
/// reader's mutation run left alive (docs/testing.md, Serialization part F).
/// </summary>
public sealed class CatalogDocumentTests
{
    /// <summary>The reader's problems: the first of the report (the loader's own checks of what was read follow them).</summary>
    private static void Refused(string[] expected, string json)
    {
        var error = Assert.Throws<SciaticaValidationException>(() => Load(json));
        Assert.Equal("catalog", error.Subject);
        Assert.Equal(expected, error.Problems.Take(expected.Length).Select(p => $"{p.Path}: {p.Message}"));
    }

    private static string[] Report(string json)
    {
        var error = Assert.Throws<SciaticaValidationException>(() => Load(json));
        Assert.Equal("catalog", error.Subject);
        return [.. error.Problems.Select(p => $"{p.Path}: {p.Message}")];
    }

    [Fact]
    public void Load_NotAnObject_OneProblem() =>
        Refused(["$: is an array; allowed values: a JSON object."], "[]");

    [Fact]
    public void Load_ContentAfterTheCatalog_Refused() =>
        Assert.Single(Report(DefaultDocument + " x"));

    [Fact]
    public void Load_Empty_EachRequiredFieldNamed() =>
        Refused(
            [
                "$.name: is required; allowed values: a non-empty text.",
                "$.version: is required; allowed values: a non-empty text.",
                "$.exercises: is required; allowed values: an array of exercises.",
                "$.contraindications: is required; allowed values: an array of contraindications.",
            ],
            "{}");

    [Fact]
    public void Load_ListsThatAreNotLists_EachNamesWhatItHolds() =>
        Refused(
            [
                "$.sources: is the number 1; allowed values: an array of sources.",
                "$.screening: is the number 2; allowed values: an array of screening gates.",
                "$.exercises: is the number 3; allowed values: an array of exercises.",
                "$.contraindications: is the number 4; allowed values: an array of contraindications.",
            ],
            """{"name":"x","version":"1","contraindications":4,"exercises":3,"screening":2,"sources":1}""");

    [Fact]
    public void Load_FullCatalogWithoutScreening_KeepsTheDefaultGates()
    {
        var document = Document();
        document.Remove("screening");

        var engine = Load(document.ToJsonString());

        Assert.Equal(RuleSet.Default.Screening, engine.RuleSet.Screening);
        Assert.Equal(ProgramSelector.Default.RuleSetVersion, engine.RuleSetVersion);
    }

    [Fact]
    public void Load_EveryThresholdTightened_EachRead()
    {
        var document = Document();
        document["thresholds"] = new JsonObject
        {
            ["seriousPathologyMinimumAge"] = 25,
            ["seriousPathologyMaximumAge"] = 45,
            ["minimumWeeksAfterSpineSurgery"] = 6,
            ["severePainFrom"] = 6,
            ["maximumPainDuringExercise"] = 4,
            ["maximumPainForProgression"] = 2,
        };

        var thresholds = Load(document.ToJsonString()).RuleSet.Thresholds;

        Assert.Equal((25, 45, 6, 6, 4, 2), (thresholds.SeriousPathologyMinimumAge, thresholds.SeriousPathologyMaximumAge, thresholds.MinimumWeeksAfterSpineSurgery,
            thresholds.SeverePainFrom, thresholds.MaximumPainDuringExercise, thresholds.MaximumPainForProgression));
    }

    [Fact]
    public void Load_ThresholdProblems_AfterTheNameAndEachNamed()
    {
        var document = Document();
        document["name"] = 5;
        document["thresholds"] = new JsonObject { ["severePainFrom"] = null, ["zz"] = 1, ["maximumPainDuringExercise"] = 11 };

        Refused(
            [
                "$.name: is the number 5; allowed values: a non-empty text.",
                "$.thresholds.zz: is not a known property; allowed properties: seriousPathologyMinimumAge, seriousPathologyMaximumAge, "
                + "minimumWeeksAfterSpineSurgery, severePainFrom, maximumPainDuringExercise, maximumPainForProgression.",
                "$.thresholds.severePainFrom: is null; allowed values: an integer 0..10.",
                "$.thresholds.maximumPainDuringExercise: is the number 11; allowed values: an integer 0..10.",
            ],
            document.ToJsonString());
    }

    [Fact]
    public void Load_ThresholdTheOnlyProblem_Refused()
    {
        var document = Document();
        document["thresholds"]!["severePainFrom"] = 11;

        Refused(["$.thresholds.severePainFrom: is the number 11; allowed values: an integer 0..10."], document.ToJsonString());
    }

    [Fact]
    public void Load_OverlayLooserThreshold_ListedAfterTheSourcesProblem() =>
        Assert.Equal(
            [
                "$.sources: is the number 1; allowed values: an array of sources.",
                "$.thresholds.seriousPathologyMaximumAge: is 55, looser than the default catalog's 50: thresholds may only be tightened (a smaller value is stricter).",
            ],
            Report("""{"thresholds":{"seriousPathologyMaximumAge":55},"sources":1,"name":"x","version":"1","extends":"default"}"""));

    [Fact]
    public void Load_DeclaredSource_ReadWithWhatItSupportsByDefault()
    {
        var engine = Load("""{"name":"x","version":"1","extends":"default","sources":[{"id":"CLINIC-A","citation":"Clinic A protocol.","link":"https://example.org/a"},{"id":"CLINIC-B","citation":"Clinic B.","supports":"Pool work.","link":"http://example.org/b"}]}""");

        Assert.Equal(
            [new ClinicalSource("CLINIC-A", "Clinic A protocol.", "Declared by the catalog.") { Link = "https://example.org/a" }, new ClinicalSource("CLINIC-B", "Clinic B.", "Pool work.") { Link = "http://example.org/b" }],
            engine.RuleSet.DeclaredSources);
    }

    [Fact]
    public void Load_BrokenSources_EachProblemWordForWord() =>
        Assert.Equal(
            [
                "$.sources[0].id: must be an upper-case id such as 'CLINIC-NORTH-2025' (letters A-Z, digits and single hyphens).",
                "$.sources[1].id: 'CKS' is a built-in source: cite it directly, do not declare it again.",
                "$.sources[2].link: must be an absolute http or https address, or null.",
                "$.sources[3].citation: is required; allowed values: a non-empty text.",
                "$.sources[5].id: duplicate source id 'CLINIC-E': each id must appear once.",
            ],
            Report("""{"name":"x","version":"1","extends":"default","sources":[{"id":"clinic-a","citation":"c"},{"id":"CKS","citation":"c"},{"id":"CLINIC-C","citation":"c","link":"ftp://example.org"},{"id":"CLINIC-D"},{"id":"CLINIC-E","citation":"c"},{"id":"CLINIC-E","citation":"d"}]}"""));

    [Fact]
    public void Load_RepeatedSourceId_NamedAtTheSecond() =>
        Assert.Equal(
            ["$.sources[1].id: duplicate source id 'CLINIC-E': each id must appear once."],
            Report("""{"name":"x","version":"1","extends":"default","sources":[{"id":"CLINIC-E","citation":"c"},{"id":"CLINIC-E","citation":"d"}]}"""));

    [Fact]
    public void Load_GateWithoutRequiredFields_EachNamed()
    {
        var document = Document();
        var gate = document["screening"]![0]!.AsObject();
        gate.Remove("decision");
        gate.Remove("source");

        Refused(
            [
                "$.screening[0].decision: is required; allowed values: " + string.Join(", ", ContractNames.All<DecisionKind>()) + ".",
                "$.screening[0].source: is required; allowed values: a non-empty text.",
            ],
            document.ToJsonString());
    }

    [Fact]
    public void Load_ContraindicationWithoutRequiredFields_EachNamed()
    {
        var document = Document();
        var contraindication = document["contraindications"]![0]!.AsObject();
        contraindication.Remove("strength");
        contraindication.Remove("rationale");

        Refused(
            [
                "$.contraindications[0].strength: is required; allowed values: " + string.Join(", ", ContractNames.All<ContraindicationStrength>()) + ".",
                "$.contraindications[0].rationale: is required; allowed values: a non-empty text.",
            ],
            document.ToJsonString());
    }

    [Fact]
    public void Load_InstructionsNotAList_NamesWhatTheyHold()
    {
        var document = Document();
        document["exercises"]![0]!["instructions"] = 5;

        Refused(["$.exercises[0].instructions: is the number 5; allowed values: an array of non-empty texts."], document.ToJsonString());
    }

    [Fact]
    public void Load_DefaultWithoutItsOptionalFields_SameRules()
    {
        // Each optional field left out where the default gives it null or false: read as null or false, not as a value.
        string[] optional = ["redFlag", "cause", "timeframe", "alternative", "clinicianEnabledOnly", "whenDirectionalPreference", "afterSpineSurgery",
            "minimumLegPain", "minimumPregnancyWeeks", "liftedByDirectionalPreference", "guardsCustomCatalogsOnly"];
        var document = Document();
        var removed = 0;
        foreach (var list in new[] { "screening", "exercises", "contraindications" })
        {
            foreach (var item in document[list]!.AsArray().Select(i => i!.AsObject()))
            {
                foreach (var name in optional.Where(n => item.ContainsKey(n) && IsNullOrFalse(item[n])))
                {
                    item.Remove(name);
                    removed++;
                }
            }
        }

        var engine = Load(document.ToJsonString());

        static bool IsNullOrFalse(JsonNode? value) => value is null || (value is JsonValue v && v.TryGetValue<bool>(out var b) && !b);

        Assert.True(removed > 100, removed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(RuleSet.Default.Screening, engine.RuleSet.Screening);
        Assert.Equal(RuleSet.Default.Contraindications, engine.RuleSet.Contraindications);
        Assert.Equal(ExerciseCatalog.Default.Exercises, engine.Catalog.Exercises);
        Assert.Equal(ProgramSelector.Default.RuleSetVersion, engine.RuleSetVersion);
    }

    /// <summary>
    /// The one enum message whose guess and whole list of values fill the budget of a message exactly (the hint, the
    /// movement patterns and room for the input make 300 characters): the list is given whole, not cut.
    /// </summary>
    [Fact]
    public void Load_MistypedMovementPattern_GuessAndTheWholeList()
    {
        var document = Document();
        document["exercises"]![0]!["movements"] = new JsonArray("hipRotaton");

        Refused(
            [$"$.exercises[0].movements[0]: is the text \"hipRotaton\", which is not a movement pattern (did you mean \"hipRotation\"?); allowed values: {string.Join(", ", ContractNames.All<MovementPattern>())}."],
            document.ToJsonString());
    }
}
